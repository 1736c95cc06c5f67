/// When no figure covers the whole query: each part shown, a labelled estimate with its method, and
/// how a stated amount compares with the figures.
extension SalaryComposer {
    /// The group a combination names, its place last: "entry-level coders in Arizona", "CPC (Certified
    /// Professional Coder) in Ohio", "coders in Texas with 2 credentials".
    func combinedSubject(_ d: [String: String]) -> String {
        let places: Set<String> = ["state", "metro", "country"]
        let parts = d.compactMap { slot, value in Self.slotOrder[slot].map { ($0, slot, value) } }.sorted {
            $0.0 < $1.0
        }
        var who = parts.filter { !places.contains($0.1) }.map { describe($0.1, $0.2) }
        // "entry-level, remote coders": the group's noun once, after the last of its qualities.
        for k in who.indices.dropLast() where who[k].hasSuffix(" coders") && who[who.count - 1].hasSuffix(" coders") {
            who[k].removeLast(" coders".count)
        }
        let place = parts.filter { places.contains($0.1) }.map { describe($0.1, $0.2) }
        guard !place.isEmpty else { return who.joined(separator: ", ") }
        return (who.isEmpty ? "coders" : who.joined(separator: ", ")) + " " + place.joined(separator: " ")
    }

    /// No figure for the whole combination: show each part, and a labelled estimate when one can be made.
    func combination(_ d: [String: String], statistic: String?, _ c: inout Composition) {
        c.templates.append("salary.combination")
        c.lines.append(fill(kb.template("salary.combination"), ["subject": combinedSubject(d)]))
        var shown = 0
        for slot in Self.dimensionSlots {
            guard let value = d[slot] else { continue }
            let figs = rank.sorted(rank.filter(kb.figures(exactly: [slot: value]), statistic: statistic))
            guard let top = figs.first else { continue }
            if statistic == "percentile" || statistic == "range", distributionLine(slot, value, figs, &c) {
                shown += 1
                continue
            }
            c.lines.append("• \(describe(slot, value).capitalizedFirst): \(rank.describe(top))")
            c.use(top)
            shown += 1
        }
        // Each part without one of its slots, in the slots' order (a dictionary's own order changes from run to run).
        for k in Self.dimensionSlots where d[k] != nil {
            var partial = d
            partial[k] = nil
            guard partial.count > 1, let f = rank.sorted(kb.figures(exactly: partial).filter(\.isPayLevel)).first
            else { continue }
            c.lines.append("• \(subject(partial).capitalizedFirst): \(rank.describe(f))")
            c.use(f)
        }
        if shown == 0 { lead(subject([:]), rank.filter(kb.figures(exactly: [:]), statistic: statistic), &c, limit: 2) }
        estimate(d, &c)
    }

    /// "• In Ohio, by percentile: 10th percentile $37,470, ..., 90th $82,080 (BLS OEWS May 2024)": the first source
    /// that publishes a distribution for one part of a combination; false when none does.
    func distributionLine(_ slot: String, _ value: String, _ figures: [SalaryFigure], _ c: inout Composition) -> Bool {
        for group in grouped(figures) {
            guard let yearly = distribution(group.figures, hourly: false) else { continue }
            c.lines.append(
                "• \(describe(slot, value).capitalizedFirst), by percentile: \(yearly.text) (\(group.citation))"
            )
            for f in yearly.used { c.use(f) }
            return true
        }
        return false
    }

    /// Scales a national figure by a state's BLS mean relative to the national BLS mean.
    func estimate(_ d: [String: String], _ c: inout Composition) {
        guard let state = d["state"] else { return }
        let others = d.filter { $0.key != "state" }
        guard others.count == 1, let (slot, value) = others.first else { return }
        let base = rank.sorted(kb.figures(exactly: [slot: value]).filter { $0.isAnnualUSD && $0.value != nil })
        let stateMean = kb.figures(exactly: ["state": state]).first {
            $0.stat == "mean" && $0.isAnnualUSD && $0.year == "May 2024"
        }
        let usMean = kb.figures(exactly: [:]).first { $0.stat == "mean" && $0.isAnnualUSD && $0.year == "May 2024" }
        guard let b = base.first, let bv = b.value, let s = stateMean?.value, let u = usMean?.value, u > 0 else {
            return
        }
        let result = bv * s / u
        c.templates.append("salary.estimate")
        c.lines.append(
            fill(
                kb.template("salary.estimate"),
                [
                    "estimate": SalaryFigure.format((result / 100).rounded() * 100, unit: "USD/year"),
                    "base": b.formatted, "what": describe(slot, value), "place": name("state", state),
                    "state_mean": SalaryFigure.format(s, unit: "USD/year"),
                    "us_mean": SalaryFigure.format(u, unit: "USD/year"),
                    "ratio": JSONWriter.twoDecimals(s / u),
                ]
            )
        )
        c.cite("bls-oews-2024")
    }

    /// Where an amount the user names sits among BLS percentiles: yearly wages, or hourly ones for an amount
    /// below $1,000 ("$22/hr", "$21.75 an hour").
    func judge(cents: Int, _ d: [String: String], _ c: inout Composition) {
        let scope = d["state"].map { ["state": $0] } ?? [:]
        let hourly = cents < Self.hourlyBelowCents
        let unit = hourly ? "USD/hour" : "USD/year"
        let figs = kb.figures(exactly: scope).filter { $0.unit == unit && $0.year == "May 2024" && $0.value != nil }
        let order = ["p10", "p25", "median", "p75", "p90"]
        let points = order.compactMap { stat in figs.first { $0.stat == stat } }
        guard !points.isEmpty else { return }
        let a = Double(cents) / 100
        let below = points.last { ($0.value ?? 0) <= a }
        let above = points.first { ($0.value ?? 0) > a }
        let where_: String
        switch (below, above) {
        case (nil, let hi?): where_ = "below the \(FigureRanking.statNames[hi.stat] ?? hi.stat) (\(hi.formatted))"
        case (let lo?, nil): where_ = "above the \(FigureRanking.statNames[lo.stat] ?? lo.stat) (\(lo.formatted))"
        case (let lo?, let hi?):
            where_ =
                "between the \(FigureRanking.statNames[lo.stat] ?? lo.stat) (\(lo.formatted)) and the \(FigureRanking.statNames[hi.stat] ?? hi.stat) (\(hi.formatted))"
        default: return
        }
        c.lines.append(
            fill(
                kb.template("salary.judge"),
                [
                    "amount": SalaryFigure.format(a, unit: unit), "where": where_,
                    "period": hourly ? "hourly" : "annual",
                    "place": scope.isEmpty ? "nationally" : "in " + name("state", scope["state"] ?? ""),
                ]
            )
        )
        c.cite("bls-oews-2024")
    }
}
