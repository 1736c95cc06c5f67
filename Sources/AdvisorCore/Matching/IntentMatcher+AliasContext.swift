/// Where an ambiguous alias counts: beside a word like "in", in a list of its slot, after a city, or written as an
/// abbreviation with a capital and a period (see `AliasUse`).
extension IntentMatcher {
    /// Whether an alias found at `i` counts where it stands (see `AliasUse`).
    func counts(_ use: AliasUse, slot: String, _ ids: [Int32], _ a: Analysis, at i: Int) -> Bool {
        switch use {
        case .anywhere:
            return true
        case .abbreviated:
            return isCapitalizedAbbreviation(a.tokens[i], in: a.sanitized)
        case .inContext:
            return hasContext(a, at: i) || continuesList(a, at: i, slot: slot) || followsCity(a, at: i)
                || opensList(ids, a, at: i, slot: slot) || endsKeywordQuery(a, at: i)
                || beginsKeywordQuery(ids, a, at: i) || endsAfterPlaceWord(a, at: i)
                || pairsWithAlias(ids, a, at: i, slot: slot) || followsInCommaList(a, at: i, slot: slot)
                || isCapitalCode(ids, a, at: i, slot: slot)
        }
    }

    /// Ambiguous aliases ("IN", "OK", "us") count only in capitals after a word like "in", or after such a word.
    func hasContext(_ a: Analysis, at i: Int) -> Bool {
        let tokens = a.tokens
        let before = i > 0 && model.context.contextBefore.contains(tokens[i - 1].text)
        let after = i + 1 < tokens.count && Self.listJoiners.contains(tokens[i + 1].text)
        return (before || after) && (tokens[i].isUpper || tokens[i].text == "us" || tokens[i].text.count > 2)
    }

    /// A short query typed like a search ("cpc pay ga", "coder hourly wage wa", "and md") ends with the place it asks
    /// about: in lower case too, unless it is a common word (`words_not_listed`: "pay in ny and me").
    func endsKeywordQuery(_ a: Analysis, at i: Int) -> Bool {
        i == a.tokens.count - 1 && a.tokens.count >= 2 && a.tokens.count <= model.settings.keywordQueryWords
            && !model.context.wordsNotListed.contains(a.tokens[i].text)
    }

    /// A short query typed like a search may also open with the place, right before a word of the field or of pay
    /// ("wa coder pay", "md coder salary"); "ct scan coding" does not count.
    func beginsKeywordQuery(_ ids: [Int32], _ a: Analysis, at i: Int) -> Bool {
        guard i == 0, a.tokens.count >= 2, a.tokens.count <= model.settings.keywordQueryWords,
            !model.context.wordsNotListed.contains(a.tokens[i].text)
        else { return false }
        var fieldWord = false
        model.conceptWords.forEachMatch(in: ids, from: 1) { _, payloads in
            for case .concept(let c) in payloads where keywordConcepts.contains(c) { fieldWord = true }
        }
        return fieldWord
    }

    /// An ambiguous alias in lower case ending the question, or a clause of it, right after a word like "in" names
    /// its value ("entry level pay in pa", "a hospital in pa, 6 yrs", "a cpc in ga whats next"), unless it is a
    /// common word or a term of the trade there (`not_codes_at_end`: "a job in ar").
    func endsAfterPlaceWord(_ a: Analysis, at i: Int) -> Bool {
        let word = a.tokens[i].text
        guard i >= 1, model.context.codesAtEndAfter.contains(a.tokens[i - 1].text),
            !model.context.wordsNotListed.contains(word), !model.context.notCodesAtEnd.contains(word)
        else { return false }
        if i == a.tokens.count - 1 { return true }
        if let next = Self.scalar(at: a.tokens[i].end, in: a.sanitized), Self.clauseEnds.contains(next) { return true }
        return model.context.questionOpeners.contains(a.tokens[i + 1].text)
    }

    /// Marks that end a clause right after a word.
    static let clauseEnds: Set<Unicode.Scalar> = [",", ".", "?", "!", ";", ":"]

    /// An ambiguous alias right after a value of its slot, in capitals or after a comma, goes on with a list written
    /// with commas: "NC, SC and GA", "TX WA CO", "nj, pa" (a common word only in capitals).
    func followsInCommaList(_ a: Analysis, at i: Int, slot: String) -> Bool {
        guard i >= 1, a.entities.contains(where: { $0.slot == slot && $0.tokens.upperBound == i - 1 }) else {
            return false
        }
        let token = a.tokens[i]
        if token.isUpper { return true }
        return (Self.scalar(at: a.tokens[i - 1].end, in: a.sanitized) == "," || joinedBySymbol(a, at: i))
            && !model.context.wordsNotListed.contains(token.text)
    }

    /// Whether only a comparison or list symbol stands between the tokens at `i - 1` and `i`: "dc > md > va",
    /// "pa > nj", "nj/pa".
    func joinedBySymbol(_ a: Analysis, at i: Int) -> Bool {
        guard i >= 1, i < a.tokens.count else { return false }
        let gap = max(0, a.tokens[i].start - a.tokens[i - 1].end)
        var symbol = false
        for scalar in a.sanitized.unicodeScalars.dropFirst(a.tokens[i - 1].end).prefix(gap) {
            if Self.listSymbols.contains(scalar) {
                symbol = true
            } else if scalar != " " {
                return false
            }
        }
        return symbol
    }

    /// Symbols that join the values of a list: "dc > md > va", "nj/pa".
    static let listSymbols: Set<Unicode.Scalar> = [">", "<", "/", "="]

    /// An ambiguous alias in capitals counts in brackets ("the Black Hills (SD)") or when the question names another
    /// value of its slot ("does WA pay more than CA"), unless it is a common word
    /// (`words_not_listed`) or the trade writes it in capitals too (`capital_codes_not_places`: "MA", "PA").
    func isCapitalCode(_ ids: [Int32], _ a: Analysis, at i: Int, slot: String) -> Bool {
        let token = a.tokens[i]
        guard token.isUpper, !model.context.wordsNotListed.contains(token.text),
            !model.context.capitalCodesNotPlaces.contains(token.text)
        else { return false }
        if Self.scalar(at: token.start - 1, in: a.sanitized) == "("
            && Self.scalar(at: token.end, in: a.sanitized) == ")"
        {
            return true
        }
        return ids.indices.contains { k in k != i && startsValue(of: slot, ids, at: k, use: .anywhere) }
    }

    /// Two ambiguous aliases of one slot joined by "vs" name a pair, common words included ("wa vs or coder salary").
    func pairsWithAlias(_ ids: [Int32], _ a: Analysis, at i: Int, slot: String) -> Bool {
        [(i + 1, i + 2), (i - 1, i - 2)].contains { joiner, other in
            other >= 0 && other < ids.count && model.context.pairJoiners.contains(a.tokens[joiner].text)
                && startsValue(of: slot, ids, at: other, use: .inContext, oneWord: true)
        }
    }

    /// Whether a token is written with a capital first and a period right after it: "Ga.", "Wash.".
    func isCapitalizedAbbreviation(_ token: Token, in text: String) -> Bool {
        guard let first = token.typed.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else {
            return false
        }
        return Self.scalar(at: token.end, in: text) == "."
    }

    /// A state code in capitals right after a city names the city's state: "Scranton PA", "near Tulsa, OK".
    func followsCity(_ a: Analysis, at i: Int) -> Bool {
        i >= 1 && a.tokens[i].isUpper && a.entities.contains { $0.slot == "metro" && $0.tokens.upperBound == i - 1 }
    }

    /// An ambiguous alias in lower case still counts when it continues a list of its slot: "nj vs ny vs pa",
    /// "ny or pa" (the value before it, then "vs", "versus", "or" or "and"), unless it is a common word
    /// (`words_not_listed` in Intents/context.yaml: "ny and me").
    func continuesList(_ a: Analysis, at i: Int, slot: String) -> Bool {
        guard i >= 2, Self.listJoiners.contains(a.tokens[i - 1].text) || a.tokens[i - 1].text == "and",
            !model.context.wordsNotListed.contains(a.tokens[i].text)
        else { return false }
        return a.entities.contains { $0.slot == slot && $0.tokens.upperBound == i - 2 }
    }

    /// Words that join the values of a list ("nj vs ny", "texas or ohio").
    static let listJoiners: Set<String> = ["vs", "versus", "or"]

    /// An ambiguous alias in lower case also counts when a list of its slot goes on from it: "pa or nj", "pa vs
    /// ny", "pa > nj" (then "vs", "versus", "or" or a list symbol, then a value of the same slot that needs no
    /// context), unless it is a common word (`words_not_listed`).
    func opensList(_ ids: [Int32], _ a: Analysis, at i: Int, slot: String) -> Bool {
        guard !model.context.wordsNotListed.contains(a.tokens[i].text) else { return false }
        if i + 1 < ids.count, joinedBySymbol(a, at: i + 1) {
            return startsValue(of: slot, ids, at: i + 1, use: .anywhere)
        }
        guard i + 2 < ids.count, Self.listJoiners.contains(a.tokens[i + 1].text) else { return false }
        return startsValue(of: slot, ids, at: i + 2, use: .anywhere)
    }

    /// Whether a value of `slot` with this use starts at `k` (one word long when `oneWord`).
    func startsValue(of slot: String, _ ids: [Int32], at k: Int, use: AliasUse, oneWord: Bool = false) -> Bool {
        var found: [(length: Int, node: Int32)] = []
        model.entityWords.matches(in: ids, from: k, into: &found)
        return found.contains { candidate in
            (!oneWord || candidate.length == 1)
                && model.entityWords.payloads(of: candidate.node).contains {
                    if case .entity(slot, _, use) = $0 { return true }
                    return false
                }
        }
    }

    /// A message that is only an ambiguous alias in lower case ("md?", "pa?") names that value when its slot is in the
    /// conversation's focus (after a state's pay, "md?" is Maryland), unless it is a common word (`words_not_listed`).
    func addValueOfSlotInFocus(_ a: inout Analysis, _ conversation: Conversation) {
        guard !model.context.wordsNotListed.contains(a.words[0]) else { return }
        var found: [(length: Int, node: Int32)] = []
        model.entityWords.matches(in: a.wordIDs, from: 0, into: &found)
        for candidate in found where candidate.length == 1 {
            for case .entity(let slot, let value, .inContext) in model.entityWords.payloads(of: candidate.node)
            where !conversation.focus[slot].isEmpty {
                let token = a.tokens[0]
                let span = token.start..<token.end
                a.entities.append(Entity(slot: slot, value: value, tokens: 0...0, span: span, text: token.typed))
                insertSlotFeatures(slot, into: &a.features)
                return
            }
        }
    }
}
