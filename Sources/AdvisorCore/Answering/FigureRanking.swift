import FoundationEssentials

/// Orders and describes pay figures: newest and most primary first, statistics in plain words.
final class FigureRanking: Sendable {
    let kb: KnowledgeBase

    init(kb: KnowledgeBase) { self.kb = kb }

    static let statNames: [String: String] = [
        "average": "average", "mean": "mean", "median": "median", "range": "typical range", "p10": "10th percentile",
        "p25": "25th percentile", "p75": "75th percentile", "p90": "90th percentile", "premium": "premium",
        "employment": "jobs", "bonus_average": "average bonus", "bonus_share": "share receiving a bonus",
        "total_comp_premium": "total compensation above base",
    ]

    /// Figures from sources rated low reliability go after all others.
    func isLow(_ f: SalaryFigure) -> Bool { f.isLowReliability }

    /// Newest first; among equals, primary before secondary before guides; annual before hourly;
    /// then by statistic and load order. Figures of a preferred statistic come first.
    func sorted(_ figures: [SalaryFigure], prefer: Set<String> = []) -> [SalaryFigure] {
        if prefer.isEmpty { return figures.sorted(by: Self.precedes) }
        // Decorated once, so the comparator does no hashing.
        return figures.map { (prefer.contains($0.stat), $0) }
            .sorted { a, b in a.0 != b.0 ? a.0 : Self.precedes(a.1, b.1) }
            .map(\.1)
    }

    static func precedes(_ a: SalaryFigure, _ b: SalaryFigure) -> Bool {
        if a.isLowReliability != b.isLowReliability { return b.isLowReliability }
        if a.sortYear != b.sortYear { return a.sortYear > b.sortYear }
        if a.sortKind != b.sortKind { return a.sortKind < b.sortKind }
        if a.isAnnualUSD != b.isAnnualUSD { return a.isAnnualUSD }
        if a.statRank != b.statRank { return a.statRank < b.statRank }
        return a.serial < b.serial
    }

    /// Keeps the figures a statistic asks for, or all when none fit.
    func filter(_ figures: [SalaryFigure], statistic: String?) -> [SalaryFigure] {
        let pay = figures.filter(\.isPayLevel)
        guard let statistic else { return pay }
        let keep: [SalaryFigure]
        switch statistic {
        case "hourly": keep = pay.filter(\.isHourly)
        case "percentile":
            // Percentiles, with the medians between them (a median alone is no distribution).
            let percentiles = pay.filter { $0.stat.hasPrefix("p") && $0.stat.count <= 3 }
            keep = percentiles.isEmpty ? [] : percentiles + pay.filter { $0.stat == "median" }
        case "top": keep = pay.filter { $0.stat == "p90" || $0.stat == "top" || ($0.low != nil && $0.high == nil) }
        default: keep = pay
        }
        return keep.isEmpty ? pay : keep
    }

    /// The statistics a question prefers to see first.
    static func preferred(_ statistic: String?) -> Set<String> {
        switch statistic {
        case "median": return ["median"]
        case "mean": return ["mean", "average"]
        case "range": return ["range", "p10", "p90"]
        default: return []
        }
    }

    /// A short citation: "BLS OEWS May 2024" or "AAPC 2024 Salary Survey, via <guide>".
    func citation(_ f: SalaryFigure) -> String { f.citation.isEmpty ? f.source : f.citation }

    static func citation(cites: String?, source: Source?, fallback: String) -> String {
        guard let source else { return fallback }
        if let cites {
            let publisher = trim(source.publisher)
            if cites.hasPrefix(publisher) { return "\(cites) (\(publisher))" }
            return "\(cites), via \(shortName(source))"
        }
        return shortName(source)
    }

    func shortName(_ s: Source) -> String { kb.shortNames[s.id] ?? Self.shortName(s) }

    /// A short name for a source: "BLS OEWS May 2024", "9cv9 guide (2025)", "mbc-bv6.pages.dev (Feb 2026)".
    static func shortName(_ s: Source) -> String {
        let date = Self.trim(s.date)
        if s.publisher.includes("Bureau of Labor Statistics") {
            return "BLS \(s.title.hasPrefix("OEWS") ? "OEWS" : String(s.title.prefix { $0 != "," })) \(date)"
        }
        if s.kind == "guide" {
            let named = s.publisher.includes("unnamed") ? "" : Self.trim(s.publisher) + " "
            let title = s.title.count > 40 ? String(s.title.prefix(37)) + "..." : s.title
            return "\(named)guide \"\(title)\"" + (date == "undated" ? "" : " (\(date))")
        }
        return Self.trim(s.publisher) + (date.isEmpty || date == "undated" ? "" : " (\(date))")
    }

    /// Drops a parenthesised remark: "mbc-bv6.pages.dev (secondary site citing AAPC)" → "mbc-bv6.pages.dev".
    static func trim(_ text: String) -> String {
        let bytes = text.utf8
        var previous: UInt8 = 0
        for i in bytes.indices {
            let byte = bytes[i]
            if previous == UInt8(ascii: " ") && byte == UInt8(ascii: "(") {
                return String(Substring(text.utf8[..<bytes.index(before: i)]))
            }
            previous = byte
        }
        return text
    }

    /// "$63,095 average (AAPC 2024 Salary Survey, as quoted in ...)".
    func describe(_ f: SalaryFigure, withNote: Bool = true) -> String {
        let stat = Self.statNames[f.stat] ?? f.stat
        var s = "\(f.formatted) \(stat)"
        if f.isHourly && !stat.includes("hour") { s = "\(f.formatted) \(stat) hourly" }
        s += " (\(citation(f)))"
        if withNote, let note = f.note, f.noteLength < 160 { s += "; \(note)" }
        return s
    }
}
