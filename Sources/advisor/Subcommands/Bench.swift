import AdvisorCore
import ArgumentParser
import FoundationEssentials

/// `advisor bench`: latency, throughput, start-up time and memory, on the real rules and on ten
/// times as many.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure start-up, per-question latency (p50/p99), throughput and peak memory.",
        discussion: """
            Questions are the example utterances of Intents/examples/ unless --questions names a file \
            (.jsonl with "text" fields, or one question per line). The run is repeated with the rule set \
            multiplied by --multiply with generated rules, to show how latency grows with the rules.
            """
    )

    @OptionGroup var data: DataOptions
    @Option(name: .long, help: "Also measure with this many times the rules (1 to skip).") var multiply = 10
    @Option(name: .long, help: "Passes over the questions (and start-ups) per measurement.") var rounds = 3
    @Option(name: .long, help: "Questions to time: .jsonl with \"text\" fields, or plain lines.") var questions: String?
    @Option(name: .long, help: "Also list this many slowest questions (median over the rounds).") var slowest = 0

    func run() throws {
        let directory = data.data
        do {
            let files = try (directory.map { DataSource.directory($0) } ?? .embedded).files()
            let asked = try questions.map(Self.read) ?? ExampleUtterance.all(in: files).map(\.text)
            guard !asked.isEmpty else { throw failure("advisor bench: no questions to time") }
            var results = [try Benchmark.run(label: "1x", files: files, questions: asked, rounds: rounds)]
            if multiply > 1 {
                let bigger = try Benchmark.multiplied(files, by: multiply)
                results.append(
                    try Benchmark.run(label: "\(multiply)x", files: bigger, questions: asked, rounds: rounds)
                )
            }
            var report = Self.table(results)
            if slowest > 0, let first = results.first {
                report += "\nslowest questions (\(first.label), median µs):\n"
                for (q, us) in first.slowest.prefix(slowest) {
                    report += String.fixed(us, 1).rightAligned(8) + "  " + q + "\n"
                }
            }
            StandardStream.out(report)
        } catch let error as LoadError {
            throw failure("advisor bench: cannot load data: \(error)")
        }
    }

    static func read(_ path: String) throws -> [String] {
        do {
            return try QuestionFile.read(path)
        } catch {
            throw failure("advisor bench: \(error)")
        }
    }

    static func table(_ results: [Benchmark.Result]) -> String {
        func row(_ name: String, _ value: (Benchmark.Result) -> String) -> String {
            name.padded(to: 30) + results.map { value($0).padded(to: 24) }.joined()
        }
        var lines = [row("rule set", { $0.label })]
        lines.append(row("rules", { String($0.rules) }))
        lines.append(
            row(
                "start-up (load+compile), ms",
                { "\(String.fixed($0.startupMedianMs, 1)) (best \(String.fixed($0.startupBestMs, 1)))" }
            )
        )
        lines.append(row("latency p50, µs", { String.fixed($0.p50Us, 0) }))
        lines.append(row("latency p99, µs", { String.fixed($0.p99Us, 0) }))
        lines.append(row("latency max, µs", { String.fixed($0.maxUs, 0) }))
        lines.append(
            row("first pass p50 / p99, µs", { "\(String.fixed($0.coldP50Us, 0)) / \(String.fixed($0.coldP99Us, 0))" })
        )
        lines.append(row("throughput, questions/s", { String.fixed($0.throughput, 0) }))
        lines.append(
            row("parallel, questions/s", { "\(String.fixed($0.parallelThroughput, 0)) (\($0.threads) thr)" })
        )
        lines.append(row("peak memory (one thread), MiB", { String.fixed($0.peakMiB, 1) }))
        if let q = results.first?.questions {
            lines.append("(\(q) questions, each in a fresh conversation; the first pass composes every pay and")
            lines.append(" exam answer afresh, later passes reuse them from the advisor's cache of answers by query)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
