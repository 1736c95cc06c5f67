/// Pay in a region ("coders in the Midwest", "best paying state in New England"): no source publishes a
/// figure for a region as a whole, so the answer lists each of its states' BLS figures, ranked, and says
/// whose definition of the region it used.
extension SalaryComposer {
    /// The region a question asks about, unless it also names a narrower place (a state or a metro).
    func region(_ slots: Slots) -> Region? {
        guard slots["state"].isEmpty, slots["metro"].isEmpty, slots["country"].isEmpty,
            let id = slots.text("region")
        else { return nil }
        return kb.regions[id]
    }

    /// A table of the region's states, highest median first (or lowest first), from the newest BLS state file;
    /// hourly wages when the question asks for them.
    func regionTable(_ region: Region, hourly: Bool, lowestFirst: Bool, _ c: inout Composition) {
        var rows: [(state: String, median: SalaryFigure?, mean: SalaryFigure?)] = []
        for state in region.states {
            // Newest and most primary first (the index keeps `FigureRanking` order).
            let figures = kb.figures(exactly: ["state": state]).filter { hourly ? $0.isHourly : $0.isAnnualUSD }
            let median = figures.first { $0.stat == "median" && $0.value != nil }
            let mean = figures.first {
                $0.stat == "mean" && $0.value != nil && (median == nil || $0.year == median?.year)
            }
            if median != nil || mean != nil { rows.append((state, median, mean)) }
        }
        guard !rows.isEmpty else { return }
        func key(_ row: (state: String, median: SalaryFigure?, mean: SalaryFigure?)) -> Double {
            row.median?.value ?? row.mean?.value ?? 0
        }
        rows.sort { lowestFirst ? key($0) < key($1) : key($0) > key($1) }
        let regionName = name("region", region.id)
        // Figures published for the region as a whole (old AAPC surveys by Census division) come first.
        let published = rank.filter(kb.figures(exactly: ["region": region.id]), statistic: nil)
        if published.isEmpty {
            c.templates.append("salary.region_none")
            c.lines.append(fill(kb.template("salary.region_none"), ["region": regionName]))
        } else {
            c.templates.append("salary.region_published")
            c.lines.append(fill(kb.template("salary.region_published"), ["region": regionName]))
            appendSummaries(grouped(rank.sorted(published)), &c)
        }
        c.templates.append("salary.region")
        c.lines.append(
            fill(
                kb.template("salary.region"),
                [
                    "region": regionName.capitalizedFirst, "definition": region.definition,
                    "period": hourly ? "hourly" : "yearly",
                    "order": lowestFirst ? "lowest median first" : "highest median first",
                ]
            )
        )
        var cells: [[String]] = []
        for (i, row) in rows.enumerated() {
            let cited = row.median ?? row.mean
            cells.append([
                "\(i + 1).", name("state", row.state),
                row.median.map { "\($0.formatted) median" } ?? "",
                row.mean.map { "\($0.formatted) mean" } ?? "",
                cited.map { rank.citation($0) } ?? "",
            ])
            if let f = row.median { c.use(f) }
            if let f = row.mean { c.use(f) }
        }
        c.lines += table(cells)
        if let source = region.source { c.cite(source) }
    }

    /// Regions compared ("midwest vs west coast"): each region's states, one table after another; nil unless the
    /// question names no narrower place and every region is known.
    func compareRegions(_ slots: Slots) -> Composition? {
        guard slots["state"].isEmpty, slots["metro"].isEmpty else { return nil }
        let regions = slots["region"].compactMap { $0.text.flatMap { kb.regions[$0] } }
        guard regions.count == slots["region"].count, !regions.isEmpty else { return nil }
        var c = Composition()
        c.query = "salary by region: " + regions.map(\.id).joined(separator: ", ")
        for region in regions {
            regionTable(region, hourly: slots.text("statistic") == "hourly", lowestFirst: false, &c)
        }
        return c
    }
}
