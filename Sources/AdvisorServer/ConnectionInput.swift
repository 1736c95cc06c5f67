import NIOCore

/// What a connection's handler reads: the client's next line, or the server's word that it is shutting down.
enum ConnectionInput: Sendable {
    /// One line from the client, without its line ending.
    case line(ByteBuffer)
    /// Graceful shutdown has begun: stop once the reply being written, if any, is written.
    case drain
}

/// The user event `ConnectionRegistry.drain()` sends down every open connection's pipeline.
struct DrainEvent: Sendable {}

/// Passes decoded lines on as `ConnectionInput.line`, and turns a `DrainEvent` into `ConnectionInput.drain`.
///
/// This wakes a handler that is waiting for its next line at shutdown without closing the connection's input:
/// a closed input stops the server from reading, and closing a socket with unread input resets the connection,
/// which can cost the client replies it has not read yet.
final class DrainSignalHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ConnectionInput

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(Self.wrapInboundOut(.line(Self.unwrapInboundIn(data))))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is DrainEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        context.fireChannelRead(Self.wrapInboundOut(.drain))
        // The async channel hands what it has read to the handler at read-complete.
        context.fireChannelReadComplete()
    }
}
