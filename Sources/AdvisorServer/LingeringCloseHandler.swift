import NIOCore

/// Asks `LingeringCloseHandler` to end its connection; the event's promise succeeds once the connection is
/// closed.
struct LingeringClose: Sendable {}

/// Ends a connection the server gives up on (a line too long, the idle timeout, a refusal past the
/// connection limit) without resetting it, so the client can read the last line the server wrote.
///
/// Closing a socket that still has unread input makes the system reset the connection, and a reset can
/// throw away replies the client has not read yet, the error line among them. Instead, on `LingeringClose`
/// this handler sends end-of-stream after the replies already written, and reads and drops whatever the
/// client still sends, until the client closes its side, `timeout` passes or it has dropped
/// `maximumDroppedBytes` (a client that keeps sending after an error is not waiting for it). It sits first in
/// the pipeline, so the dropped input never reaches the line decoder.
final class LingeringCloseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Most input dropped while lingering before the connection is closed anyway.
    static let maximumDroppedBytes = 1 << 20

    private let timeout: TimeAmount
    private let budget: CountedBudget
    private var droppedBytes = 0
    private var lingering = false
    private var holdsBudget = false
    private var inputClosed = false
    private var outputClosed = false
    private var deadline: Scheduled<Void>?

    /// Lingers at most `timeout`, and only while `budget` has room (otherwise closes at once).
    init(timeout: TimeAmount, budget: CountedBudget) {
        self.timeout = timeout
        self.budget = budget
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is LingeringClose else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        // `closeFuture` never fails.
        if let promise { context.channel.closeFuture.cascade(to: promise) }
        guard !lingering else { return }
        lingering = true
        holdsBudget = budget.acquire()
        guard holdsBudget else {
            // Too many lingering already: the old way, the last line may be lost to a reset.
            context.close(promise: nil)
            return
        }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            bound.value.1.close(promise: nil)
        }
        // Once the replies queued before this are written (an empty write completes after them), end-of-stream.
        // Not before: a half-close with writes pending escalates to a full close when the input has ended.
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in
            let (handler, context) = bound.value
            guard !handler.inputClosed else {
                context.close(promise: nil)
                return
            }
            let outputDone = context.eventLoop.makePromise(of: Void.self)
            outputDone.futureResult.whenComplete { _ in
                let (handler, context) = bound.value
                handler.outputClosed = true
                if handler.inputClosed { context.close(promise: nil) }
            }
            context.close(mode: .output, promise: outputDone)
        }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer()), promise: written)
        if !inputClosed { context.read() }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !lingering else {
            droppedBytes += Self.unwrapInboundIn(data).readableBytes
            if droppedBytes > Self.maximumDroppedBytes { context.close(promise: nil) }
            return
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard !lingering else {
            // Keep draining: the line decoder and the async channel no longer ask for reads.
            context.read()
            return
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inputClosed = true
            if lingering {
                if outputClosed { context.close(promise: nil) }
                return
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !lingering else {
            context.close(promise: nil)
            return
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if holdsBudget {
            holdsBudget = false
            budget.release(1)
        }
        context.fireChannelInactive()
    }
}

extension Channel {
    /// Ends the connection through its `LingeringCloseHandler` and waits until it is closed.
    func closeLingering() async {
        try? await triggerUserOutboundEvent(LingeringClose()).get()
    }
}
