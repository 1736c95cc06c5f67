/// A region named beside states: "compare coder salaries in florida, georgia and the carolinas".
extension Advisor {
    /// A region named in a list of states joins the list as its states (Knowledge/regions.yaml): "florida, georgia
    /// and the carolinas" compares four states. A region named alone, or with one state as an example ("the midwest,
    /// like illinois", "new england? I'm in rhode island"), stays as it was.
    func joinRegionStates(_ a: Analysis, _ slots: inout Slots) {
        guard !slots["state"].isEmpty, !slots["region"].isEmpty,
            a.entities.filter({ $0.slot == "state" }).count >= 2,
            a.entities.contains(where: { $0.slot == "region" && listsWithState($0, a) })
        else { return }
        var states = slots["state"]
        for region in slots["region"] {
            for code in region.text.flatMap({ knowledge.regions[$0]?.states }) ?? [] {
                let value = SlotValue.text(code)
                if !states.contains(value) { states.append(value) }
            }
        }
        slots["state"] = states
        slots["region"] = []
    }

    /// Whether a region stands in a list with a state: right beside it, or with one joining word between ("georgia
    /// and the carolinas", "the dakotas or ohio"); "WA or OR for a coder moving out west" names the region apart.
    private func listsWithState(_ region: Entity, _ a: Analysis) -> Bool {
        a.entities.contains { state in
            guard state.slot == "state" else { return false }
            let (before, after) =
                state.tokens.upperBound < region.tokens.lowerBound
                ? (state.tokens.upperBound, region.tokens.lowerBound)
                : (region.tokens.upperBound, state.tokens.lowerBound)
            if after == before + 1 { return true }
            return after == before + 2 && Self.regionJoiners.contains(a.tokens[before + 1].text)
        }
    }

    /// Words that join a region and a state in one list.
    static let regionJoiners: Set<String> = ["and", "or", "vs", "versus", "plus"]
}
