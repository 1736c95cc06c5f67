/// Answers the other intents from topic sections, picking the section that best fits the question.
struct TopicComposer: Sendable {
    let kb: KnowledgeBase
    /// The knowledge base's facet tries (one per intent), compiled over the matcher's word ids.
    let facets: [String: WordTrie]

    /// Compiles the knowledge base's facet tries (`KnowledgeBase.facetTries`) over `lexicon`.
    static func compile(_ kb: KnowledgeBase, lexicon: Lexicon) -> [String: WordTrie] {
        kb.facetTries.mapValues { WordTrie($0, lexicon: lexicon) }
    }

    /// The best section of `intent` for a question, given its words' lexicon ids and its slots.
    func compose(intent: String, ids: [Int32], slots: Slots) -> Composition {
        var c = Composition()
        let indices = kb.sectionsByIntent[intent] ?? []
        // Facets present in the question, each counted once: (section, facet) codes.
        var present: [Int] = []
        if let trie = facets[intent] {
            for start in ids.indices where ids[start] >= 0 {
                trie.forEachMatch(in: ids, from: start) { _, payloads in
                    for case .concept(let code) in payloads { present.append(code) }
                }
            }
        }
        present.sort()
        // Sections and facet codes both ascend: one merged walk adds each present facet's weight once.
        var next = 0
        var best: (index: Int, score: Double)? = nil
        for i in indices {
            let s = kb.sections[i]
            var score = 0.0
            var excluded = false
            for (slot, value) in s.when {
                if slots[slot].contains(where: { $0.description == value }) { score += 4 } else { excluded = true }
            }
            var previous = -1
            while next < present.count, present[next] < (i + 1) * KnowledgeBase.facetStride {
                let code = present[next]
                next += 1
                guard code >= i * KnowledgeBase.facetStride, code != previous else { continue }
                previous = code
                score += kb.facetWeights[i][code - i * KnowledgeBase.facetStride]
            }
            if excluded { continue }
            if let b = best, score <= b.score { continue }
            best = (i, score)
        }
        guard let chosen = best.map({ kb.sections[$0.index] }) else {
            c.lines.append(fill(kb.template("topic.none"), ["intent": intent]))
            return c
        }
        c.query = "topic \(intent): section \(chosen.id)"
        c.lines.append(chosen.text)
        c.records.append("\(chosen.id) (\(chosen.origin))")
        for s in chosen.sources { c.cite(s) }
        if !chosen.recommends.isEmpty {
            let named = slots["credential"].compactMap(\.text)
            let pick = chosen.recommends.first { named.contains($0) } ?? chosen.recommends[0]
            c.focus["credential"] = [.text(pick)]
        }
        return c
    }
}
