import NIOCore

/// What a connection's handler reads: the client's next lines, or the server's word that it is shutting down.
enum ConnectionInput: Sendable {
    /// Lines that arrived together (one read from the socket), in order, without their line endings.
    case lines([ByteBuffer])
    /// Graceful shutdown has begun: stop once the reply being written, if any, is written.
    case drain
}

/// The user event `ConnectionRegistry.drain()` sends down every open connection's pipeline.
struct DrainEvent: Sendable {}

/// Hands decoded lines on in batches, as `ConnectionInput.lines`, and turns a `DrainEvent` into
/// `ConnectionInput.drain`.
///
/// A pipelining client's lines arrive many to a read; passing them on together lets the handler answer
/// them in one go and write all their replies at once, instead of a trip between threads and a write to
/// the socket per line. A batch never holds more than `maximumBatch` lines.
///
/// The drain event wakes a handler that is waiting for its next line at shutdown without closing the
/// connection's input: a closed input stops the server from reading, and closing a socket with unread input
/// resets the connection, which can cost the client replies it has not read yet.
final class ConnectionInputHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ConnectionInput

    private let maximumBatch: Int
    private var pending: [ByteBuffer] = []

    init(maximumBatch: Int) {
        self.maximumBatch = max(1, maximumBatch)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending.append(Self.unwrapInboundIn(data))
        if pending.count >= maximumBatch { passOn(context) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        passOn(context)
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if passOn(context) { context.fireChannelReadComplete() }
        guard event is DrainEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        context.fireChannelRead(Self.wrapInboundOut(.drain))
        // The async channel hands what it has read to the handler at read-complete.
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Lines read before the error (a line over the limit, say) are answered first.
        if passOn(context) { context.fireChannelReadComplete() }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if passOn(context) { context.fireChannelReadComplete() }
        context.fireChannelInactive()
    }

    /// Passes the lines gathered so far on as one batch; false when there were none.
    @discardableResult
    private func passOn(_ context: ChannelHandlerContext) -> Bool {
        guard !pending.isEmpty else { return false }
        let lines = pending
        pending.removeAll(keepingCapacity: true)
        context.fireChannelRead(Self.wrapInboundOut(.lines(lines)))
        return true
    }
}
