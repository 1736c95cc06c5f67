import Dispatch
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// Measures the advisor: start-up (load + compile), per-question latency, batch throughput and
/// peak memory, on the real rules and on the rules multiplied with generated ones.
public enum Benchmark {
    /// Figures for one rule set.
    public struct Result: Sendable {
        public let label: String
        public let rules: Int
        public let files: Int
        /// Median and best of several start-ups, in milliseconds.
        public let startupMedianMs: Double
        public let startupBestMs: Double
        /// Per-question latency percentiles, in microseconds.
        public let p50Us: Double
        public let p99Us: Double
        public let maxUs: Double
        /// The same on the first pass, when no pay or exam answer is cached yet (see `CompositionCache`).
        public let coldP50Us: Double
        public let coldP99Us: Double
        public let questions: Int
        /// Questions per second, one thread and all cores.
        public let throughput: Double
        public let parallelThroughput: Double
        public let threads: Int
        /// Peak resident memory of the process after the one-thread passes, in MiB.
        public let peakMiB: Double
        /// Every question with its median latency over the rounds (µs), slowest first.
        public let slowest: [(question: String, us: Double)]
    }

    /// Runs the measurements on one set of files.
    public static func run(
        label: String,
        files: [DataFile],
        questions: [String],
        rounds: Int
    ) throws(LoadError) -> Result {
        var startups: [Double] = []
        // Many rounds are asked for to time short question lists; thirty start-ups give a steady median.
        for _ in 0..<min(max(1, rounds), 30) {
            // Each timed advisor is dropped before the next is built: one lives at a time, as in use.
            let start = ContinuousClock.now
            _ = try Advisor(source: .files(files))
            startups.append(milliseconds(ContinuousClock.now - start))
        }
        let advisor = try Advisor(source: .files(files))
        // The first pass warms up, and is timed on its own: every pay and exam answer is written afresh.
        var cold = questions.map { timedAnswer(advisor, $0) }
        cold.sort()
        var latencies: [Double] = []
        latencies.reserveCapacity(questions.count * rounds)
        var perQuestion = [[Double]](repeating: [], count: questions.count)
        var batch = Duration.zero
        for _ in 0..<max(1, rounds) {
            let passStart = ContinuousClock.now
            for (k, q) in questions.enumerated() {
                let us = timedAnswer(advisor, q)
                latencies.append(us)
                perQuestion[k].append(us)
            }
            batch += ContinuousClock.now - passStart
        }
        let slowest = zip(questions, perQuestion).map { q, times in (q, percentile(times.sorted(), 0.5)) }
            .sorted { $0.1 > $1.1 }
        // The one-thread peak, before the parallel pass adds a thread (and a malloc arena) of its own.
        let peak = peakMemoryMiB()
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let shared = advisor
        let parallelStart = ContinuousClock.now
        // Every thread answers every pass's share, as the one-thread passes did, so thread start-up is
        // not what gets measured.
        let passes = max(1, rounds)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for _ in 0..<passes {
                for (i, q) in questions.enumerated() where i % threads == t {
                    var c = Conversation()
                    _ = shared.answer(q, in: &c)
                }
            }
        }
        let parallel = ContinuousClock.now - parallelStart
        latencies.sort()
        startups.sort()
        let n = Double(questions.count * max(1, rounds))
        return Result(
            label: label,
            rules: advisor.model.rules.count,
            files: files.count,
            startupMedianMs: startups[startups.count / 2],
            startupBestMs: startups[0],
            p50Us: percentile(latencies, 0.50),
            p99Us: percentile(latencies, 0.99),
            maxUs: latencies.last ?? 0,
            coldP50Us: percentile(cold, 0.50),
            coldP99Us: percentile(cold, 0.99),
            questions: questions.count,
            throughput: n / seconds(batch),
            parallelThroughput: Double(questions.count * passes) / seconds(parallel),
            threads: threads,
            peakMiB: peak,
            slowest: slowest
        )
    }

    /// Microseconds to answer `question` in a fresh conversation.
    private static func timedAnswer(_ advisor: Advisor, _ question: String) -> Double {
        var conversation = Conversation()
        let start = ContinuousClock.now
        _ = advisor.answer(question, in: &conversation)
        return milliseconds(ContinuousClock.now - start) * 1000
    }

    /// The real files plus generated rules, so there are `factor` times as many rules.
    public static func multiplied(_ files: [DataFile], by factor: Int) throws(LoadError) -> [DataFile] {
        let model = try Advisor(source: .files(files)).model
        let features = model.featureNames.filter { !$0.hasPrefix("#") && !$0.hasPrefix("^") && !$0.hasPrefix("~") }
        return files + SyntheticRules.files(count: model.rules.count * max(0, factor - 1), features: features)
    }

    /// The value below which a share of the sorted values lie (nearest rank).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func seconds(_ d: Duration) -> Double { max(milliseconds(d) / 1000, 1e-9) }

    /// Peak resident set size of this process (getrusage), in MiB.
    public static func peakMemoryMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
        #endif
    }
}
