import AdvisorCore
import NIOCore
import NIOExtras
import NIOPosix

/// Opens the connections, runs every one to completion, and merges their latencies.
struct BenchmarkRun {
    let group: MultiThreadedEventLoopGroup
    let host: String
    let port: Int
    let connections: Int
    let questions: Int
    let pipeline: Int
    let rate: Int
    let json: Bool
    /// The questions every connection sends in turn, each from one of three users per connection.
    let texts: [String]

    /// The default questions: varied so the advisor does real work (context follow-ups included).
    static let defaultQuestions = [
        "what does a CPC make in California",
        "and in Texas?",
        "how much is the CPC exam",
        "CPC vs CCS salary",
        "can I code from home?",
        "which certification should I get first?",
        "is there demand for coders?",
        "what is CPT?",
        "entry level coder salary in New Jersey",
        "do hospitals pay better than clinics?",
        "will AI replace coders?",
        "how long is training",
    ]

    func requests(connection: Int) -> [ByteBuffer] {
        texts.indices.map { index in
            let text = texts[index]
            if json {
                let user = JSONWriter.quote("u\(connection)-\(index % 3)")
                return ByteBuffer(
                    string: #"{"id":"\#(index)","user":\#(user),"text":\#(JSONWriter.quote(text))}"# + "\n"
                )
            }
            return ByteBuffer(string: text + "\n")
        }
    }

    func execute() async throws -> LatencyReport {
        let interval: TimeAmount? =
            rate > 0 ? .nanoseconds(Int64(1_000_000_000.0 * Double(connections) / Double(rate))) : nil
        var channels: [any Channel] = []
        var results: [EventLoopFuture<ConnectionResult>] = []
        let start = NIODeadline.now()
        for index in 0..<connections {
            let loop = group.next()
            let done = loop.makePromise(of: ConnectionResult.self)
            let requests = requests(connection: index)
            let (total, window, form) = (questions, pipeline, json ? LoadClientHandler.ReplyForm.line : .dotTerminated)
            let channel = try await ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        let handler = LoadClientHandler(
                            requests: requests,
                            total: total,
                            window: window,
                            interval: interval,
                            phase: .nanoseconds((interval?.nanoseconds ?? 0) * Int64(index) / Int64(connections)),
                            form: form,
                            done: done
                        )
                        try channel.pipeline.syncOperations.addHandler(handler)
                    }
                }
                .connect(host: host, port: port).get()
            channels.append(channel)
            results.append(done.futureResult)
        }
        var latencies: [LatencySample] = []
        latencies.reserveCapacity(connections * questions)
        var errors = 0
        for result in results {
            let connection = try await result.get()
            latencies += connection.samples
            errors += connection.errors
        }
        let seconds = Double((NIODeadline.now() - start).nanoseconds) / 1e9
        return LatencyReport(samples: latencies, seconds: seconds, errors: json ? errors : nil)
    }
}
