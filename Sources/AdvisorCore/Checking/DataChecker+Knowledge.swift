/// The knowledge base: slot values outside their dictionaries, figures without a date, statements
/// without a source, and records or sections no question can reach.
extension CheckRun {
    mutating func checkKnowledge() {
        var sourceDates: [String: String] = [:]
        for root in yaml("Knowledge/sources/") {
            for item in (try? root.list()) ?? [] {
                if let id = try? item["id"]?.string() { sourceDates[id] = (try? item["date"]?.string()) ?? "" }
            }
        }
        for root in yaml("Knowledge/salary/") { checkFigures(root, sourceDates: sourceDates) }
        if let root = parsed["Knowledge/credentials.yaml"] { checkCredentialItems(root) }
        for root in yaml("Knowledge/topics/") { checkTopic(root) }
    }

    private mutating func checkFigures(_ root: YAMLNode, sourceDates: [String: String]) {
        var offSlot: [String: (node: YAMLNode, count: Int)] = [:]
        for item in (try? root.list()) ?? [] {
            let id = (try? item["id"]?.string()) ?? "?"
            for entry in (try? item["where"]?.entries()) ?? [] {
                guard vocabulary.slots.contains(entry.key) else {
                    offSlot[entry.key] = (
                        offSlot[entry.key]?.node ?? entry.keyNode, (offSlot[entry.key]?.count ?? 0) + 1
                    )
                    continue
                }
                guard let value = try? entry.value.string() else { continue }
                if let problem = vocabulary.problem(slot: entry.key, value: value) {
                    // Slots beyond the contract may hold values ahead of their dictionaries (README).
                    let severity: Finding.Severity =
                        DataVocabulary.extensionSlots.contains(entry.key) ? .warning : .error
                    add(severity, .slotValue, entry.value, "figure '\(id)': \(problem), so no question can reach it")
                }
            }
            let dated = [
                try? item["year"]?.string(), try? item["cites"]?.string(),
                (try? item["source"]?.string()).flatMap { sourceDates[$0] },
            ]
            if !dated.contains(where: { $0.map(Self.hasYear) ?? false }) {
                add(
                    .warning,
                    .provenance,
                    item,
                    "figure '\(id)' has no date: give it a 'year', or a source whose date names one"
                )
            }
        }
        for (key, hit) in offSlot.sorted(by: { $0.key < $1.key }) {
            let n = hit.count == 1 ? "1 figure uses" : "\(hit.count) figures use"
            add(
                .warning,
                .unreachable,
                hit.node,
                "\(n) dimension '\(key)', which no slot fills: no question can reach them"
            )
        }
    }

    /// Every statement about a credential needs a source; a bare text has none.
    private mutating func checkCredentialItems(_ root: YAMLNode) {
        let plain: Set<String> = ["credential", "name", "issuer", "name_sources"]
        for item in (try? root.list()) ?? [] {
            let code = (try? item["credential"]?.string()) ?? "?"
            for entry in (try? item.entries()) ?? [] where !plain.contains(entry.key) {
                let elements = entry.value.node.scalar != nil ? [entry.value] : ((try? entry.value.list()) ?? [])
                for element in elements where element.node.scalar != nil {
                    add(
                        .warning,
                        .provenance,
                        element,
                        "\(code) \(entry.key): a statement without a source (write {text, source})"
                    )
                }
            }
        }
    }

    private mutating func checkTopic(_ root: YAMLNode) {
        guard let intentNode = root["intent"], let intent = try? intentNode.string() else { return }
        if !vocabulary.intents.contains(intent) {
            add(.error, .unknownName, intentNode, "unknown intent '\(intent)': no file in Intents/rules/ defines it")
        }
        var earlierUnconditional = false
        for item in (try? root["sections"]?.list()) ?? [] {
            let id = (try? item["id"]?.string()) ?? "?"
            let when = (try? item["when"]?.entries()) ?? []
            for entry in when {
                guard vocabulary.slots.contains(entry.key) else {
                    add(.error, .unknownName, entry.keyNode, "section '\(id)': unknown slot '\(entry.key)' in 'when'")
                    continue
                }
                if let value = try? entry.value.string(),
                    let problem = vocabulary.problem(slot: entry.key, value: value)
                {
                    add(
                        .error,
                        .slotValue,
                        entry.value,
                        "section '\(id)': \(problem), so no question can reach this section"
                    )
                }
            }
            for node in (try? item["recommends"]?.list()) ?? [] {
                if let code = try? node.string(), let problem = vocabulary.problem(slot: "credential", value: code) {
                    add(.error, .slotValue, node, "section '\(id)' recommends: \(problem)")
                }
            }
            let facets = ((try? item["facets"]?.strings()) ?? []).filter { !TextNormalizer.phrase($0).isEmpty }
            if facets.isEmpty && when.isEmpty && earlierUnconditional {
                add(
                    .warning,
                    .unreachable,
                    item,
                    "section '\(id)' has no facets and no 'when': an earlier section always wins"
                )
            }
            if when.isEmpty { earlierUnconditional = true }
            if !DataVocabulary.smallTalk.contains(intent),
                item["sources"] == nil || ((try? item["sources"]?.list()) ?? []).isEmpty
            {
                add(.warning, .provenance, item, "section '\(id)' names no source")
            }
        }
    }

    /// Whether a text names a year (1990–2099).
    static func hasYear(_ text: String) -> Bool {
        var digits = 0
        var value = 0
        for c in text + " " {
            if let d = c.wholeNumberValue, c.isASCII {
                digits += 1
                value = value * 10 + d
            } else {
                if digits == 4 && value > 1990 && value < 2100 { return true }
                digits = 0
                value = 0
            }
        }
        return false
    }
}
