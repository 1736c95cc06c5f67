import AdvisorCore
import Foundation
import Testing

/// Runs every conversation of `Tests/Conversations/*.yaml` through the advisor, turn by turn in one
/// conversation, and reports each wrong turn at its line with what was expected and what came back.
@Suite("Conversations")
struct ConversationTests {
    static let advisor: Advisor? = try? Advisor()
    static let scripts: [ConversationScript] = (try? ConversationScript.all()) ?? []

    @Test("the conversation files load: at least 40 conversations covering every intent")
    func coverage() throws {
        let scripts = try ConversationScript.all()
        let dialogues = scripts.flatMap(\.dialogues)
        #expect(dialogues.count >= 40, "only \(dialogues.count) conversations")
        let covered = Set(dialogues.flatMap(\.turns).compactMap(\.intent))
        let intents = Set(try ExampleUtterance.all(in: DataSource.embedded.files()).map(\.intent))
        #expect(
            intents.subtracting(covered).isEmpty,
            "intents without a conversation: \(intents.subtracting(covered).sorted())"
        )
    }

    @Test("each conversation file", arguments: scripts)
    func run(_ script: ConversationScript) throws {
        let advisor = try #require(Self.advisor, "the embedded data does not load")
        for dialogue in script.dialogues {
            var conversation = Conversation()
            for (index, turn) in dialogue.turns.enumerated() {
                let answer = advisor.answer(turn.say, in: &conversation)
                let problems = Self.problems(turn, answer)
                let location = SourceLocation(
                    fileID: "Conversations/\(script)",
                    filePath: script.path,
                    line: max(turn.line, 1),
                    column: 1
                )
                let report = Self.report(script, dialogue, index, turn, answer, problems)
                if let issue = turn.knownIssue {
                    withKnownIssue(Comment(rawValue: issue)) {
                        if !problems.isEmpty { Issue.record(Comment(rawValue: report), sourceLocation: location) }
                    }
                } else if !problems.isEmpty {
                    Issue.record(Comment(rawValue: report), sourceLocation: location)
                }
            }
        }
    }

    /// What is wrong with an answer, one line per problem.
    static func problems(_ turn: ConversationScript.Turn, _ answer: Answer) -> [String] {
        var out: [String] = []
        if let intent = turn.intent, intent != answer.intent {
            out.append("intent: expected \(intent), got \(answer.intent)")
        }
        for (name, values) in turn.slots {
            let got = answer.slots[name].map(\.description)
            if got.map(norm) != values.map(norm) {
                out.append("slot \(name): expected \(show(values)), got \(got.isEmpty ? "nothing" : show(got))")
            }
        }
        let text = norm(answer.text)
        for group in turn.answer where !group.contains(where: { text.contains(norm($0)) }) {
            out.append("answer lacks " + group.map { "\"\($0)\"" }.joined(separator: " or "))
        }
        return out
    }

    static func report(
        _ script: ConversationScript,
        _ dialogue: ConversationScript.Dialogue,
        _ index: Int,
        _ turn: ConversationScript.Turn,
        _ answer: Answer,
        _ problems: [String]
    ) -> String {
        let expectedSlots = "{" + turn.slots.map { "\($0.name): \(show($0.values))" }.joined(separator: ", ") + "}"
        let gotSlots =
            "{"
            + answer.slots.names.map { "\($0): \(show(answer.slots[$0].map(\.description)))" }.joined(separator: ", ")
            + "}"
        var lines = ["\(script):\(turn.line) \"\(dialogue.name)\", turn \(index + 1): \"\(turn.say)\""]
        lines.append("  expected: \(turn.intent ?? "(any intent)") \(expectedSlots)")
        lines.append("  got:      \(answer.intent) \(gotSlots)")
        for p in problems { lines.append("  wrong:    \(p)") }
        let flat = answer.text.replacingOccurrences(of: "\n", with: " | ")
        lines.append("  answer:   " + (flat.count > 300 ? String(flat.prefix(300)) + "..." : flat))
        return lines.joined(separator: "\n")
    }

    /// score.py's normalisation: no whitespace, `$` or `,`; lower case.
    static func norm(_ s: String) -> String {
        String(s.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "$" && $0 != "," }.map(Character.init))
            .lowercased()
    }

    static func show(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }
}
