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
        if clean.count > TextNormalizer.maximumLength {
            clean = String(clean.prefix(TextNormalizer.maximumLength))
            a.truncated = true
        }
        a.sanitized = clean
        (a.tokens, a.wordIDs) = normalizeTokens(TextNormalizer.tokenize(clean), corrections: &a.corrections)
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
    func analyze(_ read: Analysis, conversation: Conversation) -> Analysis {
        var a = read
        if conversation.lastIntent != nil { applyFollowUp(&a) }
        addContextFeatures(&a, conversation)
        score(&a, conversation)
        return a
    }

    // MARK: Tokens

    /// Corrects spelling word by word and numbers each word (-1: not in the lexicon).
    private func normalizeTokens(
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
                out.append(token)
                ids.append(id)
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

    // MARK: Entities

    private func extractNumbers(_ words: [String], _ ids: [Int32], _ a: inout Analysis, _ consumed: inout [Bool]) {
        let g = model.numbers
        var i = 0
        while i < words.count {
            // The longest number phrase starting here ("a decade", "half a year").
            var phrase: (length: Int, index: Int)? = nil
            model.numberPhraseWords.forEachMatch(in: ids, from: i) { length, payloads in
                if case .concept(let index) = payloads[payloads.count - 1] { phrase = (length, index) }
            }
            if let phrase {
                let hit = g.phrases[phrase.index]
                addEntity(hit.slot, .number(hit.value), i, i + phrase.length - 1, &a, &consumed)
                i += phrase.length
                continue
            }
            if let amount = Self.money(a.tokens[i], in: a.sanitized) {
                addEntity("amount", .number(amount), i, i, &a, &consumed)
                i += 1
                continue
            }
            guard let n = number(words[i], ids[i]), !Self.looksLikeCode(words[i]) else {
                i += 1
                continue
            }
            var j = i + 1
            while j < words.count, g.fillers.contains(words[j]) { j += 1 }
            let before = i > 0 ? words[i - 1] : ""
            let after = j + 1 < words.count ? words[j + 1] : ""
            if j < words.count, g.experienceUnits.contains(words[j]), !g.notBefore.contains(before),
                !g.notAfter.contains(after)
            {
                addEntity("experience_years", .number(n), i, j, &a, &consumed)
                i = j + 1
            } else if j < words.count, g.countUnits.contains(words[j]) {
                addEntity("credential_count", .number(n), i, j, &a, &consumed)
                i = j + 1
            } else {
                if words[i].first?.isNumber == true || i == words.count - 1 { a.bareNumbers.append(n) }
                i += 1
            }
        }
    }

    /// The number a word stands for: digits ("5", "10+") or a number word ("five", by its id).
    private func number(_ word: String, _ id: Int32) -> Int? {
        guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            guard id >= 0 else { return nil }
            let n = model.wordNumber[Int(id)]
            return n >= 0 ? Int(n) : nil
        }
        return model.numbers.value(of: word)
    }

    /// "45k", "$45,000" (a yearly figure) → 45000. A bare five-digit number is a CPT code, not money.
    static func money(_ token: Token, in text: String) -> Int? {
        let word = token.text
        if word.hasSuffix("k"), let n = Int(word.dropLast()), n >= 10, n <= 300 { return n * 1000 }
        guard let n = Int(word), n >= 10_000, n < 1_000_000 else { return nil }
        let dollar = token.start > 0 && text.unicodeScalars.dropFirst(token.start - 1).first == "$"
        return dollar || token.typed.utf8.contains(UInt8(ascii: ",")) || word.count == 6 ? n : nil
    }

    /// ICD-10-CM (`i10`, `e11.9`, `s82.61xa`), CPT (`99213`) or HCPCS Level II (`j1100`) shaped words.
    static func looksLikeCode(_ word: String) -> Bool {
        var bytes = word.utf8.makeIterator()
        var c: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        while let b = bytes.next() {
            guard n < 8, b < 0x80 else { return n < 8 && b >= 0x80 && looksLikeCodeSlow(word) }
            withUnsafeMutableBytes(of: &c) { $0[n] = b }
            n += 1
        }
        guard n >= 3 else { return false }
        return withUnsafeBytes(of: c) { raw in
            let c = raw.prefix(n)
            func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            func letter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }
            if n == 5, c.allSatisfy(digit) { return true }
            guard letter(c[0]), digit(c[1]) else { return false }
            let digitsAfter = c.dropFirst().prefix(while: digit).count
            if digitsAfter == 4 && n == 5 { return true }  // HCPCS: letter + 4 digits
            guard digitsAfter == 2 || (digitsAfter == 1 && (letter(c[2]) || c[2] == 0x2E)) else { return false }
            return c.dropFirst(3).allSatisfy { digit($0) || letter($0) || $0 == 0x2E }
        }
    }

    /// The same test on characters, for words that are not ASCII.
    private static func looksLikeCodeSlow(_ word: String) -> Bool {
        let c = Array(word)
        guard c.count >= 3, c.count <= 8 else { return false }
        if c.count == 5, c.allSatisfy(\.isNumber) { return true }
        guard c[0].isLetter, c[1].isNumber else { return false }
        let digitsAfter = c.dropFirst().prefix { $0.isNumber }.count
        if digitsAfter == 4 && c.count == 5 { return true }
        guard digitsAfter == 2 || (digitsAfter == 1 && c.count > 2 && (c[2].isLetter || c[2] == ".")) else {
            return false
        }
        return c.dropFirst(3).allSatisfy { $0.isNumber || $0.isLetter || $0 == "." }
    }

    private func extractEntities(_ words: [String], _ ids: [Int32], _ a: inout Analysis, _ consumed: inout [Bool]) {
        var found: [(length: Int, node: Int32)] = []
        found.reserveCapacity(8)
        var i = 0
        while i < words.count {
            guard !consumed[i] else {
                i += 1
                continue
            }
            var matched = 0
            model.entityWords.matches(in: ids, from: i, into: &found)
            for candidate in found {
                let end = i + candidate.length - 1
                guard !consumed[i...end].contains(true) else { continue }
                if end == words.count - 1, model.context.notAtEnd.contains(words[i...end].joined(separator: " ")) {
                    continue
                }
                var usable = false
                for case .entity(let slot, let value, let needsContext) in model.entityWords.payloads(
                    of: candidate.node
                )
                where !needsContext || hasContext(a.tokens, at: i) {
                    addEntity(slot, value, i, end, &a, &consumed)
                    usable = true
                }
                guard usable else { continue }
                matched = candidate.length
                break
            }
            i += max(matched, 1)
        }
        a.entities.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// Ambiguous aliases ("IN", "OK", "us") count only in capitals after a word like "in", or after such a word.
    private func hasContext(_ tokens: [Token], at i: Int) -> Bool {
        let before = i > 0 && model.context.contextBefore.contains(tokens[i - 1].text)
        let after = i + 1 < tokens.count && ["vs", "versus", "or"].contains(tokens[i + 1].text)
        return (before || after) && (tokens[i].isUpper || tokens[i].text == "us" || tokens[i].text.count > 2)
    }

    private func addEntity(
        _ slot: String,
        _ value: SlotValue,
        _ first: Int,
        _ last: Int,
        _ a: inout Analysis,
        _ consumed: inout [Bool]
    ) {
        let span = a.tokens[first].start..<a.tokens[last].end
        let scalars = a.sanitized.unicodeScalars
        var text = a.tokens[first].typed
        if span.upperBound <= scalars.count {
            let from = scalars.index(scalars.startIndex, offsetBy: span.lowerBound)
            let to = scalars.index(from, offsetBy: span.count)
            text = String(scalars[from..<to])
        }
        a.entities.append(Entity(slot: slot, value: value, tokens: first...last, span: span, text: text))
        for k in first...last { consumed[k] = true }
    }

    // MARK: Features

    private func collectFeatures(_ words: [String], _ ids: [Int32], _ a: inout Analysis) {
        // Concepts match at every length and position: "how much does" is both $cost and $howmuch.
        for (k, id) in ids.enumerated() where id >= 0 {
            model.conceptWords.forEachMatch(in: ids, from: k) { _, payloads in
                for case .concept(let c) in payloads { if let f = model.conceptFeatures[c] { a.features.insert(f) } }
            }
            let f = model.wordFeature[Int(id)]
            if f >= 0 { a.features.insert(Int(f)) }
            model.literalWords.forEachMatch(in: ids, from: k) { _, payloads in
                for case .concept(let f) in payloads { a.features.insert(f) }
            }
        }
        let markers = model.markers
        var compare = false
        for (n, entity) in a.entities.enumerated() {
            if let f = model.slotFeatures[entity.slot] {
                if let at = f.at { a.features.insert(at) }
                if let tilde = f.tilde { a.features.insert(tilde) }
            }
            // Two different values of one slot (statistics and amounts aside) make a comparison.
            if !compare, entity.slot != "statistic", entity.slot != "amount" {
                compare = a.entities[..<n].contains { $0.slot == entity.slot && $0.value != entity.value }
            }
        }
        if !a.bareNumbers.isEmpty, let f = markers.number { a.features.insert(f) }
        if let f = markers.code,
            words.indices.contains(where: { k in
                Self.looksLikeCode(words[k])
                    && !a.entities.contains { $0.slot == "amount" && $0.tokens.lowerBound == k }
            })
        {
            a.features.insert(f)
        }
        if compare, let f = markers.compare { a.features.insert(f) }
    }

    /// Words that refer back ("that", "it", "the second one") or open a follow-up ("and", "what about").
    private func followUpCues(_ words: [String], _ ids: [Int32]) -> Analysis.FollowUpCues {
        var opener = false
        for start in 0..<min(2, words.count) where !opener {
            model.openerWords.forEachMatch(in: ids, from: start) { _, _ in opener = true }
        }
        var reference = false
        var ordinal: Int? = nil
        for k in words.indices {
            // "is there", "are there": existential, not a reference to a place
            if !reference, ids[k] >= 0, model.isReferenceWord[Int(ids[k])],
                !(words[k] == "there" && k > 0 && ["is", "are", "was", "were", "any"].contains(words[k - 1]))
            {
                reference = true
            }
            if !reference { model.referenceWords.forEachMatch(in: ids, from: k) { _, _ in reference = true } }
            if ordinal == nil {
                model.ordinalWords.forEachMatch(in: ids, from: k) { _, payloads in
                    if case .concept(let index) = payloads[payloads.count - 1] { ordinal = index }
                }
            }
        }
        return Analysis.FollowUpCues(opener: opener, reference: reference, ordinal: ordinal)
    }

    /// The cues found by `followUpCues`, applied when the conversation has a previous question.
    private func applyFollowUp(_ a: inout Analysis) {
        let cues = a.cues
        if let ordinal = cues.ordinal { a.ordinal = ordinal }
        a.hasReference = cues.reference || a.ordinal != nil
        a.isFollowUp = cues.opener || a.hasReference
        if a.isFollowUp, let f = model.markers.followUp { a.features.insert(f) }
        if a.hasReference, let f = model.markers.reference { a.features.insert(f) }
    }

    private func addContextFeatures(_ a: inout Analysis, _ conversation: Conversation) {
        for slot in conversation.focus.names {
            if let f = model.slotFeatures[slot]?.tilde { a.features.insert(f) }
        }
        if let last = conversation.lastIntent, let f = model.intentFeatures[last] { a.features.insert(f) }
    }

    /// The first aspect, in the order of `Intents/aspects.yaml`, whose phrase occurs in the question.
    private func detectAspect(_ ids: [Int32]) -> String? {
        var found = Int.max
        for i in ids.indices where ids[i] >= 0 {
            model.aspectWords.forEachMatch(in: ids, from: i) { _, payloads in
                for case .concept(let index) in payloads { found = min(found, index) }
            }
        }
        return found < model.aspectNames.count ? model.aspectNames[found] : nil
    }

    // MARK: Scoring

    private func score(_ a: inout Analysis, _ conversation: Conversation) {
        // Only the rules the question's features touch are visited (postings), never every rule. The
        // per-rule scratch (group bits, blocked flag) lives on the stack, not the heap.
        let intentCount = model.intents.count
        var bestScore = [Double](repeating: 0, count: intentCount)
        var rest = [Double](repeating: 0, count: intentCount)
        var bestRule = [Int](repeating: -2, count: intentCount)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: model.rules.count) { masks in
            masks.initialize(repeating: 0)
            var touched: [Int] = []
            touched.reserveCapacity(64)
            a.features.forEachFeature { f in
                for p in model.postings[f] {
                    if masks[p.rule] == 0 { touched.append(p.rule) }
                    masks[p.rule] |= (1 << UInt64(p.group))
                }
                // A `not` term blocks the rule whatever else it matched: the top bit marks it.
                for r in model.notPostings[f] {
                    if masks[r] == 0 { touched.append(r) }
                    masks[r] |= 1 << 63
                }
            }
            for index in touched where masks[index] >> 63 == 0 {
                let rule = model.ruleShapes[index]
                guard masks[index].nonzeroBitCount == rule.groups else { continue }
                let i = rule.intent
                if bestRule[i] == -2 {
                    (bestScore[i], bestRule[i]) = (rule.score, index)
                } else if rule.score > bestScore[i] || (rule.score == bestScore[i] && index < bestRule[i]) {
                    // Ties go to the rule written first, whatever order the rules were reached in.
                    rest[i] += bestScore[i]
                    (bestScore[i], bestRule[i]) = (rule.score, index)
                } else {
                    rest[i] += rule.score
                }
            }
        }
        let s = model.settings
        let last = conversation.lastIntent.flatMap { model.intentIndex[$0] }
        if a.isFollowUp, let last, conversation.lastIntent != "out_of_scope", bestRule[last] == -2 {
            (bestScore[last], bestRule[last]) = (s.outOfScopeBelow, -1)
        }
        // A follow-up leans towards the previous intent, unless another intent is clearly asked for.
        let clear = bestRule.indices.contains { $0 != last && bestRule[$0] != -2 && bestScore[$0] >= s.clearIntent }
        var ranking: [IntentScore] = []
        ranking.reserveCapacity(8)
        for i in 0..<intentCount where bestRule[i] != -2 {
            var total = bestScore[i] + min(s.supportCap, s.supportWeight * rest[i])
            if a.isFollowUp, !clear, i == last { total += s.followUpBonus }
            let intent = model.intents[i]
            if bestRule[i] == -1 {
                ranking.append(
                    IntentScore(
                        intent: intent,
                        score: total,
                        rule: "Intents/context.yaml",
                        ruleText: "follow-up of the previous question"
                    )
                )
            } else {
                let r = bestRule[i]
                ranking.append(
                    IntentScore(
                        intent: intent,
                        score: total,
                        rule: model.rules[r].origin,
                        ruleText: model.rules[r].text
                    )
                )
            }
        }
        ranking.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        a.ranking = ranking
    }
}
