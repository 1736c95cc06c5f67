import Logging
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

extension AdvisorService {
    /// Listens and serves until graceful shutdown (SIGTERM/SIGINT under a `ServiceGroup`) or cancellation.
    public func run() async throws {
        transition(to: .starting)
        let serverChannel: NIOAsyncChannel<NIOAsyncChannel<ConnectionInput, ByteBuffer>, Never>
        do {
            serverChannel = try await bind()
        } catch {
            transition(to: .stopped)
            throw ServerError.cannotBind(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        let port = serverChannel.channel.localAddress?.port ?? configuration.port
        logger.info(
            "listening",
            metadata: [
                "host": "\(configuration.host)", "port": "\(port)",
                "maxConnections": "\(configuration.maxConnections)",
            ]
        )
        transition(to: .listening(port: port))
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                let trimmer = Task { [registry] in await MemoryTrimmer.run(registry: registry) }
                defer { trimmer.cancel() }
                try await serverChannel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection) }
                    }
                }
                // The listening socket is closed: from here on a new connection is refused by the system. The
                // group waits for the open connections to finish.
                transition(to: .draining)
            }
        } onGracefulShutdown: {
            self.shutDown(serverChannel.channel)
        }
        transition(to: .stopped)
        logger.info("stopped")
    }

    /// Stops accepting, lets each connection finish the reply it is writing and deliver every reply it has
    /// written, and closes the stragglers after the grace period.
    private func shutDown(_ serverChannel: any Channel) {
        logger.info(
            "shutting down: no new connections, finishing questions in flight",
            metadata: ["connections": "\(registry.count)"]
        )
        registry.drain()
        serverChannel.close(promise: nil)
        let registry = self.registry
        let logger = self.logger
        serverChannel.eventLoop.scheduleTask(in: configuration.shutdownGracePeriod) {
            let left = registry.count
            if left > 0 {
                logger.warning("grace period over, closing connections", metadata: ["connections": "\(left)"])
                registry.closeAll()
            }
        }
    }

    /// Most lines handed to a connection's handler at once (see `ConnectionInputHandler`).
    static let linesPerBatch = 16

    private func bind() async throws -> NIOAsyncChannel<NIOAsyncChannel<ConnectionInput, ByteBuffer>, Never> {
        let configuration = self.configuration
        let logger = self.logger
        let lingering = self.lingering
        return try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: Int32(clamping: configuration.backlog))
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // A client may send its questions and shut its side: it still gets every answer.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(
                .writeBufferWaterMark,
                value: .init(low: configuration.writeBufferBytes / 2, high: configuration.writeBufferBytes)
            )
            .bind(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(
                        LingeringCloseHandler(timeout: configuration.lingerTimeout, budget: lingering)
                    )
                    try pipeline.addHandler(IdleStateHandler(readTimeout: configuration.idleTimeout))
                    try pipeline.addHandler(IdleCloseHandler(logger: logger))
                    try pipeline.addHandler(
                        ByteToMessageHandler(
                            LineBasedFrameDecoder(),
                            maximumBufferSize: configuration.maxLineBytes + 1
                        )
                    )
                    // Read-ahead is counted in batches of up to `batch` lines.
                    let batch = Self.linesPerBatch
                    try pipeline.addHandler(ConnectionInputHandler(maximumBatch: batch))
                    let readAhead = max(2, (configuration.readAheadLines + batch - 1) / batch)
                    return try NIOAsyncChannel<ConnectionInput, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(
                            backPressureStrategy: .init(lowWatermark: readAhead / 2, highWatermark: readAhead)
                        )
                    )
                }
            }
    }

    /// One connection, from admission to close; errors stay with this connection.
    private func serve(_ connection: NIOAsyncChannel<ConnectionInput, ByteBuffer>) async {
        let peer = connection.channel.remoteAddress?.description ?? "unknown peer"
        let admission = registry.admit(connection.channel)
        if admission != .admitted {
            let reason = admission == .draining ? "shutting down" : "too many connections (limit \(registry.limit))"
            logger.warning("refused connection", metadata: ["peer": "\(peer)", "reason": "\(reason)"])
            try? await connection.executeThenClose { _, outbound in
                var refusal = connection.channel.allocator.buffer(capacity: 96)
                let text = "server busy: \(reason); try again later"
                ReplyEncoder.writeJSONLine(#"{"error":"\#(text)"}"#, into: &refusal)
                try await outbound.write(refusal)
                await connection.channel.closeLingering()
            }
            return
        }
        defer { registry.remove(connection.channel) }
        logger.info("connection opened", metadata: ["peer": "\(peer)", "connections": "\(registry.count)"])
        var responder = makeResponder()
        let handler = ConnectionHandler(
            channel: connection,
            peer: peer,
            maxLineBytes: configuration.maxLineBytes,
            logger: logger,
            registry: registry
        )
        await handler.run(responder: &responder)
        responder.finish()
        logger.info("connection closed", metadata: ["peer": "\(peer)"])
    }
}
