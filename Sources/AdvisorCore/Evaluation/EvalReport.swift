/// The scores of an evaluation run: score.py's summary figures, per-intent precision, recall and F1,
/// the most confused intent pairs, and every failure with what was expected and what came back.
public struct EvalReport: Sendable {
    /// Precision, recall and F1 of one intent.
    public struct IntentScore: Sendable {
        public let intent: String
        /// Items labelled with this intent.
        public let support: Int
        public let precision: Double
        public let recall: Double
        public let f1: Double
    }

    public let results: [EvalResult]
    var singles: [EvalResult] { results.filter { !$0.isDialogueTurn } }
    var turns: [EvalResult] { results.filter(\.isDialogueTurn) }

    /// Single questions scored.
    public var questions: Int { singles.count }
    public var dialogueTurns: Int { turns.count }
    public var intentAccuracy: Double? { Self.rate(singles.filter(\.intentOK).count, singles.count) }
    public var slotAccuracy: Double? { Self.rate(singles.filter(\.slotsOK).count, singles.count) }
    /// Share of questions with answer fragments whose fragments are all present.
    public var factRate: Double? {
        let checked = singles.compactMap(\.mustOK)
        return Self.rate(checked.filter { $0 }.count, checked.count)
    }
    public var outOfScopePrecision: Double {
        let predicted = singles.filter { $0.intent == "out_of_scope" }
        return Self.rate(predicted.filter { $0.question.intent == "out_of_scope" }.count, predicted.count) ?? 0
    }
    public var outOfScopeRecall: Double {
        let labelled = singles.filter { $0.question.intent == "out_of_scope" }
        return Self.rate(labelled.filter { $0.intent == "out_of_scope" }.count, labelled.count) ?? 0
    }
    public var dialogueTurnAccuracy: Double? { Self.rate(turns.filter(\.passed).count, turns.count) }
    public var failures: [EvalResult] { results.filter { !$0.passed } }

    /// Per-intent scores over every question and dialogue turn: a right answer (alt intents count for
    /// single questions) is a true positive of the labelled intent; a wrong one a false negative of the
    /// labelled intent and a false positive of the intent that came back.
    public var perIntent: [IntentScore] {
        var tp: [String: Int] = [:]
        var fp: [String: Int] = [:]
        var fn: [String: Int] = [:]
        var support: [String: Int] = [:]
        for r in results {
            let label = r.question.intent
            support[label, default: 0] += 1
            if r.intentOK {
                tp[label, default: 0] += 1
            } else {
                fn[label, default: 0] += 1
                fp[r.intent ?? "(no answer)", default: 0] += 1
            }
        }
        let intents = Set(support.keys).union(fp.keys).sorted()
        return intents.map { i in
            let t = Double(tp[i] ?? 0)
            let p = Self.rate(tp[i] ?? 0, (tp[i] ?? 0) + (fp[i] ?? 0)) ?? 0
            let r = Self.rate(tp[i] ?? 0, (tp[i] ?? 0) + (fn[i] ?? 0)) ?? 0
            return IntentScore(
                intent: i,
                support: support[i] ?? 0,
                precision: p,
                recall: r,
                f1: t == 0 ? 0 : 2 * p * r / (p + r)
            )
        }
    }

    /// (labelled, answered) intent pairs that differ, most frequent first.
    public var confusions: [(expected: String, got: String, count: Int)] {
        var counts: [String: (String, String, Int)] = [:]
        for r in results where !r.intentOK {
            let got = r.intent ?? "(no answer)"
            let key = r.question.intent + "→" + got
            counts[key] = (r.question.intent, got, (counts[key]?.2 ?? 0) + 1)
        }
        return counts.values.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
            .map { (expected: $0.0, got: $0.1, count: $0.2) }
    }

    static func rate(_ n: Int, _ d: Int) -> Double? { d == 0 ? nil : Double(n) / Double(d) }
}
