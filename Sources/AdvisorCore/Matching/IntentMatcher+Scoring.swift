/// Scoring: the intents a question's features reach, through the rule index (`RuleIndex`).
extension IntentMatcher {
    func score(_ a: inout Analysis, _ conversation: Conversation) {
        // Only the rules anchored on the question's features are visited (`RuleIndex`), never every rule. The
        // scratch (per rule: reached or not, the rules reached; per intent: best score, best rule, the rest's sum)
        // lives on the stack, not the heap.
        let intentCount = model.intents.count
        let ruleCount = model.rules.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * intentCount) { scores in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: intentCount + ruleCount) { ints in
                withUnsafeTemporaryAllocation(of: Bool.self, capacity: ruleCount) { reached in
                    scores.initialize(repeating: 0)
                    ints.initialize(repeating: -2)
                    reached.initialize(repeating: false)
                    let bestScore = UnsafeMutableBufferPointer(rebasing: scores[..<intentCount])
                    let rest = UnsafeMutableBufferPointer(rebasing: scores[intentCount...])
                    let bestRule = UnsafeMutableBufferPointer(rebasing: ints[..<intentCount])
                    let touched = UnsafeMutableBufferPointer(rebasing: ints[intentCount...])
                    var count = 0
                    model.ruleIndex.forEachCandidate(of: a.features) { r in
                        guard !reached[r] else { return }
                        reached[r] = true
                        touched[count] = r
                        count += 1
                    }
                    rankRules(touched[..<count], a.features, bestScore: bestScore, rest: rest, bestRule: bestRule)
                    rank(&a, conversation, bestScore: bestScore, rest: rest, bestRule: bestRule)
                }
            }
        }
    }

    /// Keeps, per intent, its best complete rule and the sum of the other complete rules' scores. Rules are taken in
    /// index order, so the sums do not depend on the order the features reached them.
    private func rankRules(
        _ touched: Slice<UnsafeMutableBufferPointer<Int>>,
        _ features: FeatureSet,
        bestScore: UnsafeMutableBufferPointer<Double>,
        rest: UnsafeMutableBufferPointer<Double>,
        bestRule: UnsafeMutableBufferPointer<Int>
    ) {
        var candidates = UnsafeMutableBufferPointer(rebasing: touched)
        candidates.sort()
        for index in candidates where model.ruleIndex.isComplete(index, in: features) {
            let rule = model.ruleShapes[index]
            let i = rule.intent
            if bestRule[i] == -2 {
                (bestScore[i], bestRule[i]) = (rule.score, index)
            } else if rule.score > bestScore[i] || (rule.score == bestScore[i] && index < bestRule[i]) {
                // Ties go to the rule written first, whatever order the rules were reached in.
                rest[i] += bestScore[i]
                (bestScore[i], bestRule[i]) = (rule.score, index)
            } else {
                rest[i] += rule.score
            }
        }
    }

    /// Ranks the intents reached: best rule plus capped support, the follow-up bonus for the previous intent.
    private func rank(
        _ a: inout Analysis,
        _ conversation: Conversation,
        bestScore: UnsafeMutableBufferPointer<Double>,
        rest: UnsafeMutableBufferPointer<Double>,
        bestRule: UnsafeMutableBufferPointer<Int>
    ) {
        let intentCount = bestScore.count
        let s = model.settings
        // Small talk and out of scope are not continued: "so what is a CPC?" after "hello" is a new question.
        let last = conversation.lastIntent.flatMap {
            model.context.notContinued.contains($0) ? nil : model.intentIndex[$0]
        }
        if a.isFollowUp, let last, bestRule[last] == -2 {
            (bestScore[last], bestRule[last]) = (s.outOfScopeBelow, -1)
        }
        // A follow-up leans towards the previous intent, unless another intent is clearly asked for.
        let clear = bestRule.indices.contains { $0 != last && bestRule[$0] != -2 && bestScore[$0] >= s.clearIntent }
        var ranking: [IntentScore] = []
        ranking.reserveCapacity(8)
        for i in 0..<intentCount where bestRule[i] != -2 {
            var total = bestScore[i] + min(s.supportCap, s.supportWeight * rest[i])
            if a.isFollowUp, !clear, i == last { total += s.followUpBonus }
            let intent = model.intents[i]
            if bestRule[i] == -1 {
                ranking.append(
                    IntentScore(
                        intent: intent,
                        score: total,
                        rule: "Intents/context.yaml",
                        ruleText: "follow-up of the previous question"
                    )
                )
            } else {
                let r = bestRule[i]
                ranking.append(
                    IntentScore(
                        intent: intent,
                        score: total,
                        rule: model.rules[r].origin,
                        ruleText: model.rules[r].text,
                        lead: model.rules[r].lead?.template
                    )
                )
            }
        }
        ranking.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        a.ranking = ranking
    }
}
