import AdvisorCore
import AdvisorServer
import ArgumentParser
import FoundationEssentials
import Logging
import NIOCore
import ServiceLifecycle

/// `advisor serve`: the TCP line-protocol server for chat frontends (see PROTOCOL.md).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve chat frontends over TCP: one question or JSON request per line (see PROTOCOL.md).",
        discussion: """
            SIGTERM/SIGINT stop accepting and close once questions in flight are answered; SIGHUP reloads \
            the data directory (--data DIR, or Intents/ and Knowledge/ in the current directory). Logs go to \
            standard error.
            """
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Address to listen on (loopback unless you ask for another interface).") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 4747
    @Option(help: "Longest line in bytes; a longer one gets an error and the connection is closed.")
    var maxLineBytes = InputLine.maximumBytes
    @Option(help: "Most connections at once; others get a refusal line.") var maxConnections = 10_000
    @Option(help: "Seconds a connection may stay silent (or not read its replies) before it is closed.")
    var idleTimeout = 300
    @Option(help: "Seconds a user's conversation is kept without a question.") var sessionTimeout = 1_800
    @Option(help: "Most conversations kept per connection.") var maxSessionsPerConnection = 1_000
    @Option(help: "Most conversations kept in all.") var maxSessions = 50_000
    @Option(help: "Seconds connections get to finish at shutdown.") var shutdownGrace = 10
    @Option(help: "Seconds a connection the server ends reads and drops the client's input before it closes.")
    var lingerTimeout = 2
    @Option(help: "Most connections lingering at once; past it they are closed at once.") var maxLingering = 1_000
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        for (name, value) in [
            ("--max-line-bytes", maxLineBytes), ("--max-connections", maxConnections),
            ("--idle-timeout", idleTimeout), ("--session-timeout", sessionTimeout),
            ("--max-sessions-per-connection", maxSessionsPerConnection), ("--max-sessions", maxSessions),
        ] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level") }
    }

    func run() async throws {
        var logger = Logger(label: "advisor.server", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let advisor = try data.load()
        let reloadDirectory = data.data ?? Self.workingDataDirectory()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxLineBytes = maxLineBytes
        configuration.maxConnections = maxConnections
        configuration.idleTimeout = .seconds(Int64(idleTimeout))
        configuration.sessionIdleTimeout = .seconds(Int64(sessionTimeout))
        configuration.maxSessionsPerConnection = maxSessionsPerConnection
        configuration.maxSessionsTotal = maxSessions
        configuration.shutdownGracePeriod = .seconds(Int64(max(0, shutdownGrace)))
        configuration.lingerTimeout = .seconds(Int64(max(0, lingerTimeout)))
        configuration.maxLingering = max(0, maxLingering)
        if !configuration.isLoopback {
            logger.notice(
                "listening on a non-loopback address: reachable from other machines",
                metadata: ["host": "\(host)"]
            )
        }
        let files = OpenFileLimit.raise(toAtLeast: maxConnections + 64)
        logger.info(
            "starting",
            metadata: [
                "data": "\(data.data ?? "embedded")", "reloadFrom": "\(reloadDirectory ?? "nothing")",
                "openFileLimit": "\(files)",
            ]
        )
        let reloader = DataReloader(advisor: advisor, directory: reloadDirectory, logger: logger)
        let service = AdvisorService(configuration: configuration, data: reloader, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service), .init(service: reloader)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }

    /// `.` when the working directory holds `Intents/` and `Knowledge/`, so SIGHUP can reload them.
    static func workingDataDirectory() -> String? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: "Intents"), manager.fileExists(atPath: "Knowledge") else { return nil }
        return manager.currentDirectoryPath
    }
}
