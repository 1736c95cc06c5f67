/// The place the asker lives, told as background: "i live in kentucky, what does coder pay in ohio?" asks about
/// Ohio, not Kentucky against Ohio.
extension IntentMatcher {
    /// Drops a value of `residence_slots` that says where the asker lives (right after a word of `residence_words`, past any
    /// `residence_fillers`: "i live in northern kentucky", "im from jersey") when the question names another value of
    /// its slot that is not one, and no word of `comparison_words` or `residence_compares` makes the question a
    /// comparison ("I live in KY, would I make more in OH?" compares both).
    func dropPlaceLivedIn(_ a: inout Analysis) {
        let entities = a.entities
        guard Self.namesTwoValuesOfOneSlot(entities) else { return }
        let context = model.context
        let compares =
            context.comparisonWords.occurs(in: a.phraseIDs) || context.residenceCompares.occurs(in: a.phraseIDs)
        guard !compares else { return }
        let livedIn = entities.indices.filter {
            context.residenceSlots.contains(entities[$0].slot) && isPlaceLivedIn(entities[$0], in: a)
        }
        guard !livedIn.isEmpty else { return }
        var dropped: [Int] = []
        for n in livedIn {
            let e = entities[n]
            let asked = entities.indices.contains { m in
                m != n && entities[m].slot == e.slot && entities[m].value != e.value && !livedIn.contains(m)
            }
            if asked { dropped.append(n) }
        }
        for n in dropped.reversed() { a.entities.remove(at: n) }
    }

    /// Whether a word of `residence_words` comes before the entity, past `residence_fillers` only; or a word of
    /// `residence_linkers` with at least one filler between ("im in texas"; "i am a coder in ohio" says no residence).
    private func isPlaceLivedIn(_ e: Entity, in a: Analysis) -> Bool {
        let context = model.context
        var k = e.tokens.lowerBound - 1
        var skipped = 0
        while k >= 0, context.residenceFillers.contains(a.words[k]) {
            k -= 1
            skipped += 1
        }
        guard k >= 0 else { return false }
        let word = a.words[k]
        return context.residenceWords.contains(word) || (skipped > 0 && context.residenceLinkers.contains(word))
    }
}
