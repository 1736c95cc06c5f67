import FoundationEssentials

/// One published pay figure: what it describes (`where`), the statistic, the value and its source.
public final class SalaryFigure: Sendable {
    public let id: String
    /// Dimensions: slot name → canonical value (`credential: CPC`, `state: NJ`).
    public let dimensions: [String: String]
    public let stat: String
    public let value: Double?
    public let low: Double?
    public let high: Double?
    public let unit: String
    public let source: String
    public let cites: String?
    public let year: String?
    public let note: String?
    /// What a reader must know to read the figure, said under it whenever it leads a pay answer ("one range for
    /// senior coders, auditors and managers together"; `caveat` in the record).
    public let caveat: String?
    /// `file:line` of the record.
    public let origin: String
    /// Sort keys and the short citation, worked out once from the figure and its source.
    public let sortYear: Int
    public let sortKind: Int
    public let isLowReliability: Bool
    public let citation: String
    /// The note says that sources disagree.
    public let notesConflict: Bool
    /// Order of loading: the last tie-break, so answers never depend on hashing order.
    public let serial: Int
    /// Rank of the statistic in answers (median, mean, average, range, percentiles, others).
    let statRank: Int
    public let isAnnualUSD: Bool
    public let isHourly: Bool
    /// Whether the figure is a level of pay or a premium on it, not a count, a share or a benefit (`notPayLevel`).
    public let isPayLevel: Bool
    /// "id (file:line)", as `:why` lists it.
    let record: String
    /// Length of the note in characters (0 without one).
    let noteLength: Int
    /// The figure as text, worked out once.
    private let text: String

    init(
        id: String,
        dimensions: [String: String],
        stat: String,
        value: Double?,
        low: Double?,
        high: Double?,
        unit: String,
        source: String,
        cites: String?,
        year: String?,
        note: String?,
        caveat: String? = nil,
        origin: String,
        sourceRecord: Source?,
        serial: Int,
        citation: String? = nil
    ) {
        self.id = id
        self.dimensions = dimensions
        self.stat = stat
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.source = source
        self.cites = cites
        self.year = year
        self.note = note
        self.caveat = caveat
        self.origin = origin
        sortKind = sourceRecord?.kind == "primary" ? 0 : sourceRecord?.kind == "secondary" ? 1 : 2
        isLowReliability = sourceRecord?.reliability == "low"
        sortYear = KnowledgeBase.firstYear([year, cites, sourceRecord?.date])
        self.citation = citation ?? FigureRanking.citation(cites: cites, source: sourceRecord, fallback: source)
        let lower = note?.lowercased() ?? ""
        notesConflict = lower.includes("conflict") || lower.includes("disagree")
        text = Self.text(value: value, low: low, high: high, unit: unit)
        self.serial = serial
        statRank = Self.statOrder.firstIndex(of: stat) ?? Self.statOrder.count + 1
        isAnnualUSD = unit == "USD/year"
        isHourly = unit.hasSuffix("hour")
        isPayLevel = !Self.notPayLevel.contains(stat)
        noteLength = note?.count ?? 0
        record = "\(id) (\(origin))"
    }

    static let statOrder = ["median", "mean", "average", "range", "p10", "p25", "p75", "p90"]
    /// Statistics that are no level of pay: a pay answer leaves them out ("remote: 55% share" answered "how much do
    /// remote coders make"); the topic answers (benefits, outlook) cite them.
    static let notPayLevel: Set<String> = [
        "employment", "share", "unemployment_rate", "bonus_share", "bonus_average", "retirement_match",
        "total_comp_premium",
    ]

    /// The figure as text: "$63,095" or "$40,000–$52,000" or "20%".
    public var formatted: String { text }

    private static func text(value: Double?, low: Double?, high: Double?, unit: String) -> String {
        if let value { return format(value, unit: unit) }
        if let low, let high { return format(low, unit: unit) + "–" + format(high, unit: unit) }
        if let low { return format(low, unit: unit) + "+" }
        return "n/a"
    }

    static func format(_ v: Double, unit: String) -> String {
        if unit == "percent" { return v == v.rounded() ? "\(Int(v))%" : "\(v)%" }
        let prefix: String
        switch unit.split(separator: "/").first {
        case "GBP": prefix = "£"
        case "CAD": prefix = "CA$"
        case "AUD": prefix = "A$"
        default: prefix = "$"
        }
        if unit.hasSuffix("hour") {
            let cents = Int((v * 100).rounded())
            let fraction = cents % 100
            return prefix + grouped(cents / 100) + (fraction < 10 ? ".0" : ".") + String(fraction) + "/h"
        }
        return prefix + grouped(Int(v.rounded()))
    }

    /// "63,095": thousands separated by commas.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n.magnitude).utf8)
        var out: [UInt8] = n < 0 ? [UInt8(ascii: "-")] : []
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (k, d) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(UInt8(ascii: ",")) }
            out.append(d)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The figure's central value for sorting and comparing: the value, or the middle of a range.
    public var central: Double? {
        if let value { return value }
        if let low, let high { return (low + high) / 2 }
        return low
    }
}
