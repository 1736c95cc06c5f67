import AdvisorCore
import AdvisorServer
import ArgumentParser
import Foundation
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

/// The entry: the echo baseline runs its tasks on the event loops, exactly as `advisor serve` does.
@main
enum Main {
    static func main() async {
        if CommandLine.arguments.contains(where: { $0 == "--serve-echo" || $0.hasPrefix("--serve-echo=") }) {
            _ = AdvisorService.runTasksOnEventLoops()
        }
        await AdvisorLoad.main()
    }
}

/// `advisor-load`: a load generator for `advisor serve`, with a line-echo baseline server on the same
/// transport (`--serve-echo PORT`) so the advisor's throughput can be stated as a share of the transport's.
struct AdvisorLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor-load",
        abstract: "Load generator for advisor serve: N connections, M questions each; reports q/s and latency.",
        discussion: """
            Examples:
              advisor-load --port 4747 -c 64 -n 2000 --pipeline 16
              advisor-load --serve-echo 4748 &   # the baseline: same framing, replies echo each line
              advisor-load --port 4748 -c 64 -n 2000 --pipeline 16
              advisor-load --port 4747 --hold 5000 --hold-seconds 30
            """
    )

    @Option(help: "Server address.") var host = "127.0.0.1"
    @Option(help: "Server port.") var port = 4747
    @Option(name: .shortAndLong, help: "Connections.") var connections = 64
    @Option(name: [.customShort("n"), .long], help: "Questions per connection.") var questions = 1_000
    @Option(help: "Requests outstanding per connection (1: wait for each reply before the next).")
    var pipeline = 1
    @Option(help: "Total questions per second, spread over the connections (0: as fast as possible).")
    var rate = 0
    @Option(help: "Request form: json (one JSON line per reply) or text (replies end with a '.' line).")
    var form = "json"
    @Option(
        help: ArgumentHelp(
            "Send these questions instead of the built-in twelve: .jsonl with \"text\" fields, or one per line.",
            valueName: "file"
        )
    )
    var questionFile: String?
    @Option(help: "Event loop threads for the generator.") var threads = 1
    @Option(help: "Run the line-echo baseline server on this port instead (stops on SIGINT/SIGTERM).")
    var serveEcho: Int?
    @Option(help: "Open this many idle connections and hold them instead of asking.") var hold: Int?
    @Option(help: "Seconds to hold idle connections.") var holdSeconds = 30
    @Option(help: "Also print, on standard error, the latency of each window of this many milliseconds (0: no).")
    var timelineMs = 0

    func run() async throws {
        OpenFileLimit.raise(toAtLeast: max(connections, hold ?? 0) + 64)
        if let serveEcho {
            try await EchoServer.run(host: host, port: serveEcho)
            return
        }
        guard form == "json" || form == "text" else { throw ValidationError("--form must be json or text") }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        do {
            try await generate(on: group)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
    }

    private func generate(on group: MultiThreadedEventLoopGroup) async throws {
        if let hold {
            try await IdleHolder(group: group, host: host, port: port).hold(hold, seconds: holdSeconds)
            return
        }
        let run = BenchmarkRun(
            group: group,
            host: host,
            port: port,
            connections: connections,
            questions: questions,
            pipeline: pipeline,
            rate: rate,
            json: form == "json",
            texts: try questionFile.map { path throws in try QuestionFile.read(path) } ?? BenchmarkRun.defaultQuestions
        )
        let report = try await run.execute()
        print(report.line)
        for line in report.timeline(milliseconds: timelineMs) {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
