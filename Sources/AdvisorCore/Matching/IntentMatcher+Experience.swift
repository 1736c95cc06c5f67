/// Several values of one slot that are not a comparison: durations in a story, "yearly" beside a statistic.
extension IntentMatcher {
    /// "the median yearly salary": "yearly" (the statistic `annual`, the default period) says nothing more beside
    /// another statistic, and two statistics would read as a list. "average coder wage per hour", "median hourly
    /// pay": the hourly figures are asked for, and an hourly answer gives their median and mean.
    func dropDefaultPeriod(_ a: inout Analysis) {
        guard a.entities.contains(where: { $0.slot == "statistic" && $0.value != .text("annual") }) else { return }
        a.entities.removeAll { $0.slot == "statistic" && $0.value == .text("annual") }
        guard a.entities.contains(where: { $0.slot == "statistic" && $0.value == .text("hourly") }) else { return }
        a.entities.removeAll { $0.slot == "statistic" && ($0.value == .text("mean") || $0.value == .text("median")) }
    }

    /// Years away from work, or in another job, are no coding experience: "been out of the workforce 11 years
    /// caring for my mom", "after 15 years home with kids" (a phrase of `gap_phrases` within five words of the
    /// number), "8 years as a dental assistant", "a pharmacy tech for 6 years" (a job of `other_work` within four
    /// words before or five after), unless a word of `experience_words` follows the number ("5 years coding, then
    /// 3 years off").
    func dropYearsAway(_ a: inout Analysis) {
        let numbers = model.numbers
        guard !numbers.gapPhrases.isEmpty || !numbers.otherWork.isEmpty,
            a.entities.contains(where: { $0.slot == "experience_years" })
        else { return }
        let words = a.words
        let ids = a.phraseIDs
        a.entities.removeAll { entity in
            guard entity.slot == "experience_years", !isSaidToBeExperience(entity, words) else { return false }
            let after = min(words.count, entity.tokens.upperBound + 6)
            let window = max(0, entity.tokens.lowerBound - 5)..<after
            if numbers.gapPhrases.occurs(in: ids, within: window) {
                return true
            }
            let near = max(0, entity.tokens.lowerBound - 4)..<after
            return numbers.otherWork.occurs(in: ids, within: near)
        }
    }

    /// A question that tells a story names durations that are not all experience ("I stepped away for three years;
    /// before that I was a CPC with 6 years of experience", "after 15 years at home, what do people make with 2
    /// years on the job?"). Unless it compares them (a word of `comparison_words`, or "2 to 10 years", "2 and 10
    /// years"), one value is kept: the one said to be experience (`experience_words` after it), else the last.
    func keepOneExperience(_ a: inout Analysis) {
        // Most questions name no years or one: those leave without a list being made.
        guard let first = a.entities.firstIndex(where: { $0.slot == "experience_years" }),
            a.entities[(first + 1)...].contains(where: {
                $0.slot == "experience_years" && $0.value != a.entities[first].value
            }),
            !hasComparisonWord(a)
        else { return }
        let years = a.entities.indices.filter { a.entities[$0].slot == "experience_years" }
        // "from 2 to 10 years", "2 and 10 years": two values joined by one word are a span or a list, not a story.
        for (first, second) in zip(years, years.dropFirst()) {
            let gap = a.entities[second].tokens.lowerBound - a.entities[first].tokens.upperBound
            if gap <= 2 { return }
        }
        let keep = years.last { isSaidToBeExperience(a.entities[$0], a.words) } ?? years[years.count - 1]
        let start = a.entities[keep].tokens.lowerBound
        a.entities.removeAll { $0.slot == "experience_years" && $0.tokens.lowerBound != start }
    }

    /// Whether a word of `experience_words` comes within three words after a number of years ("6 years of
    /// experience", "5 years coding").
    func isSaidToBeExperience(_ entity: Entity, _ words: [String]) -> Bool {
        let after = entity.tokens.upperBound + 1
        return (after..<min(after + 3, words.count)).contains { model.numbers.experienceWords.contains(words[$0]) }
    }
}
