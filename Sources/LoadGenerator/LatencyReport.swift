/// Throughput and latency percentiles of one benchmark run.
struct LatencyReport {
    let questions: Int
    let seconds: Double
    let sorted: [UInt64]

    init(latencies: [UInt64], seconds: Double) {
        self.sorted = latencies.sorted()
        self.questions = latencies.count
        self.seconds = seconds
    }

    var perSecond: Double { seconds > 0 ? Double(questions) / seconds : 0 }

    /// The latency below which `fraction` of replies arrived, in milliseconds.
    func percentile(_ fraction: Double) -> Double {
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
    }
}
