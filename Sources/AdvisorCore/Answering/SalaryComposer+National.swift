import FoundationEssentials

/// "Is Arizona above the national median?": a place's figure set beside the national one from the same survey.
extension SalaryComposer {
    /// The line comparing the one place in `slots` with the nation, by the first statistic both publish in one
    /// survey (the statistic asked for first); nil when no such pair is published.
    func againstNation(_ slots: Slots) -> Composition? {
        var d = dimensions(slots)
        d["country"] = nil
        guard d.count == 1, let (slot, value) = d.first, slot == "state" || slot == "metro" else { return nil }
        let statistic = slots.text("statistic")
        let place = rank.sorted(
            rank.filter(kb.figures(exactly: d), statistic: statistic),
            prefer: FigureRanking.preferred(statistic)
        )
        let nation = kb.figures(exactly: [:])
        for f in place where f.isAnnualUSD || f.isHourly {
            guard let v = f.central,
                let n = nation.first(where: { $0.stat == f.stat && $0.unit == f.unit && $0.citation == f.citation }),
                let nv = n.central, nv > 0
            else { continue }
            let percent = Int((abs(v - nv) / nv * 100).rounded())
            var c = Composition()
            c.templates.append(v == nv ? "salary.level_with_nation" : "salary.against_nation")
            c.query = "\(slot)=\(value) against national, stat=\(f.stat)"
            c.lines.append(
                fill(
                    kb.template(v == nv ? "salary.level_with_nation" : "salary.against_nation"),
                    [
                        "place": name(slot, value), "stat": FigureRanking.statNames[f.stat] ?? f.stat,
                        "value": f.formatted, "national": n.formatted,
                        "difference": SalaryFigure.format(abs(v - nv), unit: f.unit), "percent": "\(percent)%",
                        "direction": v > nv ? "above" : "below", "source": f.citation,
                    ]
                )
            )
            c.use(f)
            c.use(n)
            return c
        }
        return nil
    }
}
