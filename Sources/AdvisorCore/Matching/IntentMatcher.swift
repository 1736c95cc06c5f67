/// Reads one question: normalises, corrects spelling, extracts entities and scores intents.
final class IntentMatcher: Sendable {
    let model: IntentModel
    /// The concepts of the field and of pay (`$domain`, `$pay`): a short query with one of them reads like a search
    /// (`beginsKeywordQuery`).
    let keywordConcepts: Set<Int>

    init(model: IntentModel) {
        self.model = model
        keywordConcepts = Set(["domain", "pay"].compactMap { model.conceptNames.firstIndex(of: $0) })
    }

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
        var tokens = TextNormalizer.tokenize(clean, isASCII: a.sanitizedIsASCII)
        TextNormalizer.ignoreShoutedCapitals(&tokens)
        if clean.utf8.contains(UInt8(ascii: "$")) { Self.readDollarSigns(&tokens, in: clean) }
        (a.tokens, a.wordIDs) = normalizeTokens(tokens, corrections: &a.corrections)
        joinPairShorthand(&a.tokens, &a.wordIDs, corrections: &a.corrections)
        joinSpelledLetters(&a.tokens, &a.wordIDs, corrections: &a.corrections)
        a.words = a.tokens.map(\.text)
        a.phraseIDs = model.phraseIDs(a.words, lexiconIDs: a.wordIDs)
        let words = a.words
        var ids = a.wordIDs
        var consumed = [Bool](repeating: false, count: words.count)
        // "a stay at home mom": no remote setting, no remote concept ("mom" still counts).
        let valueless = valuelessWords(a.phraseIDs)
        for k in valueless { consumed[k] = true }
        let bare = extractNumbers(words, ids, &a, &consumed)
        extractEntities(words, ids, &a, &consumed)
        keepBareNumbers(at: bare, &a, consumed: consumed)
        for k in dropTakenBackValues(&a) {
            ids[k] = -1
            a.wordIDs[k] = -1
        }
        dropPlaceLivedIn(&a)
        dropBroaderValues(&a)
        dropYearsAway(&a)
        keepOneExperience(&a)
        dropDefaultPeriod(&a)
        // A country's name gives no concept: "the united states" asks no "which states" ranking.
        for e in a.entities where e.slot == "country" {
            for k in e.tokens { ids[k] = -1 }
        }
        collectFeatures(words, ids, &a, valueless: valueless)
        a.cues = followUpCues(words, ids)
        (a.aspect, a.moreAspects) = detectAspects(ids)
        return a
    }

    /// Completes a read question in the context of a conversation: follow-up cues count only when
    /// there is something to follow, the conversation's focus adds features, and intents are scored.
    /// `background`: the rest of a long message (`MessageParts`), whose values count as in focus, as a previous
    /// question's would.
    func analyze(_ read: consuming Analysis, conversation: Conversation, background: Analysis? = nil) -> Analysis {
        var a = consume read
        if a.entities.isEmpty, a.words.count == 1, !conversation.focus.isEmpty {
            addValueOfSlotInFocus(&a, conversation)
        }
        if conversation.lastIntent != nil { applyFollowUp(&a) }
        addContextFeatures(&a, conversation, background: background)
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
            } else if let joined = Self.dottedLetters(token.text), let id = model.lexicon.id(joined) {
                // An abbreviation with periods: "c.p.c." is the CPC, "N.J." New Jersey.
                corrections.append((token.typed, joined))
                var t = token
                t.text = joined
                out.append(t)
                ids.append(id)
            } else if let known = knownForm(of: token) {
                // A plural, possessive or inflection of a word the rules know: "CCSs", "the UK's", "differs".
                corrections.append((token.typed, known))
                var t = token
                t.text = known
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
            } else if let (first, second) = splitRunTogether(token) {
                // Two words typed without the space: "howmuch", "makein".
                corrections.append((token.typed, first.text + " " + second.text))
                add(first)
                add(second)
            } else {
                out.append(token)
                ids.append(-1)
            }
        }
        return (out, ids)
    }
}
