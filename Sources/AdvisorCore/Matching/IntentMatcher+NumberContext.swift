/// What stands around a number in the text: a dollar sign, a percent sign, an age, or a noun it counts.
extension IntentMatcher {
    /// The scalar at `offset` in the sanitised text (token offsets count scalars); nil outside it.
    static func scalar(at offset: Int, in text: String) -> Unicode.Scalar? {
        offset >= 0 ? text.unicodeScalars.dropFirst(offset).first : nil
    }

    /// Whether a "$" comes right before the token.
    static func dollarBefore(_ token: Token, in text: String) -> Bool {
        scalar(at: token.start - 1, in: text) == "$"
    }

    /// Whether a "%" comes right after the token ("10%": the sign is no part of the word).
    static func percentAfter(_ token: Token, in text: String) -> Bool {
        token.typed.hasSuffix("%") || scalar(at: token.end, in: text) == "%"
    }

    /// Whether the number at `i` is the asker's age (`age_before`, `age_after` in Intents/numbers.yaml: "I'm 45", "45
    /// years old"; or a number that opens a sentence before a comma: "27, moving from Ohio"), which is no count of years
    /// or credentials.
    func isAge(at i: Int, _ words: [String], _ a: Analysis) -> Bool {
        let g = model.numbers
        guard let n = Int(words[i]), (16...99).contains(n) else { return false }
        if i > 0, g.ageBefore.contains(words[i - 1]) { return true }
        var j = i + 1
        if j < words.count, g.experienceUnits.contains(words[j]) { j += 1 }
        if j < words.count, g.ageAfter.contains(words[j]) { return true }
        let token = a.tokens[i]
        guard Self.scalar(at: token.end, in: a.sanitized) == "," else { return false }
        var k = token.start - 1
        while Self.scalar(at: k, in: a.sanitized) == " " { k -= 1 }
        guard let before = Self.scalar(at: k, in: a.sanitized) else { return true }
        return before == "." || before == "!" || before == "?"
    }

    /// Whether the number at `i` counts something the slots do not ("2 kids", "3 clinics"): a word follows it directly,
    /// and that word is no filler, comparison word, number or word of a span (`span_words`). A number that ends a
    /// clause ("vs 1,", "with 3?") or a question stays a bare number.
    func countsSomethingElse(at i: Int, _ words: [String], _ a: Analysis) -> Bool {
        guard i + 1 < words.count, !followsComparison(at: i, words) else { return false }
        let next = words[i + 1]
        let g = model.numbers
        if g.fillers.contains(next) || model.context.comparisonWords.contains(next) || g.value(of: next) != nil
            || g.spanWords.contains(next)
        {
            return false
        }
        return !Self.endsClause(a.tokens[i], in: a.sanitized)
    }

    /// Whether a clause ends right after `token`: the text ends, or a punctuation mark follows it.
    static func endsClause(_ token: Token, in text: String) -> Bool {
        scalar(at: token.end, in: text).map { ",.?!;:)".unicodeScalars.contains($0) } ?? true
    }

    /// Whether the number at `i` is the other side of a comparison: right after a word of `compared_words`, "compared
    /// to" or "compared with", with at most a word of `compared_fillers` between ("3 certs vs just 1 make a difference?",
    /// "3 credentials compared to just one?").
    func followsComparison(at i: Int, _ words: [String]) -> Bool {
        let g = model.numbers
        var k = i - 1
        if k >= 0, g.comparedFillers.contains(words[k]) { k -= 1 }
        guard k >= 0 else { return false }
        if g.comparedJoins.contains(words[k]) { return k > 0 && words[k - 1] == "compared" }
        return g.comparedWords.contains(words[k])
    }
}
