/// Answers the other intents from topic sections, picking the section that best fits the question.
final class TopicComposer: Sendable {
    let kb: KnowledgeBase
    /// The knowledge base's facet tries (one per intent), compiled over the matcher's word ids.
    let facets: [String: WordTrie]
    /// Each section's `when` conditions as (slot, value) pairs, in slot order: read per question
    /// without copying the section or walking a dictionary.
    private let conditions: [[(slot: String, value: String)]]
    /// Each section's `prefer` values, read the same way.
    private let preferences: [[(slot: String, value: String)]]
    /// Each section's answer (its text, sources, query and record), written once at load: answering
    /// with a section copies references, it writes nothing.
    private let answers: [Composition]

    init(kb: KnowledgeBase, facets: [String: WordTrie]) {
        self.kb = kb
        self.facets = facets
        func pairs(_ values: [String: String]) -> [(slot: String, value: String)] {
            values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        conditions = kb.sections.map { pairs($0.when) }
        preferences = kb.sections.map { pairs($0.prefer) }
        answers = kb.sections.map { section in
            var c = Composition()
            c.query = "topic \(section.intent): section \(section.id)"
            c.lines = [section.text]
            c.records = ["\(section.id) (\(section.origin))"]
            for s in section.sources { c.cite(s) }
            return c
        }
    }

    /// Compiles the knowledge base's facet tries (`KnowledgeBase.facetTries`) over `lexicon`.
    static func compile(_ kb: KnowledgeBase, lexicon: Lexicon) -> [String: WordTrie] {
        kb.facetTries.mapValues { WordTrie($0, lexicon: lexicon) }
    }

    /// The best section of `intent` for a question, given its words' lexicon ids and its slots.
    func compose(intent: String, ids: [Int32], slots: Slots) -> Composition {
        guard let chosen = bestSection(intent: intent, ids: ids, slots: slots) else {
            var c = Composition()
            c.lines.append(fill(kb.template("topic.none"), ["intent": intent]))
            return c
        }
        var c = answers[chosen]
        let recommends = kb.sections[chosen].recommends
        if let first = recommends.first {
            let named = slots["credential"].compactMap(\.text)
            c.focus["credential"] = [.text(recommends.first { named.contains($0) } ?? first)]
        }
        return c
    }

    /// The index of the section of `intent` with the highest facet score whose conditions the slots
    /// meet (each met condition adds 4); the first listed wins a tie.
    private func bestSection(intent: String, ids: [Int32], slots: Slots) -> Int? {
        guard let indices = kb.sectionsByIntent[intent] else { return nil }
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
            var score = 0.0
            var excluded = false
            for (slot, value) in conditions[i] {
                if slots[slot].contains(where: { $0.matches(value) }) { score += 4 } else { excluded = true }
            }
            for (slot, value) in preferences[i] where slots[slot].contains(where: { $0.matches(value) }) {
                score += 5
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
        return best?.index
    }
}
