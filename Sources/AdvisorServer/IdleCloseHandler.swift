import Logging
import NIOCore

/// Closes a connection when `IdleStateHandler` reports that nothing was read for the idle timeout, which also
/// catches a client that stops reading its replies (the server then stops reading its questions).
final class IdleCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let logger: Logger
    private var closing = false

    init(logger: Logger) {
        self.logger = logger
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard !closing, let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        closing = true
        logger.info("closing idle connection", metadata: ["peer": "\(context.remoteAddress?.description ?? "?")"])
        var notice = context.channel.allocator.buffer(capacity: 64)
        ReplyEncoder.writeJSONLine(#"{"error":"idle timeout: closing the connection"}"#, into: &notice)
        context.writeAndFlush(NIOAny(notice), promise: nil)
        context.triggerUserOutboundEvent(LingeringClose(), promise: nil)
    }
}
