/// Reading passes that turn what people type into the words the rules know: inflections, spelled-out letters
/// and two-word shorthand (one-word shorthand is read with the lexicon, in `normalizeTokens`).
extension IntentMatcher {
    /// The acronym a plural like "CCSs" or "CPC-As" is written from: capitals (and a hyphen), then a small "s".
    static func acronymPlural(_ token: Token) -> String? {
        let typed = token.typed.utf8
        guard typed.count >= 3, typed.count <= 8, typed.last == UInt8(ascii: "s") else { return nil }
        let stem = typed.dropLast()
        guard stem.allSatisfy({ ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || $0 == UInt8(ascii: "-") }),
            stem.filter({ $0 != UInt8(ascii: "-") }).count >= 2
        else { return nil }
        return String(token.text.dropLast())
    }

    /// The letters of an abbreviation written with periods: "c.p.c" → "cpc", "n.j" → "nj" (the tokenizer keeps
    /// periods inside a word and drops the last one). Only single letters between the periods, so "e.g" and "25.5"
    /// stay; the caller keeps the result only when the rules know it.
    static func dottedLetters(_ word: String) -> String? {
        let bytes = word.utf8
        guard bytes.count >= 3, bytes.count % 2 == 1 else { return nil }
        var letters: [UInt8] = []
        letters.reserveCapacity(bytes.count / 2 + 1)
        for (n, byte) in bytes.enumerated() {
            if n % 2 == 1 {
                guard byte == UInt8(ascii: ".") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return nil }
                letters.append(byte)
            }
        }
        return String(decoding: letters, as: UTF8.self)
    }

    /// Two words the rules know, typed without the space between them ("howmuch" → "how much", "makein" → "make
    /// in"): lower-case letters only, each part three letters or more or a word of `run_together_short`; the longest
    /// first part wins.
    func splitRunTogether(_ token: Token) -> (Token, Token)? {
        let bytes = Array(token.text.utf8)
        guard bytes.count >= 5, bytes.count == token.end - token.start,
            bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
        else { return nil }
        let short = model.context.runTogetherShort
        for cut in stride(from: bytes.count - 2, through: 2, by: -1) {
            let left = String(decoding: bytes[..<cut], as: UTF8.self)
            let right = String(decoding: bytes[cut...], as: UTF8.self)
            guard model.lexicon.id(left) != nil, model.lexicon.id(right) != nil,
                cut >= 3 || short.contains(left), bytes.count - cut >= 3 || short.contains(right)
            else { continue }
            var first = token
            var second = token
            first.text = left
            first.end = token.start + cut
            second.text = right
            second.start = token.start + cut
            return (first, second)
        }
        return nil
    }

    /// The known word an unknown token stands for, less what marks its form: an acronym's plural ("CCSs", "RHITs"
    /// are the CCS, the RHIT), a possessive however short ("the UK's" is the UK), or an inflection of a word the
    /// rules know ("differs" is "differ"; `baseForm`).
    func knownForm(of token: Token) -> String? {
        if let stem = Self.acronymPlural(token), model.lexicon.id(stem) != nil { return stem }
        if token.typed.hasSuffix("'s"), token.text.hasSuffix("s") {
            let owner = String(token.text.dropLast())
            if model.lexicon.id(owner) != nil { return owner }
        }
        return baseForm(token.text)
    }

    /// The word the rules know that an unknown word inflects, if any (`Inflection.baseForm` over the lexicon).
    func baseForm(_ word: String) -> String? {
        Inflection.baseForm(of: word) { model.lexicon.id($0) != nil }
    }

    /// Joins a word spelled out letter by letter into the word: "c r c" → "crc", "see pee see" → "cpc" (letter
    /// names from `Intents/shorthand.yaml`). Only runs of three letters or more, and only when the joined word is
    /// one the rules know; a leading "a" or "i" may be the article or the pronoun ("what does a c o c make").
    func joinSpelledLetters(
        _ tokens: inout [Token],
        _ ids: inout [Int32],
        corrections: inout [(typed: String, corrected: String)]
    ) {
        func letter(_ k: Int) -> UInt8 { ids[k] >= 0 ? model.wordLetter[Int(ids[k])] : 0 }
        var k = 0
        while k < tokens.count {
            guard letter(k) != 0 else {
                k += 1
                continue
            }
            var end = k
            while end < tokens.count, letter(end) != 0 { end += 1 }
            // Letters at either edge may be words of their own: "a" and "i", or a letter's name that is a word ("what
            // are C P T codes", "what is a C P M A I keep seeing"). The longest run that spells a known word is joined.
            func droppable(_ t: Int) -> Bool { ["a", "i"].contains(tokens[t].text) || tokens[t].text.utf8.count > 1 }
            var joinedAt: Int? = nil
            var first = k
            search: while end - first >= 3 {
                var last = end
                while last - first >= 3 {
                    let joined = String(decoding: (first..<last).map(letter), as: UTF8.self)
                    if let id = model.lexicon.id(joined) {
                        Self.merge(first..<last, into: joined, id: id, &tokens, &ids, &corrections)
                        joinedAt = first
                        break search
                    }
                    guard droppable(last - 1) else { break }
                    last -= 1
                }
                guard droppable(first) else { break }
                first += 1
            }
            k = joinedAt.map { $0 + 1 } ?? end
        }
    }

    /// Reads a two-word shorthand as its one word ("makes sense" → "sensible"); only words that start one are
    /// looked up.
    func joinPairShorthand(
        _ tokens: inout [Token],
        _ ids: inout [Int32],
        corrections: inout [(typed: String, corrected: String)]
    ) {
        var k = 0
        while k + 1 < tokens.count {
            defer { k += 1 }
            guard ids[k] >= 0, model.startsPairShorthand[Int(ids[k])],
                let word = model.pairShorthand[tokens[k].text + " " + tokens[k + 1].text]
            else { continue }
            Self.merge(k..<(k + 2), into: word, id: model.lexicon.id(word) ?? -1, &tokens, &ids, &corrections)
        }
    }

    /// Replaces the tokens in `range` with one token reading `word` (its span and typed text those of the whole
    /// range), and notes the replacement as a spelling fix.
    static func merge(
        _ range: Range<Int>,
        into word: String,
        id: Int32,
        _ tokens: inout [Token],
        _ ids: inout [Int32],
        _ corrections: inout [(typed: String, corrected: String)]
    ) {
        var merged = tokens[range.lowerBound]
        merged.text = word
        merged.typed = tokens[range].map(\.typed).joined(separator: " ")
        merged.end = tokens[range.upperBound - 1].end
        corrections.append((merged.typed, word))
        tokens.replaceSubrange(range, with: [merged])
        ids.replaceSubrange(range, with: [id])
    }
}
