import AdvisorCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

/// The TCP line server as a ServiceLifecycle `Service`: binds, accepts, runs one `LineResponder` per
/// connection, and on graceful shutdown stops accepting, lets received questions finish, then closes.
public final class AdvisorService: Service, Sendable {
    /// Where the service is in its life.
    public enum State: Sendable, Equatable {
        case initialized
        case starting
        case listening(port: Int)
        /// Shutting down: the listening socket is closed, the open connections are finishing.
        case draining
        case stopped
    }

    public let configuration: ServerConfiguration
    let makeResponder: @Sendable () -> any LineResponder
    let group: MultiThreadedEventLoopGroup
    let logger: Logger
    let registry: ConnectionRegistry
    /// Connections closing lingering now (`LingeringCloseHandler`), capped by `maxLingering`.
    let lingering: CountedBudget
    private let lifecycle = NIOLockedValueBox(Lifecycle())

    private struct Lifecycle {
        var state = State.initialized
        var waiters: [CheckedContinuation<Int, any Error>] = []
    }

    /// A server answering with `makeResponder()`'s responder, one per connection.
    public init(
        configuration: ServerConfiguration,
        logger: Logger,
        group: MultiThreadedEventLoopGroup = .singleton,
        makeResponder: @escaping @Sendable () -> any LineResponder
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = group
        self.makeResponder = makeResponder
        self.registry = ConnectionRegistry(limit: configuration.maxConnections)
        self.lingering = CountedBudget(limit: configuration.maxLingering)
    }

    /// The advisor's server: answers with the data `data` holds now.
    public convenience init(
        configuration: ServerConfiguration,
        data: DataReloader,
        logger: Logger,
        group: MultiThreadedEventLoopGroup = .singleton
    ) {
        let budget = CountedBudget(limit: configuration.maxSessionsTotal)
        self.init(configuration: configuration, logger: logger, group: group) {
            AdvisorResponder(data: data, configuration: configuration, budget: budget)
        }
    }

    /// The current state.
    public var state: State { lifecycle.withLockedValue { $0.state } }

    /// Connections open now.
    public var connectionCount: Int { registry.count }

    /// Waits until the server listens and returns its port (useful with port 0).
    public func listeningPort() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, ServerError>? = lifecycle.withLockedValue { lifecycle in
                switch lifecycle.state {
                case .listening(let port): return .success(port)
                case .draining, .stopped: return .failure(.notListening)
                case .initialized, .starting:
                    lifecycle.waiters.append(continuation)
                    return nil
                }
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    func transition(to state: State) {
        let waiters = lifecycle.withLockedValue { lifecycle in
            lifecycle.state = state
            if case .starting = state { return [CheckedContinuation<Int, any Error>]() }
            defer { lifecycle.waiters = [] }
            return lifecycle.waiters
        }
        for waiter in waiters {
            if case .listening(let port) = state {
                waiter.resume(returning: port)
            } else {
                waiter.resume(throwing: ServerError.notListening)
            }
        }
    }
}

/// Why the server could not do what was asked.
public enum ServerError: Error, Sendable, CustomStringConvertible {
    case notListening
    case cannotBind(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .notListening: return "the server is not listening"
        case .cannotBind(let host, let port, let reason): return "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
