/// Scores labelled questions and dialogues exactly as `shared/eval/score.py` does: each question
/// in its own conversation (keyed by its id), each dialogue in one; questions go through the same
/// `InputLine` parsing as `advisor --json`.
public struct Evaluator: Sendable {
    public let advisor: Advisor

    public init(advisor: Advisor) { self.advisor = advisor }

    public func run(_ cases: [EvalCase]) -> EvalReport {
        var results: [EvalResult] = []
        var conversations: [String: Conversation] = [:]
        for item in cases {
            switch item {
            case .question(let q):
                results.append(answer(q, dialogue: false, conversation: &conversations[q.id, default: Conversation()]))
            case .dialogue(let id, let turns):
                for turn in turns {
                    results.append(
                        answer(
                            turn,
                            dialogue: true,
                            conversation: &conversations["dialogue " + id, default: Conversation()]
                        )
                    )
                }
            }
        }
        return EvalReport(results: results)
    }

    private func answer(_ q: EvalQuestion, dialogue: Bool, conversation: inout Conversation) -> EvalResult {
        let line = JSONWriter.object([("text", JSONWriter.quote(q.text)), ("user", JSONWriter.quote(q.id))])
        var intent: String? = nil
        var slots: [String: [String]] = [:]
        var text = ""
        if case .question(let parsed, _, _) = InputLine.parse(line) {
            let a = advisor.answer(parsed, in: &conversation)
            intent = a.intent
            text = a.text
            for name in a.slots.names { slots[name] = a.slots[name].map(\.description) }
        }
        let intentOK = intent == q.intent || (!dialogue && intent.map { q.alt.contains($0) } == true)
        let slotsOK = Self.slotsMatch(q.slots, slots)
        let mustOK: Bool? = q.must.isEmpty && !dialogue ? nil : Self.mustMatch(q.must, text)
        return EvalResult(
            question: q,
            isDialogueTurn: dialogue,
            intent: intent,
            slots: slots,
            answer: text,
            intentOK: intentOK,
            slotsOK: slotsOK,
            mustOK: mustOK
        )
    }

    /// score.py's `norm`: drops whitespace, `$` and `,`, then lower-cases.
    public static func norm(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "$" && $0 != "," }.map(Character.init))
            .lowercased()
    }

    /// score.py's `slot_ok`: every expected slot present with the same normalised value; a list must
    /// come back as a list in the same order, a single value as a single value.
    static func slotsMatch(_ expected: [(name: String, value: ExpectedSlot)], _ got: [String: [String]]) -> Bool {
        for (name, value) in expected {
            let g = got[name] ?? []
            switch value {
            case .list(let want):
                guard g.count > 1, g.map(norm) == want.map(norm) else { return false }
            case .one(let want):
                guard g.count == 1, norm(g[0]) == norm(want) else { return false }
            }
        }
        return true
    }

    /// score.py's `must_ok`: each group has one alternative inside the normalised answer.
    static func mustMatch(_ groups: [[String]], _ answer: String) -> Bool {
        let a = norm(answer)
        return groups.allSatisfy { group in group.contains { a.contains(norm($0)) } }
    }
}

/// What came back for one labelled question, and whether it was right.
public struct EvalResult: Sendable {
    public let question: EvalQuestion
    public let isDialogueTurn: Bool
    /// nil when the input line was refused (the JSON door would answer with an error).
    public let intent: String?
    public let slots: [String: [String]]
    public let answer: String
    public let intentOK: Bool
    public let slotsOK: Bool
    /// nil when the question has no answer fragments to check.
    public let mustOK: Bool?

    /// A dialogue turn counts only when intent, slots and fragments are all right (score.py).
    public var passed: Bool { intentOK && slotsOK && mustOK != false }
}
