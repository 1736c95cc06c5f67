/// Phrases of several words found in a question's words.
extension IntentMatcher {
    /// Where `phrase` starts within `range` of `words` (all of them when nil), if it stands there.
    static func phraseStart(_ phrase: [String], in words: [String], within range: Range<Int>? = nil) -> Int? {
        let range = range ?? words.indices
        guard !phrase.isEmpty, phrase.count <= range.count else { return nil }
        return (range.lowerBound...(range.upperBound - phrase.count)).first { start in
            words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }

    /// The positions of the words inside a `not_values` phrase ("stay at home"); none in most questions.
    func valuelessWords(_ words: [String]) -> [Int] {
        let phrases = model.context.notValues
        var found: [Int] = []
        var k = words.startIndex
        while k < words.endIndex {
            // The longest phrase that starts here.
            var length = 0
            for p in phrases[words[k]] ?? [] where p.count > length && k + p.count <= words.endIndex {
                if words[k..<(k + p.count)].elementsEqual(p) { length = p.count }
            }
            found.append(contentsOf: k..<(k + length))
            k += max(length, 1)
        }
        return found
    }

    /// Whether any of `phrases` stands in `words`.
    static func containsAny(_ phrases: [[String]], in words: [String]) -> Bool {
        phrases.contains { phraseStart($0, in: words) != nil }
    }
}
