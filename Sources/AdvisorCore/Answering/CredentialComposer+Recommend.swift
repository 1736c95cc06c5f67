/// "Which of the two should a beginner take?" between credentials already named: each one's published best use,
/// then the one whose best use or focus shares the question's distinguishing words ("beginner", "inpatient",
/// "outpatient clinic"), or both when none or each does.
extension CredentialComposer {
    /// Words too common in the credentials' texts to tell them apart, whatever the two are.
    static let notDistinguishing: Set<String> = [
        "with", "from", "that", "this", "your", "their", "such", "into", "also", "more", "most", "other", "over",
    ]

    /// Recommends among `codes` for the asker described by `needs` (the question's words and the names of the
    /// slot values it carries: a setting, a level, a role).
    func recommend(among codes: [String], needs: [String]) -> Composition {
        var c = Composition()
        let creds = codes.compactMap { code in kb.credentials[code].map { (code, $0) } }
        guard creds.count >= 2 else { return info(codes, words: needs) }
        c.query = "recommend between credentials \(codes.joined(separator: ", "))"
        c.templates.append("cert.recommend_between")
        c.lines.append(fill(kb.template("cert.recommend_between"), ["what": codes.joined(separator: " and ")]))
        for (code, cred) in creds {
            if let best = cred.items("best_for").first ?? cred.items("focus").first {
                c.lines.append("• \(code): \(best.text)")
                c.cite(best.source)
            }
            c.records.append("\(code) (\(cred.origin))")
        }
        let texts = creds.map { Self.distinguishingWords(of: $0.1) }
        if let pick = pick(among: creds.map(\.0), texts: texts, needs: needs) {
            c.templates.append("cert.recommend_pick")
            c.lines.append(pickLine(pick))
            c.focus["credential"] = [.text(pick.code)]
        } else {
            c.templates.append("cert.recommend_either")
            c.lines.append(kb.template("cert.recommend_either"))
        }
        return c
    }

    /// The one credential whose best use or focus shares the most of the asker's distinguishing words, with those
    /// words; nil when none or several do. A word counts when some but not all of the credentials' texts have it.
    func pick(among codes: [String], texts: [Set<String>], needs: [String]) -> (code: String, because: [String])? {
        var asked: [String] = []
        for w in needs.flatMap({ Self.stems($0) }) where !asked.contains(w) { asked.append(w) }
        let matched = texts.map { words in
            asked.filter { w in words.contains(w) && !texts.allSatisfy { $0.contains(w) } }
        }
        let best = matched.map(\.count).max() ?? 0
        let winners = zip(codes, matched).filter { $0.1.count == best && best > 0 }
        guard winners.count == 1, let winner = winners.first else { return nil }
        return (winner.0, winner.1)
    }

    /// "For what you describe (inpatient), the CCS fits better.": the pick as the answer says it.
    func pickLine(_ pick: (code: String, because: [String])) -> String {
        fill(kb.template("cert.recommend_pick"), ["code": pick.code, "because": pick.because.joined(separator: ", ")])
    }

    /// The pick line a comparison ends with when the question also asks which to choose ("CCS vs CPC, which
    /// should I pick for inpatient work?"); nil when the asker's words favour neither.
    func pickLine(among codes: [String], needs: [String]) -> String? {
        let texts = codes.compactMap { kb.credentials[$0] }.map(Self.distinguishingWords(of:))
        guard texts.count == codes.count, let pick = pick(among: codes, texts: texts, needs: needs) else { return nil }
        return pickLine(pick)
    }

    /// The words of a credential's best use and focus, plurals folded ("beginners" → "beginner").
    static func distinguishingWords(of cred: Credential) -> Set<String> {
        Set((cred.items("best_for") + cred.items("focus")).flatMap { stems($0.text) })
    }

    /// Lower-case words of four letters or more, a plural `s` dropped.
    static func stems(_ text: String) -> [String] {
        TextNormalizer.phrase(text).compactMap { word in
            guard word.utf8.count >= 4, !notDistinguishing.contains(word) else { return nil }
            return word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }
    }

    /// The one credential whose published focus or best use names a specialty ("risk adjustment": the CRC); nil
    /// when none or several do.
    func credential(forSpecialty name: String) -> String? {
        let needle = name.lowercased()
        let found = kb.credentialOrder.filter { code in
            guard let cred = kb.credentials[code] else { return false }
            return (cred.items("focus") + cred.items("best_for")).contains { $0.text.lowercased().contains(needle) }
        }
        return found.count == 1 ? found.first : nil
    }
}
