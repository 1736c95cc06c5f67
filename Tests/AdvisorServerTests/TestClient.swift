import Foundation
import NIOCore
import NIOExtras
import NIOPosix

/// A socket client for tests: writes raw bytes, reads reply lines with a deadline.
final class TestClient: Sendable {
    let channel: any Channel
    private let collector: NIOLoopBound<LineCollector>

    /// Connects; with `reading: false` the client never reads, so the server's replies pile up.
    static func connect(port: Int, reading: Bool = true) async throws -> TestClient {
        let group = MultiThreadedEventLoopGroup.singleton
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.autoRead, value: reading)
            .channelOption(.allowRemoteHalfClosure, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(LineCollector())
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let collector = try await channel.eventLoop.submit {
            NIOLoopBound(
                try channel.pipeline.syncOperations.handler(type: LineCollector.self),
                eventLoop: channel.eventLoop
            )
        }.get()
        return TestClient(channel: channel, collector: collector)
    }

    private init(channel: any Channel, collector: NIOLoopBound<LineCollector>) {
        self.channel = channel
        self.collector = collector
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes)).get()
    }

    /// Queues bytes without waiting for them to reach the socket (for a client whose peer stops reading).
    func sendWithoutWaiting(_ text: String) {
        channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
    }

    /// Turns reading on for a client connected with `reading: false`.
    func startReading() async throws {
        try await channel.setOption(.autoRead, value: true).get()
        channel.read()
    }

    /// The next line, or nil once the server has closed the connection.
    func readLine(timeout: TimeAmount = .seconds(10)) async throws -> String? {
        let collector = self.collector
        return try await channel.eventLoop.flatSubmit {
            collector.value.next(timeout: timeout)
        }.get()
    }

    /// For a client connected with `reading: false`: reads from the socket just until one line has come, so
    /// the replies after it stay unread; later reads return the lines after it in order.
    func readLineWhilePaused(timeout: TimeAmount = .seconds(10)) async throws -> String? {
        let collector = self.collector
        return try await channel.eventLoop.flatSubmit {
            collector.value.next(timeout: timeout, pulling: true)
        }.get()
    }

    /// A text reply: the lines before the `.` line, un-stuffed.
    func readTextReply(timeout: TimeAmount = .seconds(10)) async throws -> [String] {
        var lines: [String] = []
        while let line = try await readLine(timeout: timeout) {
            if line == "." { return lines.map { $0.hasPrefix("..") ? String($0.dropFirst()) : $0 } }
            lines.append(line)
        }
        throw TestClientError.closed(after: lines)
    }

    /// A JSON reply line, decoded.
    func readJSON(timeout: TimeAmount = .seconds(10)) async throws -> [String: Any] {
        guard let line = try await readLine(timeout: timeout) else { throw TestClientError.closed(after: []) }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TestClientError.notJSON(line)
        }
        return object
    }

    /// Reads until the server closes, returning what came; throws if it does not close in time.
    func readUntilClosed(timeout: TimeAmount = .seconds(10)) async throws -> [String] {
        var lines: [String] = []
        while let line = try await readLine(timeout: timeout) { lines.append(line) }
        return lines
    }

    func close() async {
        try? await channel.close().get()
    }
}

enum TestClientError: Error {
    case timedOut
    case closed(after: [String])
    case notJSON(String)
}

/// Collects decoded lines on the channel's event loop and hands them to one waiting reader.
private final class LineCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private var lines: [String] = []
    private var head = 0
    private var closed = false
    private var waiter: EventLoopPromise<String?>?
    private var context: ChannelHandlerContext?
    /// Reading on demand (autoRead off) until the waiter has its line.
    private var pulling = false

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = String(decoding: unwrapInboundIn(data).readableBytesView, as: UTF8.self)
        if let waiter {
            self.waiter = nil
            pulling = false
            waiter.succeed(line)
        } else {
            lines.append(line)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if pulling && waiter != nil { context.read() }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        waiter?.succeed(nil)
        waiter = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            closed = true
            waiter?.succeed(nil)
            waiter = nil
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// The next line; with `pulling`, asks the channel for reads until it comes (for autoRead off).
    func next(timeout: TimeAmount, pulling: Bool = false) -> EventLoopFuture<String?> {
        guard let context else { preconditionFailure("collector not in a pipeline") }
        let loop = context.eventLoop
        if head < lines.count {
            defer {
                head += 1
                if head > 1_024 {
                    lines.removeFirst(head)
                    head = 0
                }
            }
            return loop.makeSucceededFuture(lines[head])
        }
        if closed { return loop.makeSucceededFuture(nil) }
        let promise = loop.makePromise(of: String?.self)
        waiter = promise
        if pulling {
            self.pulling = true
            context.read()
        }
        let timer = loop.scheduleTask(in: timeout) { promise.fail(TestClientError.timedOut) }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        let bound = NIOLoopBound(self, eventLoop: loop)
        promise.futureResult.whenFailure { _ in
            bound.value.waiter = nil
            bound.value.pulling = false
        }
        return promise.futureResult
    }
}
