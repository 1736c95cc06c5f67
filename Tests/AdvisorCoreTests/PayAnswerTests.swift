import Testing

@testable import AdvisorCore

/// What a pay answer may show: levels of pay, never a share, a count or a benefit; percentile questions get the
/// distribution of one source.
@Suite("Pay answers")
struct PayAnswerTests {
    let advisor = AdvisorFixture.shared

    func answer(_ text: String) -> Answer {
        var conversation = Conversation()
        return advisor.answer(text, in: &conversation)
    }

    @Test(
        "a pay answer leaves out figures that are no level of pay",
        arguments: [
            "how much do remote coders make", "typical hourly rate for a remote coder?",
            "what do remote coders make in texas",
        ]
    )
    func noSharesInPayAnswers(_ question: String) {
        let a = answer(question)
        #expect(a.intent == "salary")
        #expect(!a.text.contains("share"), "\(a.text)")
        #expect(!a.text.contains("unemployment"), "\(a.text)")
    }

    @Test("the remote share is still cited where remote work is the topic")
    func shareInRemoteWorkAnswer() {
        let a = answer("can I work from home as a coder?")
        #expect(a.intent == "remote_work")
        #expect(a.text.contains("55%"))
    }

    @Test(
        "a percentile question shows a distribution, or says none is published",
        arguments: [
            ("90th percentile pay in new jersey", "by percentile: 10th percentile"),
            ("percentiles for CPC pay", "No source I have publishes percentiles"),
        ]
    )
    func percentiles(_ question: String, _ expected: String) {
        let a = answer(question)
        #expect(a.text.contains(expected), "\(a.text)")
        #expect(!a.text.contains("Same source: \n") && !a.text.hasSuffix("Same source: "))
    }

    @Test(
        "a group is named as coders, the noun once",
        arguments: [
            ("how much do remote coders make", "for remote coders."),
            ("entry level remote coder pay in ohio", "for entry-level, remote coders in Ohio together"),
        ]
    )
    func groupNames(_ question: String, _ expected: String) {
        #expect(answer(question).text.contains(expected), "\(answer(question).text)")
    }

    @Test("a comparison sets like beside like: a column every value has, even from a weaker source, which it says")
    func likeForLike() {
        let a = answer("cpb vs cpc salary which is higher")
        #expect(a.intent == "salary_compare")
        #expect(a.text.contains("$56,981"), "\(a.text)")
        #expect(a.text.contains("$58,895"), "\(a.text)")
        #expect(a.text.contains("CPC is higher than CPB by $1,914 (median"), "\(a.text)")
        #expect(a.text.contains("Only a lower-reliability source"), "\(a.text)")
        // Where a trusted source covers every value, no such warning.
        let states = answer("nj vs ny coder pay")
        #expect(!states.text.contains("lower-reliability"), "\(states.text)")
    }

    @Test("'which state pays the least' ranks from the bottom; two values side by side are a comparison")
    func lowestAndComparisons() {
        let least = answer("which state pays medical coders the least?")
        #expect(least.text.hasPrefix("Lowest-paying state"), "\(least.text)")
        #expect(least.text.contains("Alabama"))
        #expect(answer("which state pays coders the most?").text.hasPrefix("Highest-paying state"))
        let pair = answer("Colorado vs Arizona median for coders")
        #expect(pair.intent == "salary_compare")
        #expect(pair.slots["state"] == [.text("CO"), .text("AZ")])
    }

    @Test("a place set against the nation compares the two from one survey, with the difference and its share")
    func placeAgainstNation() {
        let below = answer("is arizona above or below the national median for coders")
        #expect(below.intent == "salary_compare")
        #expect(below.text.hasPrefix("Arizona's median ($49,790) is $460 (1%) below the national median ($50,250)"))
        let mean = answer("how far below the national average is mississippi for coders")
        #expect(mean.text.hasPrefix("Mississippi's mean ($43,940) is $12,030 (21%) below the national mean"))
        // Two places are compared with each other, not with the nation.
        #expect(!answer("ohio vs texas vs national coder pay").text.contains("the national"))
    }

    @Test("a list written with commas keeps every value")
    func commaLists() {
        #expect(answer("compare coder pay in NC, SC and GA").slots["state"] == [.text("NC"), .text("SC"), .text("GA")])
        #expect(answer("wa vs or coder salary").slots["state"] == [.text("WA"), .text("OR")])
        #expect(answer("entry level coder pay w/ no experience in pa").slots["state"] == [.text("PA")])
        // A lower-case code after "in" that ends a clause is the place too; one inside a phrase is not.
        #expect(answer("oncology coder at a hospital in pa, 6 yrs").slots["state"] == [.text("PA")])
        #expect(answer("8 yrs as a cpc in ga whats the next step").slots["state"] == [.text("GA")])
        #expect(answer("is coding in or out of the hospital better").slots["state"].isEmpty)
    }

    @Test("CEUs for several credentials of one issuer: the total from its table, cited")
    func renewalTotal() {
        let three = answer("how many CEUs do you need with 3 AAPC credentials")
        #expect(three.text == "Holding 3 AAPC credentials: 44 CEUs every 2 years in all (AAPC).", "\(three.text)")
        let pair = answer("how many CEUs every 2 years if i hold both CPC and CRC")
        #expect(pair.text.hasPrefix("Holding 2 AAPC credentials: 40 CEUs"), "\(pair.text)")
        // Credentials of two issuers have no one table.
        #expect(!answer("how many CEUs if i hold both CPC and CCS").text.hasPrefix("Holding"))
    }

    @Test("what happens when a renewal lapses: the issuer's rule, asked alone or beside the renewal, said once for all")
    func renewalLapse() {
        let dues = answer("what happens if i dont pay my aapc dues, do i lose my cpc")
        #expect(dues.text.contains("If it lapses") && dues.text.contains("90 days"), "\(dues.text)")
        // The renewal of any AAPC credential carries the rule beside it.
        #expect(answer("how many ceus for the crc").text.contains("revoked if dues or CEUs are not in within 90 days"))
        // Asked of no credential, the rule is the issuer's: told once, not once per credential.
        let lapse = answer("what happens if my aapc credential lapses")
        #expect(lapse.text.components(separatedBy: "If it lapses").count == 2, "\(lapse.text)")
    }

    @Test("a range one source gives several roles together leads with what it covers: a coding manager's pay")
    func sharedRangeCaveat() {
        let manager = answer("what does a coding manager make")
        #expect(manager.intent == "salary" && manager.slots["role"] == [.text("manager")])
        let lines = manager.text.split(separator: "\n")
        #expect(lines.first?.contains("$70,000–$90,000") == true, "\(manager.text)")
        #expect(lines.count > 1 && lines[1].hasPrefix("Note:") && lines[1].contains("together"), "\(manager.text)")
        // A figure without a caveat gets no such line.
        #expect(!answer("cpc salary").text.contains("Note: the guide gives one range"))
    }
}
