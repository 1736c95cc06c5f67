/// Side-by-side pay: one row per value compared, one column per source and statistic.
extension SalaryComposer {
    private struct Column: Equatable {
        let citation: String
        let stat: String
        let unit: String
        let extra: String
    }

    /// Compares pay across the values of `slot`. When nothing is published for them with the question's other
    /// values, it says so and compares what is published: metros by their states, then the values alone ("which
    /// pays more?" after a CPC in Ohio and in Texas compares Ohio and Texas for all coders).
    func compare(_ slots: Slots, slot: String, rankSlot: String?) -> Composition {
        if slot == "region", let c = compareRegions(slots) { return c }
        if let c = comparisonTable(slots, slot: slot) { return c }
        var broader = slots
        var slot = slot
        var said: [String] = []
        var cited: [String] = []
        // The table of a broader comparison, after the lines that say how it was broadened.
        func broadened(_ query: Slots) -> Composition? {
            guard var c = comparisonTable(query, slot: slot) else { return nil }
            c.lines.insert(contentsOf: said, at: 0)
            for source in cited { c.cite(source) }
            return c
        }
        // Years of experience: the published bands they fall in ("2 years vs 8 years" compares entry-level and
        // mid-career coders); years in one band ("3 vs 4") get that band's figures.
        let levels = slots[slot].compactMap { $0.number.flatMap { kb.level(forYears: $0) } }
        if slot == "experience_years", slots["experience_level"].isEmpty, levels.count == slots[slot].count,
            let first = levels.first
        {
            let lines = zip(slots[slot], levels).map { yearsLine($0.number ?? 0, $1) }
            if levels.allSatisfy({ $0.level == first.level }) {
                var band = slots
                band["experience_years"] = []
                band["experience_level"] = [.text(first.level)]
                var c = compose(band, rankSlot: nil)
                c.lines.insert(
                    contentsOf: lines + [fill(kb.template("compare.same_band"), ["label": first.label])],
                    at: 0
                )
                c.cite(first.source)
                return c
            }
            if Set(levels.map(\.level)).count == levels.count {
                said += lines
                cited += levels.map(\.source)
                broader["experience_years"] = []
                broader["experience_level"] = levels.map { .text($0.level) }
                slot = "experience_level"
                if let c = broadened(broader) { return c }
            }
        }
        // Metros: their states, as single metro answers do.
        let states = slots[slot].compactMap { $0.text.flatMap { kb.metroStates[$0] } }
        if slot == "metro", slots["state"].isEmpty, states.count == slots[slot].count, Set(states).count > 1 {
            said.append(
                fill(
                    kb.template("compare.metro_fallback"),
                    [
                        "metros": slots[slot].map { name("metro", $0.description) }.joinedAsList,
                        "states": states.map { name("state", $0) }.joinedAsList,
                    ]
                )
            )
            broader["metro"] = []
            broader["state"] = states.map { .text($0) }
            slot = "state"
            if let c = broadened(broader) { return c }
        }
        // Then the values alone, without the question's other values.
        let others = broader.names.filter { $0 != slot && $0 != "statistic" && !broader[$0].isEmpty }
        if !others.isEmpty {
            var alone = Slots()
            alone[slot] = broader[slot]
            alone["statistic"] = broader["statistic"]
            var named: [String: String] = [:]
            for other in others { named[other] = broader[other].first?.description }
            said.append(fill(kb.template("compare.without"), ["what": combinedSubject(named)]))
            if let c = broadened(alone) { return c }
        }
        // Nothing published even so: name the values as the question did.
        var c = Composition()
        c.query = "compare \(slot) in [\(broader[slot].map(\.description).joined(separator: ", "))]"
        c.lines.append(
            fill(
                kb.template("compare.none"),
                [
                    "what": broader[slot].map {
                        slot == "experience_years" ? "\($0.description) years" : name(slot, $0.description)
                    }.joinedAsList
                ]
            )
        )
        return c
    }

    /// The comparison table, or nil when no value has a published figure.
    private func comparisonTable(_ slots: Slots, slot: String) -> Composition? {
        var c = Composition()
        let values = slots[slot].map(\.description)
        var base = slots
        base[slot] = []
        var baseDims = dimensions(base).filter { $0.key != slot }
        // Metros compared inside the state in focus are compared as metros: the state adds nothing.
        if slot == "metro", let state = baseDims["state"], values.allSatisfy({ kb.metroStates[$0] == state }) {
            baseDims["state"] = nil
        }
        let statistic = slots.text("statistic")
        c.query =
            "compare \(slot) in [\(values.joined(separator: ", "))]"
            + (baseDims.isEmpty ? "" : " where " + KnowledgeBase.signature(baseDims))
        c.templates.append("compare.table")
        // cells[v][k]: the figure of values[v] in column k. Columns are few: found by a linear search,
        // not by hashing four strings per figure.
        var cells: [[SalaryFigure?]] = values.map { _ in [] }
        var columnOrder: [Column] = []
        var counts: [Int] = []
        var extras: [String] = []
        for (v, value) in values.enumerated() {
            var d = baseDims
            d[slot] = value
            var figs = rank.filter(kb.figures(exactly: d), statistic: statistic)
            // A narrower group's figure (CPMA holders working as auditors) gets its own column.
            figs += kb.figures(narrowerThan: d).filter(\.isAnnualUSD)
            var exact = true
            if figs.isEmpty {
                exact = false
                figs = kb.figures(with: slot, value).filter { f in
                    f.isPayLevel && baseDims.allSatisfy { f.dimensions[$0.key] == $0.value }
                }
            }
            let sorted = rank.sorted(figs)
            for f in sorted where f.unit == "percent" && f.stat.hasSuffix("premium") {
                extras.append("\(name(slot, value)): \(rank.describe(f))")
                c.use(f)
            }
            for f in sorted
            where f.stat != "employment" && f.unit != "percent" && !(f.isHourly && statistic != "hourly") {
                let extra =
                    exact && f.dimensions.count == d.count
                    ? ""
                    : f.dimensions.filter { d[$0.key] == nil }.map { describe($0.key, $0.value) }.sorted().joined(
                        separator: ", "
                    )
                let column = Column(citation: rank.citation(f), stat: f.stat, unit: f.unit, extra: extra)
                let k: Int
                if let found = columnOrder.firstIndex(of: column) {
                    k = found
                } else {
                    k = columnOrder.count
                    columnOrder.append(column)
                    counts.append(0)
                }
                if cells[v].count <= k { cells[v] += [SalaryFigure?](repeating: nil, count: k + 1 - cells[v].count) }
                if cells[v][k] == nil {
                    cells[v][k] = f
                    counts[k] += 1
                }
            }
        }
        func cell(_ v: Int, _ k: Int) -> SalaryFigure? { k < cells[v].count ? cells[v][k] : nil }
        // Columns every value has (apples to apples), then each value's own best figure.
        let trusted = columnOrder.indices.filter { k in
            values.indices.contains { v in cell(v, k).map { !rank.isLow($0) } ?? false }
        }
        // A percentile question shows the whole distribution (the one asked about is there, whichever it was).
        let width = statistic == "percentile" ? 5 : 3
        var shared = Array(trusted.filter { counts[$0] == values.count && values.count > 1 }.prefix(width))
        let weakShared = shared.isEmpty
        if weakShared {
            // No trusted source covers every value: a like-for-like column from a weaker one still beats setting one
            // value's average beside another's median (its citation says where it comes from).
            shared = Array(columnOrder.indices.filter { counts[$0] == values.count && values.count > 1 }.prefix(2))
        }
        let filled = cells.map { $0.compactMap { $0 } }
        let leads: [SalaryFigure?] = filled.map {
            rank.sorted($0, prefer: FigureRanking.preferred(statistic)).first
        }
        guard leads.contains(where: { $0 != nil }) else { return nil }
        c.lines.append(
            fill(kb.template("compare.title"), ["what": values.map { name(slot, $0) }.joined(separator: " vs ")])
        )
        let oneSource = Set(shared.map { columnOrder[$0].citation }).count == 1
        let header = shared.enumerated().map { n, k in
            let col = columnOrder[k]
            return (col.extra.isEmpty ? "" : col.extra + ", ") + (FigureRanking.statNames[col.stat] ?? col.stat)
                + (oneSource ? "" : " [\(n + 1)]")
        }
        // Each row's own best figure, unless the shared columns already show it.
        let showLeads = values.indices.contains { v in
            guard let lead = leads[v] else { return false }
            return !shared.contains { cell(v, $0)?.id == lead.id }
        }
        // Figures published in another currency (GBP, CAD, AUD) are shown as published, not converted.
        let native: [SalaryFigure?] = filled.map {
            rank.sorted($0.filter { $0.unit.hasSuffix("/year") && !$0.unit.hasPrefix("USD") }).first
        }
        let hasNative = native.contains { $0 != nil }
        var rows: [[String]] =
            [
                [""] + header + (showLeads ? ["best published figure", "source"] : [])
                    + (hasNative ? ["in local currency"] : [])
            ]
        for (v, value) in values.enumerated() {
            var row = [name(slot, value)] + shared.map { cell(v, $0)?.formatted ?? "—" }
            if showLeads, let f = leads[v] {
                let stat = FigureRanking.statNames[f.stat] ?? f.stat
                // A figure for a narrower group says which: "$50,000–$58,000 typical range (entry-level coders)".
                let narrower = f.dimensions.filter { $0.key != slot && baseDims[$0.key] == nil }
                    .map { describe($0.key, $0.value) }.sorted().joined(separator: ", ")
                row += ["\(f.formatted) \(stat)" + (narrower.isEmpty ? "" : " (\(narrower))"), rank.citation(f)]
                c.use(f)
            } else if showLeads {
                row += ["—", "no published figure"]
            }
            for k in shared { if let f = cell(v, k) { c.use(f) } }
            if hasNative {
                if let f = native[v] {
                    row.append("\(f.formatted) (\(rank.citation(f)))")
                    c.use(f)
                } else {
                    row.append("—")
                }
            }
            rows.append(row)
        }
        c.lines += table(rows)
        if oneSource, let k = shared.first {
            c.lines.append("Columns: \(columnOrder[k].citation)")
        } else {
            for (n, k) in shared.enumerated() { c.lines.append("[\(n + 1)] \(columnOrder[k].citation)") }
        }
        verdict(values, slot: slot, columns: shared.map { ($0, columnOrder[$0]) }, cells: cell, leads: leads, &c)
        if weakShared, let k = shared.first {
            c.templates.append("compare.weak_common")
            c.lines.append(fill(kb.template("compare.weak_common"), ["source": columnOrder[k].citation]))
        }
        for line in extras.prefix(3) { c.lines.append("• " + line) }
        var noted = Set<String>()
        for (v, value) in values.enumerated() {
            for f in rank.sorted(filled[v]) {
                guard f.notesConflict, let note = f.note,
                    noted.insert(note).inserted, noted.count <= 2
                else { continue }
                c.lines.append("Note: \(rank.citation(f)) gives \(name(slot, value)) \(f.formatted). \(note)")
                c.use(f)
            }
        }
        return c
    }

    private func verdict(
        _ values: [String],
        slot: String,
        columns: [(index: Int, column: Column)],
        cells: (Int, Int) -> SalaryFigure?,
        leads: [SalaryFigure?],
        _ c: inout Composition
    ) {
        guard
            let (k, col) = columns.first(where: { k, _ in values.indices.allSatisfy { cells($0, k)?.central != nil } })
        else {
            let ranked = values.indices.filter { leads[$0]?.central != nil && leads[$0]?.isAnnualUSD == true }
                .sorted { (leads[$0]?.central ?? 0) > (leads[$1]?.central ?? 0) }
            if ranked.count >= 2, let top = ranked.first, let low = ranked.last,
                let a = leads[top]?.central, let b = leads[low]?.central
            {
                c.lines.append(
                    fill(
                        kb.template("compare.verdict_mixed"),
                        [
                            "top": name(slot, values[top]).capitalizedFirst, "low": name(slot, values[low]),
                            "difference": SalaryFigure.format(abs(a - b), unit: "USD/year"),
                        ]
                    )
                )
            }
            c.lines.append(kb.template("compare.no_common"))
            return
        }
        let ranked = values.indices.sorted { (cells($0, k)?.central ?? 0) > (cells($1, k)?.central ?? 0) }
        guard let top = ranked.first, let low = ranked.last, let a = cells(top, k), let b = cells(low, k),
            let av = a.central, let bv = b.central
        else { return }
        c.templates.append("compare.verdict")
        c.lines.append(
            fill(
                kb.template(av == bv ? "compare.tie" : "compare.verdict"),
                [
                    "top": name(slot, values[top]).capitalizedFirst, "low": name(slot, values[low]),
                    "difference": SalaryFigure.format(abs(av - bv), unit: a.unit),
                    "stat": FigureRanking.statNames[col.stat] ?? col.stat, "source": col.citation,
                ]
            )
        )
    }
}
