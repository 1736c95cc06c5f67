/// Percentile questions ("90th percentile pay in California", "the bottom 10%"): the whole published
/// distribution of one source, in order, so the percentile asked about is there whichever it was.
extension SalaryComposer {
    /// The statistics of a distribution, lowest first, with the names they are written with.
    static let distributionStats: [(stat: String, name: String)] = [
        ("p10", "10th percentile"), ("p25", "25th"), ("median", "median"), ("p75", "75th"), ("p90", "90th"),
    ]

    /// Leads with the first source (in the usual order) that publishes at least two percentiles for the group,
    /// yearly and, when published, hourly; the figures of other sources follow as in `lead`. False when no
    /// source publishes a distribution, for the caller to lead as usual.
    func leadWithPercentiles(_ subject: String, _ figures: [SalaryFigure], _ c: inout Composition) -> Bool {
        let groups = grouped(rank.sorted(figures))
        guard
            let (index, yearly) = groups.indices.lazy.compactMap({ i in
                self.distribution(groups[i].figures, hourly: false).map { (i, $0) }
            }).first
        else { return false }
        let group = groups[index]
        c.templates.append("salary.percentiles")
        c.lines.append(
            fill(
                kb.template("salary.percentiles"),
                ["subject": subject, "distribution": yearly.text, "source": group.citation]
            )
        )
        for f in yearly.used { c.use(f) }
        if let hourly = distribution(group.figures, hourly: true) {
            c.lines.append("• Hourly: " + hourly.text)
            for f in hourly.used { c.use(f) }
        }
        appendSummaries(groups.indices.lazy.filter { $0 != index }.map { groups[$0] }, &c)
        return true
    }

    /// "10th percentile $35,780, 25th $41,740, median $50,250, 75th $62,000, 90th $80,950": the percentiles
    /// (and median) among `figures`, yearly or hourly; nil unless at least two percentiles are there.
    func distribution(_ figures: [SalaryFigure], hourly: Bool) -> (text: String, used: [SalaryFigure])? {
        var parts: [String] = []
        var used: [SalaryFigure] = []
        var percentiles = 0
        for (stat, name) in Self.distributionStats {
            guard let f = figures.first(where: { $0.stat == stat && (hourly ? $0.isHourly : $0.isAnnualUSD) })
            else { continue }
            parts.append("\(name) \(f.formatted)")
            used.append(f)
            if stat != "median" { percentiles += 1 }
        }
        return percentiles >= 2 ? (parts.joined(separator: ", "), used) : nil
    }
}
