/// The values of one slot ranked by their lead annual figure (a mean or average where published,
/// else the first central annual figure in ranking order), and a guide's own top figure.
struct SlotRanking: Sendable {
    let entries: [(value: String, figure: SalaryFigure)]
    /// The highest figure any guide gives for a single value, to show when guides disagree.
    let guideTop: SalaryFigure?

    /// - Parameter figures: figures with `slot` as their only dimension, in ranking order.
    init(slot: String, figures: [SalaryFigure], sources: [String: Source]) {
        var best: [(value: String, figure: SalaryFigure)] = []
        var seen = Set<String>()
        let means = figures.filter { $0.stat == "mean" || $0.stat == "average" }
        for f in means + figures {
            guard let v = f.dimensions[slot], f.isAnnualUSD, !["p10", "p25", "p75", "p90"].contains(f.stat),
                f.central != nil, seen.insert(v).inserted
            else { continue }
            best.append((v, f))
        }
        best.sort { ($0.figure.central ?? 0) > ($1.figure.central ?? 0) }
        entries = best
        guideTop = figures.filter { sources[$0.source]?.kind == "guide" }
            .max(by: { ($0.central ?? 0) < ($1.central ?? 0) })
    }
}
