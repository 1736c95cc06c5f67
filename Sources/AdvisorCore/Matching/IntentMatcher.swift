/// Reads one question: normalises, corrects spelling, extracts entities and scores intents.
struct IntentMatcher: Sendable {
    let model: IntentModel

    func analyze(_ raw: String, conversation: Conversation) -> Analysis {
        var a = Analysis()
        var clean = TextNormalizer.sanitize(raw)
        if clean.count > TextNormalizer.maximumLength {
            clean = String(clean.prefix(TextNormalizer.maximumLength))
            a.truncated = true
        }
        a.sanitized = clean
        a.tokens = normalizeTokens(TextNormalizer.tokenize(clean), corrections: &a.corrections)
        let words = a.tokens.map(\.text)
        var consumed = [Bool](repeating: false, count: words.count)
        extractNumbers(words, &a, &consumed)
        extractEntities(words, &a, &consumed)
        collectFeatures(words, &a)
        detectFollowUp(words, &a, conversation)
        addContextFeatures(&a, conversation)
        a.aspect = detectAspect(words)
        score(&a, conversation)
        return a
    }

    // MARK: Tokens

    private func normalizeTokens(_ tokens: [Token], corrections: inout [(typed: String, corrected: String)]) -> [Token]
    {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for token in tokens {
            if model.speller.isKnown(token.text) || token.text.first?.isNumber == true {
                out.append(token)
            } else if token.text.contains(where: { $0 == "-" || $0 == "/" }) {
                for part in token.text.split(whereSeparator: { $0 == "-" || $0 == "/" }) {
                    var t = token
                    t.text = String(part)
                    if let fixed = model.speller.correct(t.text) {
                        corrections.append((t.text, fixed))
                        t.text = fixed
                    }
                    out.append(t)
                }
            } else if let fixed = model.speller.correct(token.text) {
                corrections.append((token.typed, fixed))
                var t = token
                t.text = fixed
                out.append(t)
            } else {
                out.append(token)
            }
        }
        return out
    }

    // MARK: Entities

    private func extractNumbers(_ words: [String], _ a: inout Analysis, _ consumed: inout [Bool]) {
        let g = model.numbers
        var i = 0
        while i < words.count {
            if let (phrase, hit) = g.phrases.first(where: { words.starts(with: $0.key, at: i) }) {
                addEntity(hit.slot, .number(hit.value), i, i + phrase.count - 1, &a, &consumed)
                i += phrase.count
                continue
            }
            if let amount = Self.money(a.tokens[i], in: a.sanitized) {
                addEntity("amount", .number(amount), i, i, &a, &consumed)
                i += 1
                continue
            }
            guard !Self.looksLikeCode(words[i]), let n = g.value(of: words[i]) else {
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

    /// "45k", "$45,000" (a yearly figure) → 45000. A bare five-digit number is a CPT code, not money.
    static func money(_ token: Token, in text: String) -> Int? {
        let word = token.text
        if word.hasSuffix("k"), let n = Int(word.dropLast()), n >= 10, n <= 300 { return n * 1000 }
        guard let n = Int(word), n >= 10_000, n < 1_000_000 else { return nil }
        let dollar = token.start > 0 && text.unicodeScalars.dropFirst(token.start - 1).first == "$"
        return dollar || token.typed.contains(",") || word.count == 6 ? n : nil
    }

    /// ICD-10-CM (`i10`, `e11.9`, `s82.61xa`), CPT (`99213`) or HCPCS Level II (`j1100`) shaped words.
    static func looksLikeCode(_ word: String) -> Bool {
        let c = Array(word)
        guard c.count >= 3, c.count <= 8 else { return false }
        if c.count == 5, c.allSatisfy(\.isNumber) { return true }
        guard c[0].isLetter, c[1].isNumber else { return false }
        let digitsAfter = c.dropFirst().prefix { $0.isNumber }.count
        if digitsAfter == 4 && c.count == 5 { return true }  // HCPCS: letter + 4 digits
        guard digitsAfter == 2 || (digitsAfter == 1 && c.count > 2 && (c[2].isLetter || c[2] == ".")) else {
            return false
        }
        return c.dropFirst(3).allSatisfy { $0.isNumber || $0.isLetter || $0 == "." } && c.count <= 8
    }

    private func extractEntities(_ words: [String], _ a: inout Analysis, _ consumed: inout [Bool]) {
        var i = 0
        while i < words.count {
            guard !consumed[i] else {
                i += 1
                continue
            }
            var matched = 0
            for candidate in model.entityTrie.matches(in: words, from: i) {
                let end = i + candidate.length - 1
                guard !consumed[i...end].contains(true) else { continue }
                if end == words.count - 1, model.context.notAtEnd.contains(words[i...end].joined(separator: " ")) {
                    continue
                }
                let usable = candidate.payloads.filter { payload in
                    guard case .entity(_, _, let needsContext) = payload else { return false }
                    return !needsContext || hasContext(a.tokens, at: i)
                }
                guard !usable.isEmpty else { continue }
                for case .entity(let slot, let value, _) in usable { addEntity(slot, value, i, end, &a, &consumed) }
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

    private func collectFeatures(_ words: [String], _ a: inout Analysis) {
        // Concepts match at every length and position: "how much does" is both $cost and $howmuch.
        for i in words.indices {
            model.conceptTrie.forEachMatch(in: words, from: i) { payloads in
                for case .concept(let id) in payloads { if let f = model.conceptFeatures[id] { a.features.insert(f) } }
            }
        }
        for (k, word) in words.enumerated() {
            if let f = model.featureID(word) { a.features.insert(f) }
            model.literalTrie.forEachMatch(in: words, from: k) { payloads in
                for case .concept(let f) in payloads { a.features.insert(f) }
            }
        }
        for entity in a.entities {
            if let f = model.featureID("@" + entity.slot) { a.features.insert(f) }
            if let f = model.featureID("~" + entity.slot) { a.features.insert(f) }
        }
        if !a.bareNumbers.isEmpty, let f = model.featureID("#number") { a.features.insert(f) }
        let amounts = Set(a.entities.filter { $0.slot == "amount" }.map(\.tokens.lowerBound))
        if words.indices.contains(where: { !amounts.contains($0) && Self.looksLikeCode(words[$0]) }),
            let f = model.featureID("#code")
        {
            a.features.insert(f)
        }
        var perSlot: [String: Set<SlotValue>] = [:]
        for e in a.entities where e.slot != "statistic" && e.slot != "amount" {
            perSlot[e.slot, default: []].insert(e.value)
        }
        if perSlot.values.contains(where: { $0.count > 1 }), let f = model.featureID("#compare") {
            a.features.insert(f)
        }
    }

    private func detectFollowUp(_ words: [String], _ a: inout Analysis, _ conversation: Conversation) {
        guard conversation.lastIntent != nil else { return }
        let opener = model.context.openers.contains { words.starts(with: $0, at: 0) || words.starts(with: $0, at: 1) }
        let reference =
            words.indices.contains { k in
                // "is there", "are there": existential, not a reference to a place
                model.context.references.contains(words[k])
                    && !(words[k] == "there" && k > 0 && ["is", "are", "was", "were", "any"].contains(words[k - 1]))
            }
            || model.context.referencePhrases.contains { p in words.indices.contains { words.starts(with: p, at: $0) } }
        for (phrase, index) in model.context.ordinals
        where words.indices.contains(where: { words.starts(with: phrase, at: $0) }) {
            a.ordinal = index
        }
        a.hasReference = reference || a.ordinal != nil
        a.isFollowUp = opener || a.hasReference
        if a.isFollowUp, let f = model.featureID("#followup") { a.features.insert(f) }
        if a.hasReference, let f = model.featureID("#reference") { a.features.insert(f) }
    }

    private func addContextFeatures(_ a: inout Analysis, _ conversation: Conversation) {
        for slot in conversation.focus.names {
            if let f = model.featureID("~" + slot) { a.features.insert(f) }
        }
        if let last = conversation.lastIntent, let f = model.featureID("^" + last) { a.features.insert(f) }
    }

    /// The first aspect, in the order of `Intents/aspects.yaml`, whose phrase occurs in the question.
    private func detectAspect(_ words: [String]) -> String? {
        var found = Int.max
        for i in words.indices {
            model.aspectTrie.forEachMatch(in: words, from: i) { payloads in
                for case .concept(let index) in payloads { found = min(found, index) }
            }
        }
        return found < model.aspectNames.count ? model.aspectNames[found] : nil
    }

    // MARK: Scoring

    private func score(_ a: inout Analysis, _ conversation: Conversation) {
        // Only the rules the question's features touch are visited (postings), never every rule.
        var masks: [Int: UInt64] = [:]
        var blocked = Set<Int>()
        for f in a.features {
            for p in model.postings[f] { masks[p.rule, default: 0] |= (1 << UInt64(p.group)) }
            for r in model.notPostings[f] { blocked.insert(r) }
        }
        // intent → (best rule score, sum of the others, best rule index or -1 for the follow-up floor)
        var best: [String: (score: Double, rest: Double, rule: Int)] = [:]
        for (index, mask) in masks where !blocked.contains(index) {
            let rule = model.rules[index]
            guard mask.nonzeroBitCount == rule.groups.count else { continue }
            if let current = best[rule.intent] {
                best[rule.intent] =
                    rule.score > current.score
                    ? (rule.score, current.rest + current.score, index)
                    : (current.score, current.rest + rule.score, current.rule)
            } else {
                best[rule.intent] = (rule.score, 0, index)
            }
        }
        let s = model.settings
        if a.isFollowUp, let last = conversation.lastIntent, last != "out_of_scope", best[last] == nil {
            best[last] = (s.outOfScopeBelow, 0, -1)
        }
        // A follow-up leans towards the previous intent, unless another intent is clearly asked for.
        let clear = best.contains { $0.key != conversation.lastIntent && $0.value.score >= s.clearIntent }
        a.ranking = best.map { intent, v in
            var total = v.score + min(s.supportCap, s.supportWeight * v.rest)
            if a.isFollowUp, !clear, intent == conversation.lastIntent { total += s.followUpBonus }
            guard v.rule >= 0 else {
                return IntentScore(
                    intent: intent,
                    score: total,
                    rule: "Intents/context.yaml",
                    ruleText: "follow-up of the previous question"
                )
            }
            let rule = model.rules[v.rule]
            return IntentScore(intent: intent, score: total, rule: rule.origin, ruleText: rule.text)
        }
        .sorted { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
    }
}

extension Array where Element == String {
    /// True when `prefix` occurs at `index`.
    func starts(with prefix: [String], at index: Int) -> Bool {
        guard index >= 0, index + prefix.count <= count, !prefix.isEmpty else { return false }
        for (k, word) in prefix.enumerated() where self[index + k] != word { return false }
        return true
    }
}
