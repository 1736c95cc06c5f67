/// Answers the other intents from topic sections, picking the section that best fits the question.
struct TopicComposer: Sendable {
    let kb: KnowledgeBase

    func compose(intent: String, words: [String], slots: Slots) -> Composition {
        var c = Composition()
        let indices = kb.sectionsByIntent[intent] ?? []
        // Facets present in the question, each counted once: (section, facet) codes.
        var present: [Int] = []
        if let trie = kb.facetTries[intent] {
            for start in words.indices {
                trie.forEachMatch(in: words, from: start) { _, payloads in
                    for case .concept(let code) in payloads { present.append(code) }
                }
            }
        }
        present.sort()
        var facetScore: [Int: Double] = [:]
        var previous = -1
        for code in present where code != previous {
            previous = code
            let (i, k) = code.quotientAndRemainder(dividingBy: KnowledgeBase.facetStride)
            facetScore[i, default: 0] += kb.facetWeights[i][k]
        }
        var best: (index: Int, score: Double)? = nil
        for i in indices {
            let s = kb.sections[i]
            var score = 0.0
            var excluded = false
            for (slot, value) in s.when {
                if slots[slot].contains(where: { $0.description == value }) { score += 4 } else { excluded = true }
            }
            if excluded { continue }
            score += facetScore[i] ?? 0
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
