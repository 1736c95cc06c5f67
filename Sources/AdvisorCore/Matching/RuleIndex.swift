/// The rules compiled for scoring: each rule is filed under the features of one of its groups only (its anchor),
/// and a rule reached through its anchor is checked against the question's features directly.
///
/// A rule needs every group to match, so the group least likely to match is enough to find the rules that can:
/// filing a rule under all its groups had every question that says "coding" or "it" visit every rule with such a
/// word in any group. The anchor is the group whose features the fewest rules use (a rough measure of how common
/// they are). The answer is the same as checking every rule: a rule is complete when each of its groups holds a
/// feature of the question and none of its `not` features is present.
struct RuleIndex: Sendable {
    /// Feature → the rules anchored on it, as ranges of `anchoredRules` (`anchorStart[f]..<anchorStart[f + 1]`).
    private var anchorStart: [Int32] = [0]
    private var anchoredRules: [Int32] = []
    /// Rule → its groups, as ranges of `groupStart` (`ruleGroups[r]..<ruleGroups[r + 1]`); group → its features, as
    /// ranges of `features` (`groupStart[g]..<groupStart[g + 1]`); rule → its `not` features, as ranges of
    /// `notFeatures` (`notStart[r]..<notStart[r + 1]`).
    private var ruleGroups: [Int32] = [0]
    private var groupStart: [Int32] = [0]
    private var features: [Int32] = []
    private var notStart: [Int32] = [0]
    private var notFeatures: [Int32] = []

    init() {}

    init(rules: [Rule], featureCount: Int) {
        // How many rules use each feature: the features most rules share are the ones most questions hold.
        var usage = [Int](repeating: 0, count: featureCount)
        for rule in rules {
            for f in Set(rule.groups.joined()) { usage[f] += 1 }
        }
        var anchored = [[Int32]](repeating: [], count: featureCount)
        for (r, rule) in rules.enumerated() {
            let cost = rule.groups.map { group in group.reduce(0) { $0 + usage[$1] } }
            let anchor = cost.indices.min { cost[$0] < cost[$1] }
            for f in Set(anchor.map { rule.groups[$0] } ?? []) { anchored[f].append(Int32(r)) }
            for group in rule.groups {
                features += group.map(Int32.init)
                groupStart.append(Int32(features.count))
            }
            ruleGroups.append(Int32(groupStart.count - 1))
            notFeatures += rule.not.map(Int32.init)
            notStart.append(Int32(notFeatures.count))
        }
        for list in anchored {
            anchoredRules += list
            anchorStart.append(Int32(anchoredRules.count))
        }
    }

    /// Calls `body` with each rule anchored on a feature of `present`, once per rule and feature.
    @inline(__always)
    func forEachCandidate(of present: FeatureSet, _ body: (Int) -> Void) {
        present.forEachFeature { f in
            guard f + 1 < anchorStart.count else { return }
            for k in Int(anchorStart[f])..<Int(anchorStart[f + 1]) { body(Int(anchoredRules[k])) }
        }
    }

    /// Whether every group of rule `r` holds a feature of `present`, and none of its `not` features is present.
    func isComplete(_ r: Int, in present: FeatureSet) -> Bool {
        for k in Int(notStart[r])..<Int(notStart[r + 1]) where present.contains(Int(notFeatures[k])) { return false }
        for g in Int(ruleGroups[r])..<Int(ruleGroups[r + 1]) {
            var matched = false
            for k in Int(groupStart[g])..<Int(groupStart[g + 1]) where present.contains(Int(features[k])) {
                matched = true
                break
            }
            if !matched { return false }
        }
        return true
    }
}
