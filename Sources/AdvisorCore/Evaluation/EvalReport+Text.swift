import FoundationEssentials

/// The report as text for people and as one JSON object for programs.
extension EvalReport {
    /// Summary lines named as score.py names them, then the details.
    public func text(failureLimit: Int = .max) -> String {
        var lines = summaryFields.map { "\($0.key): \($0.text)" }
        let scores = perIntent.filter { $0.support > 0 || $0.precision < 1 }
        lines.append("")
        lines.append("per intent (questions and dialogue turns):")
        lines.append("  intent              n     P      R      F1")
        for s in scores {
            let name = s.intent.padded(to: 18)
            lines.append(
                "  \(name) \(String(s.support).rightAligned(3))  \(String.fixed(s.precision, 3))  \(String.fixed(s.recall, 3))  \(String.fixed(s.f1, 3))"
            )
        }
        let confused = confusions.prefix(10)
        if !confused.isEmpty {
            lines.append("")
            lines.append("most confused (expected → got):")
            for c in confused { lines.append("  \(c.count)× \(c.expected) → \(c.got)") }
        }
        let fails = failures
        lines.append("")
        lines.append("failures: \(fails.count)")
        for r in fails.prefix(failureLimit) { lines += Self.describe(r) }
        if fails.count > failureLimit { lines.append("  ... and \(fails.count - failureLimit) more (--failures N)") }
        return lines.joined(separator: "\n")
    }

    /// score.py's summary keys with their values, 3 decimals.
    var summaryFields: [(key: String, text: String, json: String)] {
        func f(_ x: Double?) -> (String, String) {
            x.map { (String.fixed($0, 3), String.fixed($0, 4)) } ?? ("None", "null")
        }
        var out: [(String, String, String)] = [("questions", String(questions), String(questions))]
        for (key, value) in [
            ("intent_acc", intentAccuracy), ("slot_acc", slotAccuracy), ("fact_rate", factRate),
            ("oos_precision", questions > 0 ? outOfScopePrecision : nil),
            ("oos_recall", questions > 0 ? outOfScopeRecall : nil),
            ("dialogue_turn_acc", dialogueTurnAccuracy),
        ] {
            let (t, j) = f(value)
            out.append((key, t, j))
        }
        out.append(("dialogue_turns", String(dialogueTurns), String(dialogueTurns)))
        return out.map { (key: $0.0, text: $0.1, json: $0.2) }
    }

    static func describe(_ r: EvalResult) -> [String] {
        let q = r.question
        var what: [String] = []
        if !r.intentOK { what.append("intent") }
        if !r.slotsOK { what.append("slots") }
        if r.mustOK == false { what.append("facts") }
        let slots = "{" + q.slots.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "}"
        let got =
            "{" + r.slots.keys.sorted().map { k in "\(k): \(show(r.slots[k] ?? []))" }.joined(separator: ", ") + "}"
        let alt = q.alt.isEmpty || r.isDialogueTurn ? "" : " (or \(q.alt.joined(separator: ", ")))"
        var lines = ["- \(q.id) line \(q.line): \"\(q.text)\"  [wrong: \(what.joined(separator: ", "))]"]
        lines.append("    expected: \(q.intent)\(alt) \(slots)" + (q.must.isEmpty ? "" : " must " + musts(q.must)))
        lines.append("    got:      \(r.intent ?? "(input refused)") \(got)")
        if r.mustOK == false {
            let flat = r.answer.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " | ")
            lines.append("    answer:   " + (flat.count > 200 ? String(flat.prefix(200)) + "..." : flat))
        }
        return lines
    }

    static func show(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }
    static func musts(_ groups: [[String]]) -> String {
        groups.map { "(" + $0.joined(separator: " | ") + ")" }.joined(separator: " & ")
    }

    /// One JSON object: summary, per-intent scores, confusions and failures.
    public func json() -> String {
        let q = JSONWriter.quote
        let summary = JSONWriter.object(summaryFields.map { ($0.key, $0.json) })
        let intents =
            "["
            + perIntent.map { s in
                JSONWriter.object([
                    ("intent", q(s.intent)), ("support", String(s.support)),
                    ("precision", String.fixed(s.precision, 4)),
                    ("recall", String.fixed(s.recall, 4)), ("f1", String.fixed(s.f1, 4)),
                ])
            }.joined(separator: ",") + "]"
        let confused =
            "["
            + confusions.map { c in
                JSONWriter.object([("expected", q(c.expected)), ("got", q(c.got)), ("count", String(c.count))])
            }.joined(separator: ",") + "]"
        let fails =
            "["
            + failures.map { r in
                let expectedSlots = JSONWriter.object(
                    r.question.slots.map { s in
                        switch s.value {
                        case .one(let v): return (s.name, q(v))
                        case .list(let vs): return (s.name, "[" + vs.map(q).joined(separator: ",") + "]")
                        }
                    }
                )
                let gotSlots = JSONWriter.object(
                    r.slots.keys.sorted().map { k in
                        let vs = r.slots[k] ?? []
                        return (k, vs.count == 1 ? q(vs[0]) : "[" + vs.map(q).joined(separator: ",") + "]")
                    }
                )
                return JSONWriter.object([
                    ("id", q(r.question.id)), ("line", String(r.question.line)), ("text", q(r.question.text)),
                    ("dialogue_turn", r.isDialogueTurn ? "true" : "false"),
                    (
                        "expected",
                        JSONWriter.object([
                            ("intent", q(r.question.intent)),
                            ("alt", "[" + r.question.alt.map(q).joined(separator: ",") + "]"), ("slots", expectedSlots),
                            (
                                "must",
                                "["
                                    + r.question.must.map { "[" + $0.map(q).joined(separator: ",") + "]" }.joined(
                                        separator: ","
                                    ) + "]"
                            ),
                        ])
                    ),
                    (
                        "got",
                        JSONWriter.object([
                            ("intent", r.intent.map(q) ?? "null"), ("slots", gotSlots), ("answer", q(r.answer)),
                        ])
                    ),
                    ("intent_ok", String(r.intentOK)), ("slots_ok", String(r.slotsOK)),
                    ("facts_ok", r.mustOK.map { String($0) } ?? "null"),
                ])
            }.joined(separator: ",") + "]"
        return JSONWriter.object([
            ("summary", summary), ("per_intent", intents), ("confusions", confused), ("failures", fails),
        ])
    }
}
