/// Entity dictionaries: one alias claimed by two values, aliases written twice, credentials that
/// cannot be named.
extension CheckRun {
    mutating func checkEntities() {
        var byPhrase: [String: [DataVocabulary.Alias]] = [:]
        var order: [String] = []
        for alias in vocabulary.aliases {
            let key = TextNormalizer.phrase(alias.phrase).joined(separator: " ")
            guard !key.isEmpty else { continue }
            if byPhrase[key] == nil { order.append(key) }
            byPhrase[key, default: []].append(alias)
        }
        for key in order {
            guard let list = byPhrase[key], let first = list.first else { continue }
            for other in list.dropFirst() {
                let was = "\(first.node.file):\(first.node.line):\(first.node.column)"
                if other.slot == first.slot && other.value == first.value {
                    // The same words under two conditions ("ga" in capitals beside "in", "Ga." anywhere) both count.
                    guard first.use == other.use || !first.needsContext || !other.needsContext else { continue }
                    let same =
                        other.phrase == first.phrase ? "" : " as '\(first.phrase)' (the same words once normalised)"
                    add(
                        .warning,
                        .duplicate,
                        other.node,
                        "alias '\(other.phrase)' of \(other.slot) \(other.value) is already listed\(same) at \(was)"
                    )
                } else if other.slot == first.slot {
                    add(
                        .error,
                        .conflict,
                        other.node,
                        "alias '\(other.phrase)' is claimed by two values of \(other.slot): \(first.value) (\(was)) and \(other.value)"
                    )
                } else if !first.needsContext && !other.needsContext {
                    add(
                        .warning,
                        .conflict,
                        other.node,
                        "alias '\(other.phrase)' means \(first.slot) \(first.value) (\(was)) and also \(other.slot) \(other.value): both slots get filled"
                    )
                }
            }
        }
        let produced = Set(vocabulary.aliases.map { "\($0.slot)=\($0.value)" })
        for (slot, values) in vocabulary.values.sorted(by: { $0.key < $1.key }) {
            for (value, node) in values.sorted(by: { $0.key < $1.key }) where !produced.contains("\(slot)=\(value)") {
                add(.warning, .unreachable, node, "\(slot) \(value) has no alias: no question can name it")
            }
        }
        for (slot, value, node) in vocabulary.narrows where vocabulary.values[slot]?[value] == nil {
            add(.error, .unknownName, node, "narrows names '\(value)', which is not a value of slot '\(slot)'")
        }
        checkCredentialNames()
    }

    /// Every credential in the knowledge base needs an alias, or no question can name it.
    private mutating func checkCredentialNames() {
        guard let root = parsed["Knowledge/credentials.yaml"], let list = try? root.list() else { return }
        let named = vocabulary.values["credential"] ?? [:]
        var recorded = Set<String>()
        for item in list {
            guard let node = item["credential"], let code = try? node.string() else { continue }
            recorded.insert(code)
            if named[code] == nil {
                add(
                    .warning,
                    .unreachable,
                    node,
                    "credential \(code) has no alias in Intents/entities/credentials.yaml: no question can reach it"
                )
            }
        }
        for (code, node) in named.sorted(by: { $0.key < $1.key }) where !recorded.contains(code) {
            add(
                .warning,
                .unreachable,
                node,
                "credential \(code) has no record in Knowledge/credentials.yaml: questions about it get no facts"
            )
        }
    }
}
