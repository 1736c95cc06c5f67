import AdvisorCore
import AdvisorServer
import Logging
import ServiceLifecycle

/// The advisor's embedded data, loaded once for all server tests.
enum ServerFixture {
    static let advisor: Advisor = {
        do {
            return try Advisor()
        } catch {
            fatalError("embedded data does not load: \(error)")
        }
    }()

    static var logger: Logger {
        var logger = Logger(label: "test.server", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .warning
        return logger
    }
}

/// An in-process server on a free port, run under a `ServiceGroup` like `advisor serve`.
struct TestServer {
    let service: AdvisorService
    let group: ServiceGroup
    let task: Task<Void, any Error>
    let port: Int

    /// Starts a server answering with the advisor, or with `responder`'s responders when given.
    static func start(
        _ configure: (inout ServerConfiguration) -> Void = { _ in },
        responder: (@Sendable () -> any LineResponder)? = nil
    ) async throws -> TestServer {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let service: AdvisorService
        if let responder {
            service = AdvisorService(
                configuration: configuration,
                logger: ServerFixture.logger,
                makeResponder: responder
            )
        } else {
            let data = DataReloader(advisor: ServerFixture.advisor, directory: nil, logger: ServerFixture.logger)
            service = AdvisorService(configuration: configuration, data: data, logger: ServerFixture.logger)
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], logger: ServerFixture.logger)
        )
        let task = Task { try await group.run() }
        let port = try await service.listeningPort()
        return TestServer(service: service, group: group, task: task, port: port)
    }

    func connect(reading: Bool = true) async throws -> TestClient {
        try await TestClient.connect(port: port, reading: reading)
    }

    /// Graceful shutdown, as on SIGTERM; waits for the service to finish.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    /// Waits until the service reports `state`; false if it does not within `seconds`.
    func waitForState(_ state: AdvisorService.State, seconds: Int = 10) async throws -> Bool {
        for _ in 0..<(seconds * 20) {
            if service.state == state { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return service.state == state
    }

    /// Waits until the server holds `count` connections (they close asynchronously).
    func waitForConnections(_ count: Int, seconds: Int = 10) async throws -> Bool {
        for _ in 0..<(seconds * 20) {
            if service.connectionCount == count { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return service.connectionCount == count
    }
}
