import FoundationEssentials

/// Answers about credentials: what they are, their exams, and how two compare.
final class CredentialComposer: Sendable {
    let kb: KnowledgeBase
    /// The issuers' names in lower case ("aapc", "ahima"), as a question's words name them.
    let issuerNames: Set<String>

    init(kb: KnowledgeBase) {
        self.kb = kb
        issuerNames = Set(kb.credentials.values.map { $0.issuer.lowercased() })
    }

    /// The issuer a question names ("ahima recert fee"), in lower case.
    func issuer(in words: [String]) -> String? {
        words.first { issuerNames.contains($0) }
    }

    static let summaryAttributes = ["exam_fee", "exam_format", "study_time", "difficulty", "eligibility"]
    static let attributeNames: [String: String] = [
        "focus": "Focus", "issuer": "Issuer", "eligibility": "Eligibility", "exam_fee": "Exam fee",
        "exam_format": "Exam format", "study_time": "Study time", "difficulty": "Difficulty", "renewal": "Renewal",
        "apprentice": "Apprentice status", "best_for": "Best for", "formerly": "Formerly", "retake": "Retake",
        "membership": "AAPC membership", "holders": "Certified holders", "lapse": "If it lapses",
    ]

    /// The label of an attribute in an answer about `cred`: membership is its issuer's ("AHIMA membership").
    static func label(_ attribute: String, of cred: Credential) -> String {
        if attribute == "membership" { return "\(cred.issuer) membership" }
        return attributeNames[attribute] ?? attribute
    }

    /// Attributes told beside another whenever it is: what happens when a renewal lapses, beside the renewal.
    static let companions = ["renewal": "lapse"]

    func info(_ codes: [String], words: [String]) -> Composition {
        var c = Composition()
        c.templates.append("cert.info")
        guard !codes.isEmpty else { return overview(words) }
        for code in codes {
            guard let cred = kb.credentials[code] else {
                c.lines.append(unknown(code))
                continue
            }
            c.records.append("\(code) (\(cred.origin))")
            var line = fill(kb.template("cert.info"), ["code": code, "name": cred.name, "issuer": cred.issuer])
            if let focus = cred.items("focus").first {
                line += " " + focus.text.trimmingWhitespace.capitalizedFirst
                if !line.hasSuffix(".") { line += "." }
                c.cite(focus.source)
            }
            if let old = cred.items("formerly").first { line += " Formerly known as \(old.text)." }
            c.lines.append(line)
            if let best = cred.items("best_for").first {
                c.lines.append("Best for: \(best.text)")
                c.cite(best.source)
            }
        }
        c.query = "credentials \(codes.joined(separator: ", ")): name, issuer, focus"
        return c
    }

    /// No credential named: those of one issuer, those matching the question's words, or all.
    private func overview(_ words: [String]) -> Composition {
        var c = Composition()
        let issuer = issuer(in: words)
        var codes = kb.credentialOrder.filter { issuer == nil || kb.credentials[$0]?.issuer.lowercased() == issuer }
        if issuer == nil {
            let best = distinctiveMatches(codes, words)
            if !best.isEmpty {
                codes = best
                c.lines.append(kb.template("cert.matching"))
            } else {
                c.lines.append(kb.template("cert.all"))
            }
        } else {
            c.lines.append(fill(kb.template("cert.by_issuer"), ["issuer": issuer?.uppercased() ?? ""]))
        }
        for code in codes {
            guard let cred = kb.credentials[code] else { continue }
            let focus = cred.items("focus").first
            c.lines.append("• \(code) — \(cred.name) (\(cred.issuer))" + (focus.map { ": \($0.text)" } ?? ""))
            if let focus { c.cite(focus.source) }
            c.records.append("\(code) (\(cred.origin))")
        }
        c.query = "credentials" + (issuer.map { " issued by \($0.uppercased())" } ?? "")
        return c
    }

    /// Credentials whose focus names a distinctive word of the question ("pcs", "risk"); words that
    /// describe most credentials ("coding", "medical") do not count.
    private func distinctiveMatches(_ codes: [String], _ words: [String]) -> [String] {
        let general: Set<String> = [
            "medical", "coding", "coder", "coders", "billing", "certification", "certifications", "credential",
            "credentials", "health", "information", "professional", "certified", "the", "and", "for",
        ]
        let content = Set(words.filter { $0.count > 2 && !general.contains($0) && (kb.focusFrequency[$0] ?? 99) <= 3 })
        let scored = codes.map { ($0, content.intersection(kb.focusTokens[$0] ?? []).count) }
        guard let top = scored.map(\.1).max(), top > 0 else { return [] }
        return scored.filter { $0.1 == top }.map(\.0)
    }

    /// The exam facts asked about (`aspects`, in that order), or a summary when none is named: of `codes`, or with
    /// none of every credential that has the first aspect's facts (`issuer`'s alone when the question names one).
    func exam(_ codes: [String], aspects: [String], issuer: String?) -> Composition {
        var c = Composition()
        c.templates.append("cert.exam")
        let attributes = aspects.isEmpty ? Self.summaryAttributes : aspects
        var list =
            codes.isEmpty
            ? kb.credentialOrder.filter { code in
                guard let cred = kb.credentials[code] else { return false }
                return !cred.items(attributes[0]).isEmpty && (issuer == nil || cred.issuer.lowercased() == issuer)
            } : codes
        // Membership and what happens when a renewal lapses are the issuer's, the same for each of its credentials:
        // said once.
        if codes.isEmpty, attributes == ["membership"] || attributes == ["lapse"] { list = Array(list.prefix(1)) }
        c.query = "credentials \(list.joined(separator: ", ")): \(attributes.joined(separator: ", "))"
        for code in list {
            guard let cred = kb.credentials[code] else {
                c.lines.append(unknown(code))
                continue
            }
            c.records.append("\(code) (\(cred.origin))")
            c.lines.append("\(code) (\(cred.name), \(cred.issuer)):")
            for attribute in attributes {
                var items = cred.items(attribute)
                var label = Self.label(attribute, of: cred)
                // How hard an exam is, where no source rates it: what the exam is, for the asker to judge.
                if items.isEmpty, attribute == "difficulty", !attributes.contains("exam_format") {
                    items = cred.items("exam_format")
                    if !items.isEmpty {
                        c.lines.append("• Difficulty: not rated in my sources; the exam itself:")
                        label = Self.attributeNames["exam_format"] ?? "Exam format"
                    }
                }
                guard let first = items.first else {
                    if !aspects.isEmpty {
                        c.lines.append("• \(Self.label(attribute, of: cred)): not in my sources")
                    }
                    continue
                }
                c.lines.append("• \(label): \(first.text)\(cite(first, &c))")
                for other in items.dropFirst().prefix(2) {
                    c.lines.append("  also published: \(other.text)\(cite(other, &c))")
                }
                // The renewal rules go with what happens when they are missed ("what if i'm late turning them in").
                if let companion = Self.companions[attribute], !attributes.contains(companion),
                    let then = cred.items(companion).first
                {
                    c.lines.append("  \(Self.label(companion, of: cred)): \(then.text)\(cite(then, &c))")
                }
            }
        }
        return c
    }

    /// Credentials side by side, the attributes asked about (`aspects`) first.
    func compare(_ codes: [String], aspects: [String]) -> Composition {
        var c = Composition()
        c.templates.append("cert.compare")
        guard codes.count >= 2 else { return overview([]) }
        c.query = "compare credentials \(codes.joined(separator: ", "))"
        c.lines.append(fill(kb.template("cert.compare"), ["what": codes.joined(separator: " vs ")]))
        for code in codes where kb.credentials[code] == nil { c.lines.append(unknown(code)) }
        var attributes = ["issuer", "focus", "eligibility", "exam_fee", "study_time", "difficulty"]
        attributes.removeAll { aspects.contains($0) }
        attributes.insert(contentsOf: aspects, at: 0)
        for attribute in attributes {
            c.lines.append((Self.attributeNames[attribute] ?? attribute) + ":")
            for code in codes {
                guard let cred = kb.credentials[code] else { continue }
                if attribute == "issuer" {
                    c.lines.append("  \(code): \(cred.issuer) — \(cred.name)")
                } else if let item = cred.items(attribute).first {
                    c.lines.append("  \(code): \(item.text)\(cite(item, &c))")
                } else {
                    c.lines.append("  \(code): not in my sources")
                }
            }
        }
        for code in codes { if let cred = kb.credentials[code] { c.records.append("\(code) (\(cred.origin))") } }
        return c
    }

    /// What is said of a credential the entities know but the knowledge base has no record of (`cert.unknown`).
    private func unknown(_ code: String) -> String {
        fill(kb.template("cert.unknown"), ["code": code])
    }

    private func cite(_ item: Credential.Item, _ c: inout Composition) -> String {
        guard let source = kb.sources[item.source] else { return "" }
        c.cite(item.source)
        return " (\(kb.shortNames[source.id] ?? FigureRanking.shortName(source)))"
    }
}
