/// Scoring: the intents a question's features reach, through the rules' postings.
extension IntentMatcher {
    func score(_ a: inout Analysis, _ conversation: Conversation) {
        // Only the rules the question's features touch are visited (postings), never every rule. The
        // scratch (per rule: group bits and blocked flag, the rules touched; per intent: best score, best
        // rule, the rest's sum) lives on the stack, not the heap.
        let intentCount = model.intents.count
        let ruleCount = model.rules.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * intentCount) { scores in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: intentCount + ruleCount) { ints in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: ruleCount) { masks in
                    scores.initialize(repeating: 0)
                    ints.initialize(repeating: -2)
                    masks.initialize(repeating: 0)
                    let bestScore = UnsafeMutableBufferPointer(rebasing: scores[..<intentCount])
                    let rest = UnsafeMutableBufferPointer(rebasing: scores[intentCount...])
                    let bestRule = UnsafeMutableBufferPointer(rebasing: ints[..<intentCount])
                    let touched = UnsafeMutableBufferPointer(rebasing: ints[intentCount...])
                    let count = collectRules(a.features, masks: masks, touched: touched)
                    rankRules(touched[..<count], masks: masks, bestScore: bestScore, rest: rest, bestRule: bestRule)
                    rank(&a, conversation, bestScore: bestScore, rest: rest, bestRule: bestRule)
                }
            }
        }
    }

    /// Marks, for every rule a feature posts to, the groups it matched (the top bit: a `not` term
    /// matched), and lists each rule reached once. Returns how many rules were reached.
    private func collectRules(
        _ features: FeatureSet,
        masks: UnsafeMutableBufferPointer<UInt64>,
        touched: UnsafeMutableBufferPointer<Int>
    ) -> Int {
        var count = 0
        features.forEachFeature { f in
            for p in model.postings[f] {
                if masks[p.rule] == 0 {
                    touched[count] = p.rule
                    count += 1
                }
                masks[p.rule] |= (1 << UInt64(p.group))
            }
            // A `not` term blocks the rule whatever else it matched: the top bit marks it.
            for r in model.notPostings[f] {
                if masks[r] == 0 {
                    touched[count] = r
                    count += 1
                }
                masks[r] |= 1 << 63
            }
        }
        return count
    }

    /// Keeps, per intent, its best complete rule and the sum of the other complete rules' scores.
    private func rankRules(
        _ touched: Slice<UnsafeMutableBufferPointer<Int>>,
        masks: UnsafeMutableBufferPointer<UInt64>,
        bestScore: UnsafeMutableBufferPointer<Double>,
        rest: UnsafeMutableBufferPointer<Double>,
        bestRule: UnsafeMutableBufferPointer<Int>
    ) {
        for index in touched where masks[index] >> 63 == 0 {
            let rule = model.ruleShapes[index]
            guard masks[index].nonzeroBitCount == rule.groups else { continue }
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
                        ruleText: model.rules[r].text
                    )
                )
            }
        }
        ranking.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        a.ranking = ranking
    }
}
