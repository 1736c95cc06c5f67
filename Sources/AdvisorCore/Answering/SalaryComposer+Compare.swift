/// Side-by-side pay: one row per value compared, one column per source and statistic.
extension SalaryComposer {
    private struct Column: Hashable {
        let citation: String
        let stat: String
        let unit: String
        let extra: String
    }

    func compare(_ slots: Slots, slot: String, rankSlot: String?) -> Composition {
        var c = Composition()
        let values = slots[slot].map(\.description)
        var base = slots
        base[slot] = []
        let baseDims = dimensions(base).filter { $0.key != slot }
        let statistic = slots.text("statistic")
        c.query =
            "compare \(slot) in [\(values.joined(separator: ", "))]"
            + (baseDims.isEmpty ? "" : " where " + KnowledgeBase.signature(baseDims))
        c.templates.append("compare.table")
        var cells: [String: [Column: SalaryFigure]] = [:]
        var columnOrder: [Column] = []
        var counts: [Column: Int] = [:]
        var extras: [String] = []
        for value in values {
            var d = baseDims
            d[slot] = value
            var figs = rank.filter(kb.figures(exactly: d), statistic: statistic)
            // A narrower group's figure (CPMA holders working as auditors) gets its own column.
            figs += kb.figures(narrowerThan: d).filter(\.isAnnualUSD)
            var exact = true
            if figs.isEmpty {
                exact = false
                figs = kb.figures(with: slot, value).filter { f in
                    baseDims.allSatisfy { f.dimensions[$0.key] == $0.value }
                }
            }
            for f in rank.sorted(figs) where f.unit == "percent" && f.stat.hasSuffix("premium") {
                extras.append("\(name(slot, value)): \(rank.describe(f))")
                c.use(f)
            }
            for f in rank.sorted(figs)
            where f.stat != "employment" && f.unit != "percent" && !(f.isHourly && statistic != "hourly") {
                let extra =
                    exact && f.dimensions.count == d.count
                    ? ""
                    : f.dimensions.filter { d[$0.key] == nil }.map { describe($0.key, $0.value) }.sorted().joined(
                        separator: ", "
                    )
                let column = Column(citation: rank.citation(f), stat: f.stat, unit: f.unit, extra: extra)
                if cells[value, default: [:]][column] == nil {
                    cells[value, default: [:]][column] = f
                    if counts[column] == nil { columnOrder.append(column) }
                    counts[column, default: 0] += 1
                }
            }
        }
        // Columns every value has (apples to apples), then each value's own best figure.
        let trusted = columnOrder.filter { col in
            values.contains { v in cells[v]?[col].map { !rank.isLow($0) } ?? false }
        }
        let shared = trusted.filter { (counts[$0] ?? 0) == values.count && values.count > 1 }.prefix(3)
        let leads: [String: SalaryFigure] = values.reduce(into: [:]) { out, value in
            out[value] =
                rank.sorted(Array((cells[value] ?? [:]).values), prefer: FigureRanking.preferred(statistic)).first
        }
        guard !leads.isEmpty else {
            c.lines.append(
                fill(kb.template("compare.none"), ["what": values.map { name(slot, $0) }.joined(separator: " and ")])
            )
            return c
        }
        c.lines.append(
            fill(kb.template("compare.title"), ["what": values.map { name(slot, $0) }.joined(separator: " vs ")])
        )
        let oneSource = Set(shared.map(\.citation)).count == 1
        let header = shared.enumerated().map { k, col in
            (col.extra.isEmpty ? "" : col.extra + ", ") + (FigureRanking.statNames[col.stat] ?? col.stat)
                + (oneSource ? "" : " [\(k + 1)]")
        }
        // Each row's own best figure, unless the shared columns already show it.
        let showLeads = values.contains { v in
            guard let lead = leads[v] else { return false }
            return !shared.contains { cells[v]?[$0]?.id == lead.id }
        }
        // Figures published in another currency (GBP, CAD, AUD) are shown as published, not converted.
        let native: [String: SalaryFigure] = values.reduce(into: [:]) { out, value in
            out[value] =
                rank.sorted(
                    Array((cells[value] ?? [:]).values).filter {
                        $0.unit.hasSuffix("/year") && !$0.unit.hasPrefix("USD")
                    }
                ).first
        }
        var rows: [[String]] =
            [
                [""] + header + (showLeads ? ["best published figure", "source"] : [])
                    + (native.isEmpty ? [] : ["in local currency"])
            ]
        for value in values {
            var row = [name(slot, value)] + shared.map { cells[value]?[$0]?.formatted ?? "—" }
            if showLeads, let f = leads[value] {
                let stat = FigureRanking.statNames[f.stat] ?? f.stat
                // A figure for a narrower group says which: "$50,000–$58,000 typical range (entry-level coders)".
                let narrower = f.dimensions.filter { $0.key != slot && baseDims[$0.key] == nil }
                    .map { describe($0.key, $0.value) }.sorted().joined(separator: ", ")
                row += ["\(f.formatted) \(stat)" + (narrower.isEmpty ? "" : " (\(narrower))"), rank.citation(f)]
                c.use(f)
            } else if showLeads {
                row += ["—", "no published figure"]
            }
            for col in shared { if let f = cells[value]?[col] { c.use(f) } }
            if !native.isEmpty {
                if let f = native[value] {
                    row.append("\(f.formatted) (\(rank.citation(f)))")
                    c.use(f)
                } else {
                    row.append("—")
                }
            }
            rows.append(row)
        }
        c.lines += table(rows)
        if oneSource, let col = shared.first {
            c.lines.append("Columns: \(col.citation)")
        } else {
            for (i, col) in shared.enumerated() { c.lines.append("[\(i + 1)] \(col.citation)") }
        }
        let columns = Array(shared)
        verdict(values, slot: slot, columns: columns, cells: { cells[$0]?[$1] }, leads: leads, &c)
        for line in extras.prefix(3) { c.lines.append("• " + line) }
        var noted = Set<String>()
        for value in values {
            for f in rank.sorted(Array((cells[value] ?? [:]).values)) {
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
        columns: [Column],
        cells: (String, Column) -> SalaryFigure?,
        leads: [String: SalaryFigure],
        _ c: inout Composition
    ) {
        guard let col = columns.first(where: { col in values.allSatisfy { cells($0, col)?.central != nil } }) else {
            let ranked = values.filter { leads[$0]?.central != nil && leads[$0]?.isAnnualUSD == true }
                .sorted { (leads[$0]?.central ?? 0) > (leads[$1]?.central ?? 0) }
            if ranked.count >= 2, let top = ranked.first, let low = ranked.last,
                let a = leads[top]?.central, let b = leads[low]?.central
            {
                c.lines.append(
                    fill(
                        kb.template("compare.verdict_mixed"),
                        [
                            "top": name(slot, top).capitalizedFirst, "low": name(slot, low),
                            "difference": SalaryFigure.format(abs(a - b), unit: "USD/year"),
                        ]
                    )
                )
            }
            c.lines.append(kb.template("compare.no_common"))
            return
        }
        let ranked = values.sorted { (cells($0, col)?.central ?? 0) > (cells($1, col)?.central ?? 0) }
        guard let top = ranked.first, let low = ranked.last, let a = cells(top, col), let b = cells(low, col),
            let av = a.central, let bv = b.central
        else { return }
        c.templates.append("compare.verdict")
        c.lines.append(
            fill(
                kb.template(av == bv ? "compare.tie" : "compare.verdict"),
                [
                    "top": name(slot, top).capitalizedFirst, "low": name(slot, low),
                    "difference": SalaryFigure.format(abs(av - bv), unit: a.unit),
                    "stat": FigureRanking.statNames[col.stat] ?? col.stat, "source": col.citation,
                ]
            )
        )
    }
}
