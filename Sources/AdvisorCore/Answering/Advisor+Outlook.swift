/// Jobs by state for outlook questions: "how many coders work in Texas", "which of those two states has more jobs".
extension Advisor {
    /// Puts the number of medical records specialists each state named (or each state of a region named) employs (BLS OEWS state files, newest year)
    /// before the outlook answer, largest first when several are named, and cites the files.
    func addStateEmployment(_ slots: Slots, to c: inout Composition) {
        var found: [(state: String, figure: SalaryFigure)] = []
        // A region ("coding jobs in the midwest") stands for its states.
        var states = slots["state"].compactMap(\.text)
        if states.isEmpty, slots["metro"].isEmpty {
            states = slots["region"].compactMap { $0.text.flatMap { knowledge.regions[$0]?.states } }.flatMap { $0 }
        }
        for state in states {
            let figures = knowledge.figures(exactly: ["state": state])
            let jobs = figures.filter { $0.stat == "employment" && $0.value != nil }
            guard let newest = jobs.max(by: { $0.sortYear < $1.sortYear }) else { continue }
            found.append((state, newest))
        }
        guard !found.isEmpty else { return }
        found.sort { ($0.figure.value ?? 0) > ($1.figure.value ?? 0) }
        c.templates.append("outlook.state_jobs")
        let template = knowledge.template("outlook.state_jobs")
        let lines = found.map { state, figure in
            let jobs = SalaryFigure.grouped(Int((figure.value ?? 0).rounded()))
            return fill(template, ["state": displayName("state", state), "jobs": jobs, "source": figure.citation])
        }
        c.lines.insert(contentsOf: lines, at: 0)
        for (_, figure) in found { c.use(figure) }
    }
}
