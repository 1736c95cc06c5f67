/// Values a question takes back: "not the CPC, I mean the CCS", "CIC, no sorry i mean COC", "sorry not arizona,
/// arkansas", "the CCS exam fee — actually scratch that, the CPC". The value taken back is dropped, so the question is
/// about the other one, not a comparison of both.
extension IntentMatcher {
    /// Drops each value taken back for another value of its slot: one right after a word of `taken_back` ("not the
    /// CPC"), or one followed later by a word of `correction_words` that comes right before another value of its slot
    /// ("CIC, no sorry i mean COC"). Only `correction_fillers` ("the", "i") may stand between the word and the value.
    /// Returns where the words that did so are: they say nothing about the topic ("mean" asks for no definition here).
    func dropTakenBackValues(_ a: inout Analysis) -> [Int] {
        // Most questions name no slot with two different values: those leave at once, without a list being made.
        guard Self.namesTwoValuesOfOneSlot(a.entities) else { return [] }
        let context = model.context
        let compares = hasComparisonWord(a)
        var dropped: [Int] = []
        var used: [Int] = []
        for (n, e) in a.entities.enumerated() {
            let others = a.entities.indices.filter { $0 != n && a.entities[$0].slot == e.slot }
            guard others.contains(where: { a.entities[$0].value != e.value }) else { continue }
            if let word = wordBefore(e, in: a), context.takenBack.contains(a.words[word]),
                others.contains(where: { other in
                    wordBefore(a.entities[other], in: a).map { !context.takenBack.contains(a.words[$0]) } ?? true
                })
            {
                dropped.append(n)
                used.append(word)
                continue
            }
            for other in others where a.entities[other].tokens.lowerBound > e.tokens.upperBound {
                if let word = wordBefore(a.entities[other], in: a), word > e.tokens.upperBound,
                    context.correctionWords.contains(a.words[word])
                {
                    // "inpatient pay. no i dont mean outpatient": the value after a negated "mean" is the one taken back.
                    let negated = word >= 1 && context.negatedCorrections.contains(a.words[word - 1])
                    dropped.append(negated ? other : n)
                    used.append(word)
                    break
                }
                if a.entities[other].value != e.value, !compares,
                    let at = retraction(in: e.tokens.upperBound..<a.entities[other].tokens.lowerBound, a)
                {
                    dropped.append(n)
                    used.append(contentsOf: at)
                    break
                }
            }
        }
        dropped = Array(Set(dropped)).sorted()
        guard !dropped.isEmpty, dropped.count < a.entities.count else { return [] }
        a.takenBack = dropped.map { a.entities[$0].tokens }
        for n in dropped.reversed() { a.entities.remove(at: n) }
        return used
    }

    /// Whether some slot has two different values among the entities (most questions name none twice, and leave the
    /// passes that need it at once).
    static func namesTwoValuesOfOneSlot(_ entities: [Entity]) -> Bool {
        entities.indices.contains { n in
            entities[(n + 1)...].contains { $0.slot == entities[n].slot && $0.value != entities[n].value }
        }
    }

    /// Where a phrase of `retractions` stands within `range` of the words, if one does.
    func retraction(in range: Range<Int>, _ a: Analysis) -> Range<Int>? {
        for start in range {
            for phrase in model.context.retractions where start + phrase.count <= range.upperBound {
                let span = start..<(start + phrase.count)
                if a.words[span].elementsEqual(phrase) { return span }
            }
        }
        return nil
    }

    /// The word before an entity, past any `correction_fillers` ("not the CPC": "not"); nil at the start.
    private func wordBefore(_ e: Entity, in a: Analysis) -> Int? {
        var k = e.tokens.lowerBound - 1
        while k >= 0, model.context.correctionFillers.contains(a.words[k]) { k -= 1 }
        return k >= 0 ? k : nil
    }

    /// Drops a value named beside a narrower case of it when the question compares nothing: "I passed my CPC but I'm a
    /// CPC-A" is about the CPC-A (`narrows` in `Intents/entities/`); "CPC vs CPC-A pay" compares both.
    func dropBroaderValues(_ a: inout Analysis) {
        guard a.entities.count > 1, !model.broaderValue.isEmpty else { return }
        let broader = a.entities.compactMap { model.broaderValue[$0.value] }
        guard !broader.isEmpty, !hasComparisonWord(a) else { return }
        a.entities.removeAll { broader.contains($0.value) }
    }
}
