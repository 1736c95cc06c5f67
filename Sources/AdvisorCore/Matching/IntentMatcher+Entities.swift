/// Entities: numbers with their units, money, codes, and dictionary values (credentials, states...).
extension IntentMatcher {
    /// Numbers with their units ("5 years", "2 certs"), money, and the bare numbers left over; returns where each
    /// bare number is, for `keepBareNumbers` to drop those a dictionary entity turns out to cover ("top 10").
    func extractNumbers(_ words: [String], _ ids: [Int32], _ a: inout Analysis, _ consumed: inout [Bool]) -> [Int] {
        var bare: [Int] = []
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
            // Money and the forms below start with a digit; other words skip these checks.
            let startsWithDigit = words[i].utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            let dollar = startsWithDigit && Self.dollarBefore(a.tokens[i], in: a.sanitized)
            if startsWithDigit,
                let amount = hourlyMoney(words, i, dollar: dollar) ?? Self.money(a.tokens[i], dollar: dollar)
            {
                addEntity("amount", .money(cents: amount), i, i, &a, &consumed)
                i += 1
                continue
            }
            // "the 2-year mark", "a 10-yr coder" (not "a 2-year degree": the word after decides, as below).
            if startsWithDigit, let dash = words[i].firstIndex(of: "-"), let n = Int(words[i][..<dash]), n < 60,
                g.experienceUnits.contains(String(words[i][words[i].index(after: dash)...])),
                !g.notAfter.contains(i + 1 < words.count ? words[i + 1] : "")
            {
                addEntity("experience_years", .number(n), i, i, &a, &consumed)
                i += 1
                continue
            }
            // "5yrs", "10yr": years written against their unit.
            if startsWithDigit, let unit = words[i].firstIndex(where: { !$0.isNumber }),
                let n = Int(words[i][..<unit]), n < 60, g.experienceUnits.contains(String(words[i][unit...])),
                !g.notAfter.contains(i + 1 < words.count ? words[i + 1] : "")
            {
                addEntity("experience_years", .number(n), i, i, &a, &consumed)
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
                // A percentage ("10%", "20 percent") is no count of years or credentials.
                let percent =
                    Self.percentAfter(a.tokens[i], in: a.sanitized)
                    || (j < words.count && g.percentWords.contains(words[j]))
                // A number word stands alone at the end ("and with three?"), before another number it is compared
                // with ("from two to three"), or as the other side of a comparison at the end of a clause ("compared to
                // just one? wondering if...").
                let standsAlone =
                    words[i].first?.isNumber == true
                    || (i + 1..<words.count).allSatisfy { k in
                        g.wordNumberTails.contains(words[k]) || Self.numberLinks.contains(words[k])
                            || number(words[k], ids[k]) != nil
                    }
                    || (followsComparison(at: i, words) && Self.endsClause(a.tokens[i], in: a.sanitized))
                // "compare those two", "which of the three": a group pointed back to, not a number; nor is the "one"
                // of "the easiest one", "the cheaper one".
                let group =
                    i > 0 && words[i].first?.isNumber != true
                    && (model.context.numberGroups.contains(words[i - 1])
                        || (words[i] == "one" && words[i - 1].count > 3
                            && (words[i - 1].hasSuffix("est") || words[i - 1].hasSuffix("er"))))
                if standsAlone, !percent, !group, !isAge(at: i, words, a), !countsSomethingElse(at: i, words, a) {
                    a.bareNumbers.append(n)
                    bare.append(i)
                }
                i += 1
            }
        }
        return bare
    }

    /// Words that join two numbers compared ("two to three", "one vs two").
    static let numberLinks: Set<String> = ["to", "vs", "versus", "or", "and"]

    /// Drops the bare numbers (at `positions`, as `extractNumbers` found them) that belong to a dictionary entity:
    /// the 10 of "top 10" is part of a statistic, not a number of years.
    func keepBareNumbers(at positions: [Int], _ a: inout Analysis, consumed: [Bool]) {
        guard positions.contains(where: { consumed[$0] }) else { return }
        a.bareNumbers = zip(a.bareNumbers, positions).filter { !consumed[$0.1] }.map(\.0)
    }

    /// The number a word stands for: digits ("5", "10+") or a number word ("five", by its id).
    func number(_ word: String, _ id: Int32) -> Int? {
        guard let first = word.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            guard id >= 0 else { return nil }
            let n = model.wordNumber[Int(id)]
            return n >= 0 ? Int(n) : nil
        }
        return model.numbers.value(of: word)
    }

    /// An hourly wage in cents (`rate_*` in `Intents/numbers.yaml`): "22/hr" → 2200, "21.75 an hour" → 2175, or
    /// a number before "per hr", "hourly", or "$22 hr"; a dollar amount with cents ("$19.50") is one too (the
    /// words stay for the hourly statistic; "a 10 hour shift" is no wage). Amounts below $1,000 are hourly, from
    /// $10,000 yearly (`money`).
    func hourlyMoney(_ words: [String], _ i: Int, dollar: Bool) -> Int? {
        let g = model.numbers
        let word = words[i]
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3, let n = Int(digits), (7...300).contains(n) else { return nil }
        var unit = word.dropFirst(digits.count)
        var cents = n * 100
        let fraction = unit.dropFirst().prefix(2)
        let hasCents = unit.first == "." && fraction.count == 2 && fraction.allSatisfy { $0.isASCII && $0.isNumber }
        if hasCents, let c = Int(fraction) {
            cents += c
            unit = unit.dropFirst(3)
        }
        if !unit.isEmpty { return g.rateSuffixes.contains(String(unit)) ? cents : nil }
        let next = i + 1 < words.count ? words[i + 1] : ""
        let then = i + 2 < words.count ? words[i + 2] : ""
        if g.rateWords.contains(next) || (dollar && g.rateUnits.contains(next)) { return cents }
        if g.rateArticles.contains(next) && g.rateUnits.contains(then) { return cents }
        return dollar && hasCents ? cents : nil
    }

    /// "45k", "$45,000" (a yearly figure) → 4,500,000 cents. A bare five-digit number is a CPT code, not money.
    static func money(_ token: Token, dollar: Bool) -> Int? {
        let word = token.text
        if word.hasSuffix("k"), let n = Int(word.dropLast()), n >= 10, n <= 300 { return n * 100_000 }
        guard let n = Int(word), n >= 10_000, n < 1_000_000 else { return nil }
        return dollar || token.typed.utf8.contains(UInt8(ascii: ",")) || word.count == 6 ? n * 100 : nil
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
    static func looksLikeCodeSlow(_ word: String) -> Bool {
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

    func extractEntities(_ words: [String], _ ids: [Int32], _ a: inout Analysis, _ consumed: inout [Bool]) {
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
                if end == words.count - 1, !model.context.notAtEnd.isEmpty {
                    let phrase = end == i ? words[i] : words[i...end].joined(separator: " ")
                    if model.context.notAtEnd.contains(phrase) { continue }
                }
                var usable = false
                for case .entity(let slot, let value, let use) in model.entityWords.payloads(of: candidate.node)
                where counts(use, slot: slot, ids, a, at: i) {
                    // "Ga." is both an abbreviation and a code after "in": one value, once.
                    if usable, a.entities.last.map({ $0.slot == slot && $0.value == value }) == true { continue }
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
        preferMetrosBesideMetros(&a)
    }

    /// A state named like a metro is the metro when the question names another metro: "san francisco vs new york"
    /// compares two metros, not a metro and New York State.
    func preferMetrosBesideMetros(_ a: inout Analysis) {
        guard a.entities.contains(where: { $0.slot == "metro" }), let metros = model.slotValueNames["metro"],
            let states = model.slotValueNames["state"]
        else { return }
        for (n, e) in a.entities.enumerated() where e.slot == "state" {
            guard let name = states[e.value.description], metros[name] != nil,
                !a.entities.contains(where: { $0.slot == "metro" && $0.value == .text(name) })
            else { continue }
            a.entities[n] = Entity(slot: "metro", value: .text(name), tokens: e.tokens, span: e.span, text: e.text)
        }
    }

    func addEntity(
        _ slot: String,
        _ value: SlotValue,
        _ first: Int,
        _ last: Int,
        _ a: inout Analysis,
        _ consumed: inout [Bool]
    ) {
        let span = a.tokens[first].start..<a.tokens[last].end
        var text = a.tokens[first].typed
        if first == last {
            // A one-token entity's text is the token as typed.
        } else if a.sanitizedIsASCII {
            // Offsets count scalars, which in ASCII text are bytes: no walk from the start.
            let utf8 = a.sanitized.utf8
            if span.upperBound <= utf8.count {
                let from = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)
                text = String(Substring(utf8[from..<utf8.index(from, offsetBy: span.count)]))
            }
        } else {
            let scalars = a.sanitized.unicodeScalars
            if span.upperBound <= scalars.count {
                let from = scalars.index(scalars.startIndex, offsetBy: span.lowerBound)
                let to = scalars.index(from, offsetBy: span.count)
                text = String(scalars[from..<to])
            }
        }
        a.entities.append(Entity(slot: slot, value: value, tokens: first...last, span: span, text: text))
        for k in first...last { consumed[k] = true }
    }
}
