import FoundationEssentials

/// Example utterances: well-formed, naming known intents, slots and values, and each one answered
/// by its own intent with its labelled slots.
extension CheckRun {
    /// One example as written.
    struct Example {
        let intent: String
        let text: String
        let slots: [(slot: String, values: [String])]
        let node: YAMLNode
    }

    /// Reads and checks every examples file; returns the examples fit to run.
    @discardableResult
    mutating func checkExampleFiles() -> [Example] {
        var out: [Example] = []
        var seen: [String: Example] = [:]
        for root in yaml("Intents/examples/") {
            guard let intentNode = root["intent"], let intent = try? intentNode.string() else {
                add(.error, .schema, root, "an examples file needs 'intent:' and 'examples:'")
                continue
            }
            if !vocabulary.intents.contains(intent) {
                add(
                    .error,
                    .unknownName,
                    intentNode,
                    "unknown intent '\(intent)': no file in Intents/rules/ defines it"
                )
                continue
            }
            guard let list = try? root["examples"]?.list() else {
                add(.error, .schema, root, "'examples' must be a list of {text, slots}")
                continue
            }
            for item in list {
                guard let example = readExample(item, intent: intent) else { continue }
                let key = TextNormalizer.phrase(example.text).joined(separator: " ")
                if let first = seen[key] {
                    let was = "\(first.node.file):\(first.node.line)"
                    if first.intent == intent {
                        add(.warning, .duplicate, item, "example \"\(example.text)\" repeats the one at \(was)")
                    } else {
                        add(
                            .error,
                            .conflict,
                            item,
                            "example \"\(example.text)\" is also an example of '\(first.intent)' at \(was)"
                        )
                    }
                    continue
                }
                seen[key] = example
                out.append(example)
            }
        }
        return out
    }

    private mutating func readExample(_ item: YAMLNode, intent: String) -> Example? {
        if (try? item.allowKeys(["text", "slots"])) == nil {
            add(.error, .schema, item, "an example is {text: \"...\", slots: {slot: value}}")
            return nil
        }
        guard let text = try? item["text"]?.string(), !TextNormalizer.phrase(text).isEmpty else {
            add(.error, .schema, item, "an example needs a 'text' with words")
            return nil
        }
        var slots: [(String, [String])] = []
        var valid = true
        if let slotsNode = item["slots"], slotsNode.node.mapping != nil || slotsNode.node.scalar != "" {
            for entry in (try? slotsNode.entries()) ?? [] {
                guard vocabulary.slots.contains(entry.key) else {
                    add(.error, .unknownName, entry.keyNode, "unknown slot '\(entry.key)' in example \"\(text)\"")
                    valid = false
                    continue
                }
                guard let values = try? entry.value.strings() else {
                    add(.error, .schema, entry.value, "slot '\(entry.key)' needs a value or a list of values")
                    valid = false
                    continue
                }
                for value in values {
                    if let problem = vocabulary.problem(slot: entry.key, value: value) {
                        add(.error, .slotValue, entry.value, "example \"\(text)\": \(problem)")
                        valid = false
                    }
                }
                slots.append((entry.key, values))
            }
        }
        return valid ? Example(intent: intent, text: text, slots: slots, node: item) : nil
    }

    /// Answers every example in a fresh conversation and reports those that miss their intent or slots.
    mutating func checkExamples(_ advisor: Advisor) -> Int {
        let examples = checkExampleFiles()
        for example in examples {
            var conversation = Conversation()
            // Run as a new question would be: its own entry among the nearest examples is left out.
            let answer = advisor.answer(
                example.text,
                in: &conversation,
                leavingOut: "\(example.node.file):\(example.node.line)"
            )
            let quoted = "example \"\(example.text)\""
            guard answer.intent == example.intent else {
                let won = answer.trace.ranking.first { $0.intent == answer.intent }
                let wonBy =
                    won.map { " by the rule at \($0.rule) [\($0.ruleText)] (score \(Self.score($0.score)))" } ?? ""
                if let own = answer.trace.ranking.first(where: { $0.intent == example.intent }) {
                    add(
                        .warning,
                        .exampleCaptured,
                        example.node,
                        "\(quoted) of '\(example.intent)' is captured by '\(answer.intent)'\(wonBy) over its own rule at \(own.rule) (score \(Self.score(own.score)))"
                    )
                } else {
                    let got =
                        answer.intent == "out_of_scope" ? "it is out of scope" : "it goes to '\(answer.intent)'\(wonBy)"
                    add(
                        .warning,
                        .exampleUnreached,
                        example.node,
                        "\(quoted) does not reach its intent '\(example.intent)': no rule of it matches; \(got)"
                    )
                }
                continue
            }
            var wrong: [String] = []
            for (slot, values) in example.slots {
                let got = answer.slots[slot].map(\.description)
                if got != values {
                    wrong.append("\(slot) \(Self.show(values)) but got \(got.isEmpty ? "nothing" : Self.show(got))")
                }
            }
            if !wrong.isEmpty {
                add(
                    .warning,
                    .exampleSlots,
                    example.node,
                    "\(quoted) reaches '\(example.intent)' but expected \(wrong.joined(separator: "; "))"
                )
            }
        }
        return examples.count
    }

    private static func score(_ x: Double) -> String { String.fixed(x, 2) }
    private static func show(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }
}
