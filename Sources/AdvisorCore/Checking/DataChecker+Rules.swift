/// Rules: the same condition written twice, one condition claimed by two intents, intents without
/// examples, and concepts no rule uses.
extension CheckRun {
    /// Intents need examples: they are the tests of the rules.
    mutating func checkRuleFiles() {
        let withExamples = Set(yaml("Intents/examples/").compactMap { try? $0["intent"]?.string() })
        for root in yaml("Intents/rules/") {
            guard let node = root["intent"], let intent = try? node.string() else { continue }
            if !withExamples.contains(intent) {
                add(
                    .warning,
                    .unreachable,
                    node,
                    "intent '\(intent)' has no examples (write Intents/examples/\(intent).yaml)"
                )
            }
        }
    }

    mutating func checkRules(_ model: IntentModel) {
        var seen: [String: Rule] = [:]
        for rule in model.rules {
            let groups = rule.groups.map { Set($0).sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
            let key =
                groups.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "+") + " not "
                + Set(rule.not).sorted().map(String.init).joined(separator: ",")
            guard let first = seen[key] else {
                seen[key] = rule
                continue
            }
            let (file, line) = Finding.split(rule.origin)
            let column = ruleColumn(file: file, line: line)
            if first.intent == rule.intent {
                findings.append(
                    Finding(
                        .warning,
                        .duplicate,
                        file: file,
                        line: line,
                        column: column,
                        "rule [\(rule.text)] repeats the rule at \(first.origin): only the higher score counts"
                    )
                )
            } else {
                findings.append(
                    Finding(
                        .error,
                        .conflict,
                        file: file,
                        line: line,
                        column: column,
                        "rule [\(rule.text)] of '\(rule.intent)' has the same condition as the rule of '\(first.intent)' at \(first.origin): the same words lead to two intents"
                    )
                )
            }
        }
    }

    /// The topics `value_continues` and `not_continued` name in `Intents/context.yaml` must be intents, and the slots
    /// `residence_slots` names slots: a misspelt one would do nothing.
    mutating func checkContextIntents(_ model: IntentModel) {
        let known = Set(model.intents)
        for root in yaml("Intents/context.yaml") {
            for key in ["value_continues", "not_continued"] {
                guard let items = try? root[key]?.list() else { continue }
                for item in items {
                    guard let name = try? item.string(), !known.contains(name) else { continue }
                    add(.error, .unknownName, item, "\(key) names '\(name)', which is not an intent")
                }
            }
            for entry in (try? root["compared_value_narrows"]?.entries()) ?? [] {
                for name in [entry.key, (try? entry.value.string()) ?? ""] where !known.contains(name) {
                    let message = "compared_value_narrows names '\(name)', which is not an intent"
                    add(.error, .unknownName, entry.value, message)
                }
            }
            for item in (try? root["residence_slots"]?.list()) ?? [] {
                guard let name = try? item.string(), model.slotValueNames[name] == nil else { continue }
                add(.error, .unknownName, item, "residence_slots names '\(name)', which is not a slot with values")
            }
        }
    }

    /// Concepts no rule (and no code) refers to never change an answer.
    mutating func checkConcepts(_ model: IntentModel) {
        for root in yaml("Intents/lexicon/") {
            for entry in (try? root.entries()) ?? [] {
                let name = "$" + entry.key
                guard model.featureID(name) == nil, !TemplateCatalog.conceptsUsedByCode.contains(name) else { continue }
                add(
                    .warning,
                    .unreachable,
                    entry.keyNode,
                    "concept '\(entry.key)' is used by no rule: it never changes an answer"
                )
            }
        }
    }

    private func ruleColumn(file: String, line: Int) -> Int {
        guard let list = try? parsed[file]?["rules"]?.list() else { return 1 }
        return list.first { $0.line == line }?.column ?? 1
    }
}
