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
        c.query = "compare \(slot) in [\(values.joined(separator: ", "))]" + (baseDims.isEmpty ? "" : " where " + KnowledgeBase.signature(baseDims))
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
            figs += kb.figures.filter { f in
                f.dimensions.count == d.count + 1 && f.isAnnualUSD && d.allSatisfy { f.dimensions[$0.key] == $0.value }
            }
            var exact = true
            if figs.isEmpty {
                exact = false
                figs = kb.figures(with: slot, value).filter { f in baseDims.allSatisfy { f.dimensions[$0.key] == $0.value } }
            }
            for f in rank.sorted(figs) where f.unit == "percent" {
                extras.append("\(name(slot, value)): \(rank.describe(f))")
                c.use(f)
            }
            for f in rank.sorted(figs)
            where f.stat != "employment" && f.unit != "percent" && !(f.unit.hasSuffix("hour") && statistic != "hourly") {
                let extra = exact && f.dimensions.count == d.count ? "" : f.dimensions.filter { d[$0.key] == nil }.map { describe($0.key, $0.value) }.sorted().joined(separator: ", ")
                let column = Column(citation: rank.citation(f), stat: f.stat, unit: f.unit, extra: extra)
                if cells[value, default: [:]][column] == nil {
                    cells[value, default: [:]][column] = f
                    if counts[column] == nil { columnOrder.append(column) }
                    counts[column, default: 0] += 1
                }
            }
        }
        let columns = columnOrder.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }
        .map(\.element).prefix(4)
        guard !columns.isEmpty else {
            c.lines.append(fill(kb.template("compare.none"), ["what": values.map { name(slot, $0) }.joined(separator: " and ")]))
            return c
        }
        c.lines.append(fill(kb.template("compare.title"), ["what": values.map { name(slot, $0) }.joined(separator: " vs ")]))
        var rows: [[String]] = [[""] + columns.map { col in
            let stat = FigureRanking.statNames[col.stat] ?? col.stat
            return (col.extra.isEmpty ? "" : col.extra + ", ") + stat + " [\(columns.firstIndex(of: col).map { $0 + 1 } ?? 0)]"
        }]
        for value in values {
            rows.append([name(slot, value)] + columns.map { cells[value]?[$0]?.formatted ?? "—" })
            for col in columns { if let f = cells[value]?[col] { c.use(f) } }
        }
        c.lines += table(rows)
        for (i, col) in columns.enumerated() { c.lines.append("[\(i + 1)] \(col.citation)") }
        verdict(values, slot: slot, columns: Array(columns), cells: { cells[$0]?[$1] }, &c)
        for line in extras.prefix(3) { c.lines.append("• " + line) }
        let notes = Set(values.flatMap { v in columns.compactMap { cells[v]?[$0]?.note } })
            .filter { $0.lowercased().contains("conflict") || $0.lowercased().contains("disagree") }
        for note in notes.sorted().prefix(2) { c.lines.append("Note: \(note)") }
        return c
    }

    private func verdict(
        _ values: [String], slot: String, columns: [Column], cells: (String, Column) -> SalaryFigure?,
        _ c: inout Composition
    ) {
        guard let col = columns.first(where: { col in values.allSatisfy { cells($0, col)?.central != nil } }) else {
            c.lines.append(kb.template("compare.no_common"))
            return
        }
        let ranked = values.sorted { (cells($0, col)?.central ?? 0) > (cells($1, col)?.central ?? 0) }
        guard let top = ranked.first, let low = ranked.last, let a = cells(top, col), let b = cells(low, col),
            let av = a.central, let bv = b.central
        else { return }
        c.templates.append("compare.verdict")
        c.lines.append(
            fill(kb.template(av == bv ? "compare.tie" : "compare.verdict"), [
                "top": name(slot, top), "low": name(slot, low),
                "difference": SalaryFigure.format(abs(av - bv), unit: a.unit),
                "stat": FigureRanking.statNames[col.stat] ?? col.stat, "source": col.citation,
            ]))
    }
}
