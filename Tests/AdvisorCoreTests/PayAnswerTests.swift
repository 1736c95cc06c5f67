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
}
