/// Scoring: the intents a question's features reach, through the rules' postings.
extension IntentMatcher {
    func score(_ a: inout Analysis, _ conversation: Conversation) {
        // Only the rules the question's features touch are visited (postings), never every rule. The
        // per-rule scratch (group bits, blocked flag) lives on the stack, not the heap.
        let intentCount = model.intents.count
        var bestScore = [Double](repeating: 0, count: intentCount)
        var rest = [Double](repeating: 0, count: intentCount)
        var bestRule = [Int](repeating: -2, count: intentCount)
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: model.rules.count) { masks in
            masks.initialize(repeating: 0)
            var touched: [Int] = []
            touched.reserveCapacity(64)
            a.features.forEachFeature { f in
                for p in model.postings[f] {
                    if masks[p.rule] == 0 { touched.append(p.rule) }
                    masks[p.rule] |= (1 << UInt64(p.group))
                }
                // A `not` term blocks the rule whatever else it matched: the top bit marks it.
                for r in model.notPostings[f] {
                    if masks[r] == 0 { touched.append(r) }
                    masks[r] |= 1 << 63
                }
            }
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
        let s = model.settings
        let last = conversation.lastIntent.flatMap { model.intentIndex[$0] }
        if a.isFollowUp, let last, conversation.lastIntent != "out_of_scope", bestRule[last] == -2 {
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
