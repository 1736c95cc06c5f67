import FoundationEssentials

/// Answers pay questions from the figures: the most specific published figure first, others after,
/// and a labelled estimate (with its method) when nobody publishes the combination asked about.
final class SalaryComposer: Sendable {
    let kb: KnowledgeBase
    let rank: FigureRanking
    /// Display names of slot values (`Intents/entities`): slot → value → name.
    let names: [String: [String: String]]

    init(kb: KnowledgeBase, rank: FigureRanking, names: [String: [String: String]]) {
        self.kb = kb
        self.rank = rank
        self.names = names
    }

    /// "New Jersey" for (state, NJ); values without a name lose their underscores.
    func name(_ slot: String, _ value: String) -> String {
        names[slot]?[value] ?? value.underscoresAsSpaces
    }

    static let dimensionSlots = [
        "credential", "state", "metro", "country", "experience_level", "setting", "specialty", "credential_count",
        "role", "education", "group",
    ]
    static let locationSlots: Set<String> = ["state", "metro", "country"]
    /// Position of each dimension slot in `dimensionSlots`: the order subjects are written in.
    static let slotOrder: [String: Int] = Dictionary(
        uniqueKeysWithValues: dimensionSlots.enumerated().map { ($1, $0) }
    )

    /// The knowledge-base dimensions of a query (years of experience become a level).
    func dimensions(_ slots: Slots) -> [String: String] {
        var d: [String: String] = [:]
        for slot in slots.names where Self.slotOrder[slot] != nil {
            if let v = slots.first(slot) { d[slot] = v.description }
        }
        if d["experience_level"] == nil, let years = slots.number("experience_years"),
            let level = kb.level(forYears: years)
        {
            d["experience_level"] = level.level
        }
        if d["country"] == "United States" { d["country"] = nil }
        // A metro says more than the state it lies in ("in Phoenix specifically?" after Arizona keeps both slots).
        if let metro = d["metro"], let state = d["state"], kb.metroStates[metro] == state { d["state"] = nil }
        return d
    }

    /// An amount below this many cents ($1,000) is an hourly wage ("$22/hr"), one above a yearly one (see
    /// `IntentMatcher.hourlyMoney`).
    static let hourlyBelowCents = 100_000

    /// "8 years of experience falls in the mid-level band (3–9 years)."
    func yearsLine(_ years: Int, _ level: ExperienceLevel) -> String {
        let upper = level.years.upperBound >= 99 ? "+" : String(level.years.upperBound)
        return fill(
            kb.template("salary.years"),
            [
                "years": years == 1 ? "1 year" : "\(years) years", "label": level.label,
                "range": "\(level.years.lowerBound)–\(upper)",
            ]
        )
    }

    func subject(_ d: [String: String]) -> String {
        if d.isEmpty { return "Medical coders nationally (BLS: medical records specialists)" }
        if d.count == 1, let (slot, value) = d.first, Self.slotOrder[slot] != nil { return describe(slot, value) }
        return d.compactMap { slot, value in Self.slotOrder[slot].map { ($0, slot, value) } }
            .sorted { $0.0 < $1.0 }
            .map { describe($0.1, $0.2) }
            .joined(separator: ", ")
    }

    func describe(_ slot: String, _ value: String) -> String {
        switch slot {
        case "credential":
            if let c = kb.credentials[value] { return "\(value) (\(c.name))" }
            return value
        case "credential_count": return value == "1" ? "coders with 1 credential" : "coders with \(value) credentials"
        case "experience_level", "setting": return name(slot, value) + " coders"
        case "state", "metro", "country": return "in " + name(slot, value)
        default: return name(slot, value)
        }
    }

    func compose(_ slots: Slots, rankSlot: String?, lowestFirst: Bool = false) -> Composition {
        var c = Composition()
        var d = dimensions(slots)
        // An hourly wage the user names ("$22/hr") has already made the statistic hourly (`Advisor.resolveSlots`).
        let statistic = slots.text("statistic")
        c.query =
            "salary where " + (d.isEmpty ? "national" : KnowledgeBase.signature(d))
            + (statistic.map { " stat=\($0)" } ?? "")
        if let years = slots.number("experience_years"), let level = kb.level(forYears: years) {
            c.lines.append(yearsLine(years, level))
            c.cite(level.source)
        }
        let region = region(slots)
        if let region {
            c.query += " region=\(region.id)"
            if d.isEmpty, rankSlot == nil || rankSlot == "state" {
                regionTable(region, hourly: statistic == "hourly", lowestFirst: lowestFirst, &c)
                return c
            }
        }
        if d.isEmpty, let rankSlot {
            // No figure describes the slot alone: its values side by side, with whatever each is published beside.
            if kb.slotRankings[rankSlot]?.entries.isEmpty ?? true, let values = kb.annualValues[rankSlot],
                values.count > 1
            {
                var all = slots
                all[rankSlot] = values.map { .text($0) }
                return compare(all, slot: rankSlot, rankSlot: nil)
            }
            ranking(rankSlot, lowestFirst: lowestFirst, &c)
            return c
        }
        var exact = rank.filter(kb.figures(exactly: d), statistic: statistic)
        if exact.isEmpty, let metro = d["metro"], let state = kb.metroStates[metro], d["state"] == nil {
            c.lines.append(fill(kb.template("salary.metro_fallback"), ["metro": metro, "state": name("state", state)]))
            d["metro"] = nil
            d["state"] = state
            exact = rank.filter(kb.figures(exactly: d), statistic: statistic)
        }
        if !exact.isEmpty {
            // A percentile or a range is best answered with the whole distribution, where one is published.
            let distribution = statistic == "percentile" || statistic == "range"
            if !distribution || !leadWithPercentiles(subject(d), exact, &c) {
                if statistic == "percentile" {
                    c.lines.append(fill(kb.template("salary.no_percentiles"), ["subject": subject(d)]))
                }
                c.templates.append("salary.lead")
                lead(subject(d), exact, &c, prefer: FigureRanking.preferred(statistic))
            }
            // Figures for a narrower group that includes this one (CPMA holders working as auditors).
            let narrower = rank.sorted(kb.figures(narrowerThan: d).filter { $0.isAnnualUSD })
            for f in narrower.prefix(2) {
                c.lines.append("• \(subject(f.dimensions).capitalizedFirst): \(rank.describe(f))")
                c.use(f)
            }
        } else if d.count > 1 {
            combination(d, statistic: statistic, &c)
        } else if let (slot, value) = d.first {
            let related = rank.sorted(kb.figures(with: slot, value).filter(\.isPayLevel)).prefix(6)
            if related.isEmpty {
                c.lines.append(fill(kb.template("salary.none"), ["subject": subject(d)]))
                lead(subject([:]), rank.filter(kb.figures(exactly: [:]), statistic: statistic), &c, limit: 2)
            } else {
                c.lines.append(fill(kb.template("salary.related"), ["subject": subject(d)]))
                for f in related {
                    let extra = f.dimensions.filter { $0.key != slot }.map { describe($0.key, $0.value) }.sorted()
                    c.lines.append(
                        "• " + (extra.isEmpty ? "" : extra.joined(separator: ", ") + ": ") + rank.describe(f)
                    )
                    c.use(f)
                }
            }
        }
        if let cents = slots.cents("amount") { judge(cents: cents, d, &c) }
        if let region { regionTable(region, hourly: statistic == "hourly", lowestFirst: lowestFirst, &c) }
        return c
    }

    /// The lead figure as a sentence, then other published figures grouped by source.
    func lead(
        _ subject: String,
        _ figures: [SalaryFigure],
        _ c: inout Composition,
        limit: Int = 6,
        prefer: Set<String> = []
    ) {
        let groups = grouped(rank.sorted(figures, prefer: prefer))
        guard let first = groups.first, let top = first.figures.first else { return }
        c.lines.append(
            fill(
                kb.template("salary.headline"),
                [
                    "subject": subject, "value": top.formatted,
                    "stat": FigureRanking.statNames[top.stat] ?? top.stat,
                    "period": top.isHourly ? "an hour" : top.unit.hasSuffix("year") ? "a year" : "",
                    "source": rank.citation(top),
                ]
            ).collapsingDoubleSpaces
        )
        if let caveat = top.caveat { c.lines.append("Note: \(caveat)") }
        let rest = summary(Array(first.figures.dropFirst()))
        if !rest.isEmpty { c.lines.append("• Same source: " + rest) }
        for f in first.figures { c.use(f) }
        appendSummaries(groups.dropFirst().prefix(limit), &c)
        let notes = figures.filter(\.notesConflict).compactMap(\.note)
        if let note = notes.first { c.lines.append("Note: \(note)") }
    }

    /// A line per source ("• BLS OEWS May 2023: mean $51,070, ..."), citing its figures; a source whose figures
    /// make no summary gets no line.
    func appendSummaries(
        _ groups: some Sequence<(citation: String, figures: [SalaryFigure])>,
        _ c: inout Composition
    ) {
        for group in groups {
            let line = summary(group.figures)
            guard !line.isEmpty else { continue }
            c.lines.append("• \(group.citation): \(line)")
            for f in group.figures { c.use(f) }
        }
    }

    func grouped(_ figures: [SalaryFigure]) -> [(citation: String, figures: [SalaryFigure])] {
        var out: [(String, [SalaryFigure])] = []
        for f in figures {
            let key = rank.citation(f)
            if let i = out.firstIndex(where: { $0.0 == key }) { out[i].1.append(f) } else { out.append((key, [f])) }
        }
        return out
    }

    /// "mean $56,730, median $49,910, 10th–90th percentile $33,280–$85,380".
    func summary(_ figures: [SalaryFigure]) -> String {
        var parts: [String] = []
        let p10 = figures.first { $0.stat == "p10" && $0.isAnnualUSD }
        let p90 = figures.first { $0.stat == "p90" && $0.isAnnualUSD }
        for f in figures {
            if f === p10 || f === p90 || f.stat == "p25" || f.stat == "p75" { continue }
            if f.isHourly && f.stat != "mean" && f.stat != "median" { continue }
            let stat = FigureRanking.statNames[f.stat] ?? f.stat
            parts.append(f.isHourly ? "hourly \(stat) \(f.formatted)" : "\(stat) \(f.formatted)")
        }
        if let p10, let p90 {
            parts.append("10th–90th percentile \(p10.formatted)–\(p90.formatted)")
        } else if let one = p10 ?? p90 {
            parts.append("\(FigureRanking.statNames[one.stat] ?? one.stat) \(one.formatted)")
        }
        let note = figures.first { $0.note != nil && $0.noteLength < 140 }?.note
        return parts.joined(separator: ", ") + (note.map { " (\($0))" } ?? "")
    }

    /// "Which state pays most?": values of one slot ranked by their lead annual figure; from the lowest up when
    /// `lowestFirst` ("which state pays the least").
    func ranking(_ slot: String, lowestFirst: Bool = false, _ c: inout Composition) {
        guard let lead = kb.slotRankings[slot] else { return }
        let best = lowestFirst ? Array(lead.entries.reversed()) : lead.entries
        guard !best.isEmpty else { return }
        let title = kb.template(lowestFirst ? "salary.ranking_lowest" : "salary.ranking")
        c.templates.append(lowestFirst ? "salary.ranking_lowest" : "salary.ranking")
        c.query = "rank \(slot) by lead annual figure" + (lowestFirst ? ", lowest first" : "")
        c.rankedSlot = slot
        // The value ranked first is the one named last: "how much exactly", "and the hourly there" ask about it.
        if let first = best.first?.value { c.focus[slot] = [.text(first)] }
        c.lines.append(fill(title, ["what": slot.underscoresAsSpaces]))
        var rows: [[String]] = []
        for (i, entry) in best.prefix(6).enumerated() {
            rows.append([
                "\(i + 1).", name(slot, entry.value), entry.figure.formatted,
                FigureRanking.statNames[entry.figure.stat] ?? "", rank.citation(entry.figure),
            ])
            c.use(entry.figure)
        }
        c.lines += table(rows)
        // Other published rankings (e.g. a guide's top-paying list) that disagree with the lead one.
        if !lowestFirst, let top = lead.guideTop, let v = top.dimensions[slot], v != best.first?.value {
            c.lines.append(
                fill(
                    kb.template("salary.ranking_conflict"),
                    [
                        "value": name(slot, v), "figure": top.formatted, "source": rank.citation(top),
                    ]
                )
            )
            c.use(top)
            if let note = top.note { c.lines.append("Note: \(note)") }
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// Runs of spaces become one space (a template slot left empty leaves two).
    var collapsingDoubleSpaces: String {
        var spaces = 0
        guard
            utf8.contains(where: { b in
                spaces = b == 0x20 ? spaces + 1 : 0
                return spaces == 2
            })
        else {
            return self
        }
        var out = ""
        out.reserveCapacity(utf8.count)
        var previous: Character = "x"
        for c in self where !(c == " " && previous == " ") {
            out.append(c)
            previous = c
        }
        return out
    }
}
