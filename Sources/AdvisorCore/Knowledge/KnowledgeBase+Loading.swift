import FoundationEssentials

/// Reads `Knowledge/` (and `Intents/templates.yaml`) into a knowledge base, checking every reference.
extension KnowledgeBase {
    init(files: [DataFile]) throws(LoadError) {
        for file in files where file.path.hasPrefix("Knowledge/sources/") && file.path.hasSuffix(".yaml") {
            try loadSources(YAMLNode.parse(file))
        }
        for file in files where file.path.hasSuffix(".yaml") {
            let p = file.path
            if p.hasPrefix("Knowledge/salary/") {
                try loadFigures(YAMLNode.parse(file))
            } else if p == "Knowledge/credentials.yaml" {
                try loadCredentials(YAMLNode.parse(file))
            } else if p == "Knowledge/metros.yaml" {
                for item in try YAMLNode.parse(file).list() {
                    metroStates[try item.required("metro").string()] = try item.required("state").string()
                }
            } else if p == "Knowledge/regions.yaml" {
                try loadRegions(YAMLNode.parse(file))
            } else if p == "Knowledge/renewal.yaml" {
                try loadRenewal(YAMLNode.parse(file))
            } else if p == "Knowledge/experience.yaml" {
                try loadExperience(YAMLNode.parse(file))
            } else if p.hasPrefix("Knowledge/topics/") {
                try loadTopic(YAMLNode.parse(file))
            } else if p == "Intents/templates.yaml" {
                for entry in try YAMLNode.parse(file).entries() { templates[entry.key] = try entry.value.string() }
            }
        }
        for file in files where file.path.hasPrefix("Knowledge/bls/") && file.path.hasSuffix(".csv") {
            try loadBLS(CSVTable(file: file.path, text: file.text))
        }
        index()
    }

    private mutating func loadSources(_ root: YAMLNode) throws(LoadError) {
        for item in try root.list() {
            try item.allowKeys(["id", "publisher", "title", "date", "kind", "reliability", "url", "note"])
            let idNode = try item.required("id")
            let id = try idNode.string()
            guard sources[id] == nil else { throw idNode.error("duplicate source id '\(id)'") }
            let kind = try item.required("kind").string()
            guard ["primary", "secondary", "guide"].contains(kind) else {
                throw item.error("kind must be primary, secondary or guide, not '\(kind)'")
            }
            sources[id] = Source(
                id: id,
                publisher: try item.required("publisher").string(),
                title: try item.required("title").string(),
                date: try item.required("date").string(),
                kind: kind,
                reliability: try item["reliability"]?.string() ?? "unknown",
                url: try item["url"]?.string(),
                note: try item["note"]?.string()
            )
        }
    }

    /// `Knowledge/renewal.yaml`: CEUs per renewal by the number of an issuer's credentials held.
    private mutating func loadRenewal(_ root: YAMLNode) throws(LoadError) {
        for item in try root.list() {
            try item.allowKeys(["issuer", "period", "ceus_by_count", "source"])
            let sourceNode = try item.required("source")
            let source = try sourceNode.string()
            guard sources[source] != nil else { throw sourceNode.error("unknown source '\(source)'") }
            let countsNode = try item.required("ceus_by_count")
            var counts: [Int] = []
            for node in try countsNode.list() { counts.append(try node.int()) }
            guard !counts.isEmpty else { throw countsNode.error("ceus_by_count needs at least one number") }
            let issuer = try item.required("issuer").string()
            renewal[issuer] = RenewalTable(
                period: try item.required("period").string(),
                ceusByCount: counts,
                source: source
            )
        }
    }

    /// `Knowledge/regions.yaml`: each region's states (two-letter codes) and whose definition it is.
    private mutating func loadRegions(_ root: YAMLNode) throws(LoadError) {
        for item in try root.list() {
            try item.allowKeys(["region", "definition", "source", "states"])
            let idNode = try item.required("region")
            let id = try idNode.string()
            guard regions[id] == nil else { throw idNode.error("duplicate region '\(id)'") }
            var states: [String] = []
            for node in try item.required("states").list() {
                let code = try node.string()
                guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
                    throw node.error("a state is a two-letter code such as OH, not '\(code)'")
                }
                states.append(code)
            }
            guard !states.isEmpty else { throw item.error("region '\(id)' lists no states") }
            regions[id] = Region(
                id: id,
                definition: try item.required("definition").string(),
                source: try item["source"].map { node throws(LoadError) in try checkSource(node) },
                states: states
            )
        }
    }

    private func checkSource(_ node: YAMLNode) throws(LoadError) -> String {
        let id = try node.string()
        guard sources[id] != nil else { throw node.error("unknown source '\(id)' (declare it in Knowledge/sources/)") }
        return id
    }

    private mutating func loadFigures(_ root: YAMLNode) throws(LoadError) {
        var seen = Set(figures.map(\.id))
        for item in try root.list() {
            try item.allowKeys([
                "id", "where", "stat", "value", "low", "high", "unit", "source", "cites", "year", "note", "caveat",
            ])
            let idNode = try item.required("id")
            let id = try idNode.string()
            guard seen.insert(id).inserted else { throw idNode.error("duplicate figure id '\(id)'") }
            var dims: [String: String] = [:]
            if let w = item["where"] {
                for entry in try w.entries() { dims[entry.key] = try entry.value.string() }
            }
            let value = try item["value"]?.double()
            let low = try item["low"]?.double()
            let high = try item["high"]?.double()
            guard value != nil || low != nil else { throw item.error("a figure needs 'value' or 'low'/'high'") }
            let sourceID = try checkSource(item.required("source"))
            figures.append(
                SalaryFigure(
                    id: id,
                    dimensions: dims,
                    stat: try item.required("stat").string(),
                    value: value,
                    low: low,
                    high: high,
                    unit: try item.required("unit").string(),
                    source: sourceID,
                    cites: try item["cites"]?.string(),
                    year: try item["year"]?.string(),
                    note: try item["note"]?.string(),
                    caveat: try item["caveat"]?.string(),
                    origin: "\(item.file):\(item.line)",
                    sourceRecord: sources[sourceID],
                    serial: figures.count
                )
            )
        }
    }

    private mutating func loadCredentials(_ root: YAMLNode) throws(LoadError) {
        for item in try root.list() {
            let codeNode = try item.required("credential")
            let code = try codeNode.string()
            guard credentials[code] == nil else { throw codeNode.error("duplicate credential '\(code)'") }
            var attributes: [String: [Credential.Item]] = [:]
            for entry in try item.entries() where !["credential", "name", "issuer"].contains(entry.key) {
                var list: [Credential.Item] = []
                if entry.value.node.scalar != nil {
                    list.append(Credential.Item(text: try entry.value.string(), source: ""))
                } else {
                    for element in try entry.value.list() {
                        if element.node.scalar != nil {
                            list.append(Credential.Item(text: try element.string(), source: ""))
                            continue
                        }
                        list.append(
                            Credential.Item(
                                text: try element.required("text").string(),
                                source: try checkSource(element.required("source"))
                            )
                        )
                    }
                }
                attributes[entry.key] = list
            }
            credentials[code] = Credential(
                code: code,
                name: try item.required("name").string(),
                issuer: try item.required("issuer").string(),
                attributes: attributes,
                origin: "\(item.file):\(item.line)"
            )
            credentialOrder.append(code)
        }
    }

    private mutating func loadExperience(_ root: YAMLNode) throws(LoadError) {
        for item in try root.list() {
            let yearsNode = try item.required("years")
            let years = try yearsNode.list()
            guard years.count == 2 else { throw yearsNode.error("years must be [from, to]") }
            let from = try years[0].int()
            let to = try years[1].int()
            guard from <= to else { throw yearsNode.error("years must be [from, to] with from <= to") }
            experience.append(
                ExperienceLevel(
                    level: try item.required("level").string(),
                    label: try item["label"]?.string() ?? "",
                    years: from...to,
                    source: try checkSource(item.required("source"))
                )
            )
        }
        experience.sort { $0.years.lowerBound < $1.years.lowerBound }
    }

    /// A section's slot values (`when`, `prefer`): slot name to value; none when absent or not a mapping.
    private static func slotValues(_ node: YAMLNode?) throws(LoadError) -> [String: String] {
        guard let node, node.node.mapping != nil else { return [:] }
        var values: [String: String] = [:]
        for entry in try node.entries() { values[entry.key] = try entry.value.string() }
        return values
    }

    private mutating func loadTopic(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys(["intent", "sections"])
        let intent = try root.required("intent").string()
        var seen = Set(sections.map(\.id))
        for item in try root.required("sections").list() {
            try item.allowKeys(["id", "facets", "when", "prefer", "text", "sources", "recommends"])
            let idNode = try item.required("id")
            let id = try idNode.string()
            guard seen.insert(id).inserted else { throw idNode.error("duplicate section id '\(id)'") }
            var sourceIDs: [String] = []
            if let s = item["sources"] {
                for node in try s.list() { sourceIDs.append(try checkSource(node)) }
            }
            sections.append(
                TopicSection(
                    id: id,
                    intent: intent,
                    facets: try (item["facets"]?.strings() ?? []).map { TextNormalizer.phrase($0) }.filter {
                        !$0.isEmpty
                    },
                    when: try Self.slotValues(item["when"]),
                    prefer: try Self.slotValues(item["prefer"]),
                    text: try item.required("text").string().trimmingWhitespace,
                    sources: sourceIDs,
                    recommends: try item["recommends"]?.strings() ?? [],
                    origin: "\(item.file):\(item.line)"
                )
            )
        }
    }
}
