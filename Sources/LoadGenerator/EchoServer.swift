import AdvisorServer
import Logging
import ServiceLifecycle

/// The baseline: the advisor's transport (same bootstrap, framing, limits and async channel) answering
/// each line with itself.
enum EchoServer {
    static func run(host: String, port: Int) async throws {
        let logger = Logger(label: "advisor-load.echo", factory: { StreamLogHandler.standardError(label: $0) })
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        let service = AdvisorService(configuration: configuration, logger: logger) { EchoResponder() }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: service)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
        try await group.run()
    }
}
