import Testing

@testable import AdvisorCore

/// Which section or which credentials an answer is written from when the question names little itself.
@Suite("Topic and credential answers")
struct TopicAnswerTests {
    @Test("a role in the conversation favours its section over the setting worked in: auditing leads to the CPMA")
    func roleOverSetting() {
        let auditing = AdvisorFixture.converse([
            "how do I move from coding into auditing? 8 yrs outpatient", "what cert would help with that",
        ])
        #expect(auditing[1].intent == "cert_recommend")
        #expect(auditing[1].trace.query.hasSuffix("cert-recommend-auditor"), "\(auditing[1].trace.query)")
        #expect(auditing[1].text.contains("CPMA"))
        // Without the role, the setting still picks the section.
        let outpatient = AdvisorFixture.converse(["i code hospital outpatient", "what cert would help me"])
        #expect(
            outpatient[1].trace.query.hasSuffix("cert-recommend-hospital-outpatient"),
            "\(outpatient[1].trace.query)"
        )
    }

    @Test("exam facts asked of an issuer cover that issuer's credentials alone")
    func issuerNamed() {
        let ahima = AdvisorFixture.ask("ahima recert fee?")
        #expect(ahima.intent == "cert_exam")
        #expect(ahima.text.contains("$218") && ahima.text.contains("RHIT"), "\(ahima.text)")
        #expect(!ahima.text.contains("CPC"))
        let aapc = AdvisorFixture.ask("how many ceus does aapc want")
        #expect(aapc.text.contains("CPC") && !aapc.text.contains("AHIMA"), "\(aapc.text)")
        // With no issuer named, every credential with the facts asked about.
        let all = AdvisorFixture.ask("what are the renewal requirements for coding credentials")
        #expect(all.text.contains("CPC (") && all.text.contains("CCS ("), "\(all.text)")
    }
}
