import AdvisorCore
import Logging
import NIOConcurrencyHelpers
import NIOPosix
import ServiceLifecycle
import UnixSignals

/// Holds the `Advisor` every connection answers with, and swaps in freshly loaded data on SIGHUP.
/// A reload that fails keeps the data already serving and logs what is wrong.
public final class DataReloader: Service, Sendable {
    /// Where a reload reads from; nil when there is nothing to reload (embedded data only).
    public let directory: String?
    private let current: NIOLockedValueBox<Serving>
    private let generation = NIOLockedValueBox(0)
    private let logger: Logger

    public init(advisor: Advisor, directory: String?, logger: Logger) {
        self.current = NIOLockedValueBox(Serving(advisor))
        self.directory = directory
        self.logger = logger
    }

    /// The data serving now.
    public var advisor: Advisor { serving.advisor }

    /// The data serving now, by reference: taking it costs one retain, where a copy of the `Advisor`
    /// value retains each of its many parts.
    public var serving: Serving { current.withLockedValue { $0 } }

    /// One loaded advisor, shared by reference.
    public final class Serving: Sendable {
        public let advisor: Advisor

        init(_ advisor: Advisor) {
            self.advisor = advisor
        }
    }

    /// How many reloads have succeeded.
    public var reloads: Int { generation.withLockedValue { $0 } }

    /// Loads the data directory again; on success the new data serves the next question.
    @discardableResult
    public func reload() async -> Result<Void, LoadError> {
        guard let directory else {
            logger.warning("SIGHUP: serving embedded data, nothing to reload (start with --data DIR)")
            return .failure(LoadError(file: "(embedded)", line: 0, column: 0, message: "no data directory"))
        }
        logger.info("reloading data", metadata: ["directory": "\(directory)"])
        let result: Result<Advisor, LoadError>
        do {
            // Loading parses every file: keep it off the threads that answer questions.
            result = try await NIOThreadPool.singleton.runIfActive {
                Result { () throws(LoadError) -> Advisor in try Advisor(source: .directory(directory)) }
            }
        } catch {
            logger.error("reload failed, keeping the old data", metadata: ["error": "\(error)"])
            return .failure(LoadError(file: directory, line: 0, column: 0, message: "\(error)"))
        }
        switch result {
        case .success(let advisor):
            let serving = Serving(advisor)
            current.withLockedValue { $0 = serving }
            generation.withLockedValue { $0 += 1 }
            logger.info("data reloaded", metadata: ["directory": "\(directory)"])
            return .success(())
        case .failure(let error):
            logger.error("reload failed, keeping the old data", metadata: ["error": "\(error)"])
            return .failure(error)
        }
    }

    /// Reloads on every SIGHUP until graceful shutdown.
    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            await reload()
        }
    }
}
