import FoundationEssentials

/// Writes an answer's trace as readable text: what `:why`, `advisor why` and the server's `why` show.
public enum TraceFormatter {
    public static func format(_ answer: Answer) -> String {
        let t = answer.trace
        var lines: [String] = []
        if !t.message.isEmpty { lines.append("message:     \(t.message)") }
        lines.append((t.message.isEmpty ? "input:       " : "question:    ") + t.input)
        lines.append("normalised:  \(t.normalized)")
        if !t.corrections.isEmpty {
            lines.append(
                "spelling:    " + t.corrections.map { "\($0.typed) → \($0.corrected)" }.joined(separator: ", ")
            )
        }
        if t.entities.isEmpty {
            lines.append("entities:    none")
        } else {
            lines.append("entities:")
            for e in t.entities {
                lines.append("  \(e.slot) = \(e.value)  \"\(e.text)\" [\(e.span.lowerBound)..<\(e.span.upperBound)]")
            }
        }
        lines.append("intents:")
        if t.ranking.isEmpty { lines.append("  (no rule matched)") }
        for r in t.ranking {
            lines.append(
                "  \(r.intent.padded(to: 18)) \(String.fixed(r.score, 2))  \(r.rule)"
            )
        }
        lines.append("chosen:      \(answer.intent) (confidence \(String.fixed(answer.confidence, 2)))")
        lines.append("rule:        \(t.rule)" + (t.ruleText.isEmpty ? "" : "  [\(t.ruleText)]"))
        if t.followUp {
            lines.append(
                "follow-up:   yes" + (t.carried.isEmpty ? "" : ", carried " + t.carried.joined(separator: ", "))
            )
        }
        if !t.background.isEmpty { lines.append("background:  " + t.background.joined(separator: ", ")) }
        lines.append("slots:       " + JSONWriter.slots(answer.slots))
        if !t.query.isEmpty { lines.append("query:       \(t.query)") }
        if !t.records.isEmpty {
            lines.append("records:")
            for r in t.records.prefix(12) { lines.append("  \(r)") }
            if t.records.count > 12 { lines.append("  ... and \(t.records.count - 12) more") }
        }
        if !t.template.isEmpty { lines.append("template:    \(t.template)") }
        for n in t.notes { lines.append("note:        \(n)") }
        return lines.joined(separator: "\n")
    }
}
