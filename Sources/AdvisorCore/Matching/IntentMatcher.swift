/// Reads one question: normalises, corrects spelling, extracts entities and scores intents.
struct IntentMatcher: Sendable {
    let model: IntentModel

    /// Reads a question and scores it in the context of a conversation.
    func analyze(_ raw: String, conversation: Conversation) -> Analysis {
        analyze(read(raw), conversation: conversation)
    }

    /// The part of reading that needs no conversation: normalisation, spelling, entities, features,
    /// follow-up cues and the aspect. Safe to run ahead of the conversation, on another thread.
    func read(_ raw: String) -> Analysis {
        var a = Analysis()
        var clean = TextNormalizer.sanitize(raw)
        // Counting characters walks the text: only a text with more bytes than the limit can be over it.
        if clean.utf8.count > TextNormalizer.maximumLength, clean.count > TextNormalizer.maximumLength {
            clean = String(clean.prefix(TextNormalizer.maximumLength))
            a.truncated = true
        }
        a.sanitized = clean
        a.sanitizedIsASCII = TextNormalizer.allBytes(of: clean) { $0 < 0x80 }
        a.features = FeatureSet(capacity: model.featureNames.count)
        let tokens = TextNormalizer.tokenize(clean, isASCII: a.sanitizedIsASCII)
        (a.tokens, a.wordIDs) = normalizeTokens(tokens, corrections: &a.corrections)
        joinPairShorthand(&a.tokens, &a.wordIDs, corrections: &a.corrections)
        joinSpelledLetters(&a.tokens, &a.wordIDs, corrections: &a.corrections)
        a.words = a.tokens.map(\.text)
        let words = a.words
        let ids = a.wordIDs
        var consumed = [Bool](repeating: false, count: words.count)
        extractNumbers(words, ids, &a, &consumed)
        extractEntities(words, ids, &a, &consumed)
        collectFeatures(words, ids, &a)
        a.cues = followUpCues(words, ids)
        a.aspect = detectAspect(ids)
        return a
    }

    /// Completes a read question in the context of a conversation: follow-up cues count only when
    /// there is something to follow, the conversation's focus adds features, and intents are scored.
    func analyze(_ read: consuming Analysis, conversation: Conversation) -> Analysis {
        var a = consume read
        if conversation.lastIntent != nil { applyFollowUp(&a) }
        addContextFeatures(&a, conversation)
        score(&a, conversation)
        return a
    }

    // MARK: Tokens

    /// Corrects spelling word by word and numbers each word (-1: not in the lexicon).
    func normalizeTokens(
        _ tokens: [Token],
        corrections: inout [(typed: String, corrected: String)]
    ) -> ([Token], [Int32]) {
        var out: [Token] = []
        var ids: [Int32] = []
        out.reserveCapacity(tokens.count)
        ids.reserveCapacity(tokens.count)
        func add(_ token: Token) {
            out.append(token)
            ids.append(model.lexicon.id(token.text) ?? -1)
        }
        for token in tokens {
            if let id = model.lexicon.id(token.text) {
                if let word = model.shorthandWord[Int(id)] {
                    // Chat shorthand: "u" is "you", "wat" is "what".
                    corrections.append((token.typed, word))
                    var t = token
                    t.text = word
                    out.append(t)
                    ids.append(model.shorthandID[Int(id)])
                } else {
                    out.append(token)
                    ids.append(id)
                }
            } else if let base = baseForm(token.text) {
                // An inflection of a word the rules know: "differs" is read as "differ".
                corrections.append((token.typed, base))
                var t = token
                t.text = base
                add(t)
            } else if model.speller.isKnown(token.text) || token.text.first?.isNumber == true {
                out.append(token)
                ids.append(-1)
            } else if token.text.contains(where: { $0 == "-" || $0 == "/" }) {
                for part in token.text.split(whereSeparator: { $0 == "-" || $0 == "/" }) {
                    var t = token
                    t.text = String(part)
                    if let fixed = model.speller.correct(t.text) {
                        corrections.append((t.text, fixed))
                        t.text = fixed
                    }
                    add(t)
                }
            } else if let fixed = model.speller.correct(token.text) {
                corrections.append((token.typed, fixed))
                var t = token
                t.text = fixed
                add(t)
            } else {
                out.append(token)
                ids.append(-1)
            }
        }
        return (out, ids)
    }

    /// The word the rules know that an unknown word inflects, if any: a plural or third-person `s`/`es`, a past
    /// `ed`/`d`, a present participle `ing` ("differs" → "differ", "removed" → "remove", "coding" is known
    /// already). Only words of five letters or more, and only to a word in the lexicon.
    func baseForm(_ word: String) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 5, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return nil
        }
        func known(_ count: Int, adding suffix: String = "") -> String? {
            let base = String(decoding: bytes[..<count], as: UTF8.self) + suffix
            return model.lexicon.id(base) != nil ? base : nil
        }
        let n = bytes.count
        if word.hasSuffix("ing") { return known(n - 3) ?? known(n - 3, adding: "e") }
        if word.hasSuffix("ied") || word.hasSuffix("ies") { return known(n - 3, adding: "y") }
        if word.hasSuffix("ed") { return known(n - 2) ?? known(n - 1) }
        if word.hasSuffix("es") { return known(n - 2) ?? known(n - 1) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return known(n - 1) }
        return nil
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
            var start = k
            while end - start >= 3 {
                let joined = String(decoding: (start..<end).map(letter), as: UTF8.self)
                if let id = model.lexicon.id(joined) {
                    var merged = tokens[start]
                    merged.text = joined
                    merged.typed = tokens[start..<end].map(\.typed).joined(separator: " ")
                    merged.end = tokens[end - 1].end
                    corrections.append((merged.typed, joined))
                    tokens.replaceSubrange(start..<end, with: [merged])
                    ids.replaceSubrange(start..<end, with: [id])
                    end = start + 1
                    break
                }
                guard ["a", "i"].contains(tokens[start].text) else { break }
                start += 1
            }
            k = end
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
            var merged = tokens[k]
            merged.text = word
            merged.typed = tokens[k].typed + " " + tokens[k + 1].typed
            merged.end = tokens[k + 1].end
            corrections.append((merged.typed, word))
            tokens.replaceSubrange(k...(k + 1), with: [merged])
            ids.replaceSubrange(k...(k + 1), with: [model.lexicon.id(word) ?? -1])
        }
    }
}
