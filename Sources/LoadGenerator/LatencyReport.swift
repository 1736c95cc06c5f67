import Foundation

/// One reply's timing: when its request was due (uptime nanoseconds) and how long the reply took from then.
struct LatencySample: Sendable {
    let due: UInt64
    let latency: UInt64
}

/// What one connection measured: a sample per reply, and how many replies were error replies.
struct ConnectionResult: Sendable {
    let samples: [LatencySample]
    let errors: Int
}

/// Throughput and latency percentiles of one benchmark run.
struct LatencyReport {
    let questions: Int
    let seconds: Double
    let sorted: [UInt64]
    /// Replies that were errors (JSON form only: nil when replies are text).
    let errors: Int?
    private let samples: [LatencySample]

    init(samples: [LatencySample], seconds: Double, errors: Int? = nil) {
        self.samples = samples
        self.sorted = samples.map(\.latency).sorted()
        self.questions = samples.count
        self.seconds = seconds
        self.errors = errors
    }

    var perSecond: Double { seconds > 0 ? Double(questions) / seconds : 0 }

    /// The latency below which `fraction` of replies arrived, in milliseconds.
    func percentile(_ fraction: Double) -> Double {
        Self.percentile(fraction, of: sorted)
    }

    private static func percentile(_ fraction: Double, of sorted: [UInt64]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
        return Double(sorted[max(0, index)]) / 1_000_000
    }

    /// One summary line, also easy to parse.
    var line: String {
        func ms(_ v: Double) -> String { String(format: "%.3f", v) }
        return "questions=\(questions) seconds=\(String(format: "%.3f", seconds)) "
            + "qps=\(Int(perSecond.rounded())) p50_ms=\(ms(percentile(0.5))) p99_ms=\(ms(percentile(0.99))) "
            + "p999_ms=\(ms(percentile(0.999))) max_ms=\(ms(percentile(1)))"
            + (errors.map { " errors=\($0)" } ?? "")
    }

    /// The run cut into windows of `milliseconds` by due time: how many requests fell due in each, and their
    /// p50, p99 and worst latency. Shows whether a tail comes from a few stalls or from the whole run.
    func timeline(milliseconds: Int) -> [String] {
        guard let first = samples.map(\.due).min(), milliseconds > 0 else { return [] }
        let width = UInt64(milliseconds) * 1_000_000
        var windows: [Int: [UInt64]] = [:]
        for sample in samples { windows[Int((sample.due - first) / width), default: []].append(sample.latency) }
        return windows.keys.sorted().map { key in
            let latencies = windows[key, default: []].sorted()
            func ms(_ fraction: Double) -> String { String(format: "%.2f", Self.percentile(fraction, of: latencies)) }
            return "t=\(key * milliseconds)ms n=\(latencies.count) p50_ms=\(ms(0.5)) p99_ms=\(ms(0.99)) max_ms=\(ms(1))"
        }
    }
}
