import NIOCore

/// One benchmark connection: sends requests (a window of them outstanding, or on a fixed schedule), and
/// times each reply from the moment its request was due.
final class LoadClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// How a reply ends: one line (JSON replies, echo) or a line holding `.` (text replies).
    enum ReplyForm {
        case line
        case dotTerminated
    }

    private let requests: [ByteBuffer]
    private let total: Int
    private let window: Int
    private let interval: TimeAmount?
    private let phase: TimeAmount
    private let form: ReplyForm
    private let done: EventLoopPromise<ConnectionResult>
    private var sent = 0
    private var received = 0
    private var dueTimes: [UInt64]
    private var latencies: [LatencySample] = []
    private var errors = 0
    private var ticker: Scheduled<Void>?
    private var nextDue = NIODeadline.now()

    init(
        requests: [ByteBuffer],
        total: Int,
        window: Int,
        interval: TimeAmount?,
        phase: TimeAmount = .zero,
        form: ReplyForm,
        done: EventLoopPromise<ConnectionResult>
    ) {
        self.requests = requests
        self.total = total
        self.window = max(1, window)
        self.interval = interval
        self.phase = phase
        self.form = form
        self.done = done
        self.dueTimes = Array(repeating: 0, count: total)
        latencies.reserveCapacity(total)
    }

    func channelActive(context: ChannelHandlerContext) {
        if total == 0 {
            finish(context: context)
            return
        }
        if let interval {
            // Connections start at staggered phases, so their requests do not arrive in lockstep bursts.
            nextDue = NIODeadline.now() + phase
            tick(context: context, interval: interval)
        } else {
            while sent < min(window, total) { send(context: context, due: NIODeadline.now().uptimeNanoseconds) }
            context.flush()
        }
    }

    /// Sends every request due by now, each timed from its due time (so a stalled server is not hidden),
    /// and wakes up again at the next due time (deadlines, so the schedule does not drift).
    private func tick(context: ChannelHandlerContext, interval: TimeAmount) {
        let now = NIODeadline.now()
        while nextDue <= now && sent < total {
            send(context: context, due: nextDue.uptimeNanoseconds)
            nextDue = nextDue + interval
        }
        context.flush()
        guard sent < total else { return }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        ticker = context.eventLoop.scheduleTask(deadline: nextDue) {
            let (handler, context) = bound.value
            handler.tick(context: context, interval: interval)
        }
    }

    private func send(context: ChannelHandlerContext, due: UInt64) {
        dueTimes[sent] = due
        context.write(NIOAny(requests[sent % requests.count]), promise: nil)
        sent += 1
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        if form == .dotTerminated {
            guard line.readableBytes == 1, line.getInteger(at: line.readerIndex, as: UInt8.self) == UInt8(ascii: ".")
            else { return }
        } else if Self.isErrorReply(line) {
            errors += 1
        }
        let now = NIODeadline.now().uptimeNanoseconds
        guard received < sent else { return }
        latencies.append(LatencySample(due: dueTimes[received], latency: now &- dueTimes[received]))
        received += 1
        if received == total {
            finish(context: context)
        } else if interval == nil && sent < total {
            send(context: context, due: now)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        ticker?.cancel()
        done.fail(LoadError.closedEarly(received: received, expected: total))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ticker?.cancel()
        done.fail(error)
        context.close(promise: nil)
    }

    private func finish(context: ChannelHandlerContext) {
        ticker?.cancel()
        done.succeed(ConnectionResult(samples: latencies, errors: errors))
        context.close(promise: nil)
    }
}

extension LoadClientHandler {
    /// Whether a JSON reply is an error reply: `{"error":...}`, or `{"id":"...","error":...}` (the ids the
    /// generator sends are digits, so the id ends at the next quote).
    static func isErrorReply(_ line: ByteBuffer) -> Bool {
        let errorKey = Array(#""error":"#.utf8)
        return line.readableBytesView.withContiguousStorageIfAvailable { bytes -> Bool in
            var rest = bytes[...]
            guard rest.first == UInt8(ascii: "{") else { return false }
            rest = rest.dropFirst()
            let idKey = Array(#""id":""#.utf8)
            if rest.starts(with: idKey) {
                rest = rest.dropFirst(idKey.count)
                guard let end = rest.firstIndex(of: UInt8(ascii: "\"")) else { return false }
                rest = rest[(end + 1)...]
                guard rest.first == UInt8(ascii: ",") else { return false }
                rest = rest.dropFirst()
            }
            return rest.starts(with: errorKey)
        } ?? false
    }
}

/// Why a benchmark run failed.
enum LoadError: Error, CustomStringConvertible {
    case closedEarly(received: Int, expected: Int)

    var description: String {
        switch self {
        case .closedEarly(let received, let expected):
            return "the server closed a connection after \(received) of \(expected) replies"
        }
    }
}
