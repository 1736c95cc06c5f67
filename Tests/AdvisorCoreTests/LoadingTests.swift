import Testing

@testable import AdvisorCore

@Suite("Loading")
struct LoadingTests {
    @Test("the embedded data loads and covers every contract intent")
    func embeddedLoads() throws {
        let advisor = AdvisorFixture.shared
        let contract = [
            "greeting", "goodbye", "thanks", "help", "salary", "salary_compare", "salary_factors", "salary_tips",
            "benefits", "cert_info", "cert_exam", "cert_recommend", "cert_compare", "education", "job_outlook",
            "career_path", "work_settings", "remote_work", "job_search", "interview", "skills", "code_sets",
            "coding_vs_billing", "job_duties", "technology", "specialties", "career_fit", "out_of_scope",
        ]
        for intent in contract { #expect(advisor.model.intents.contains(intent), "no rules for \(intent)") }
        #expect(advisor.knowledge.credentials.count >= 13)
        #expect(advisor.knowledge.figures(exactly: ["state": "OH"]).isEmpty == false)
    }
}

@Suite("Input lines")
struct InputLineTests {
    @Test("a numeric id is accepted and echoed as text; a boolean id is an error")
    func ids() {
        #expect(InputLine.parse(#"{"id": 7, "text": "hi"}"#) == .question(text: "hi", user: nil, id: "7"))
        #expect(
            InputLine.parse(#"{"id": "a1", "user": "u", "text": "hi"}"#) == .question(text: "hi", user: "u", id: "a1")
        )
        if case .problem = InputLine.parse(#"{"id": true, "text": "hi"}"#) {
        } else {
            Issue.record("a boolean id must be refused")
        }
    }

    @Test("bad lines get a clear problem, never a crash")
    func problems() {
        #expect(InputLine.parse("   ") == .problem(.empty, id: nil))
        #expect(InputLine.parse([0xFF, 0xFE, 0x41]) == .problem(.invalidUTF8, id: nil))
        #expect(InputLine.parse("a\u{0}b") == .problem(.controlCharacters, id: nil))
        #expect(
            InputLine.parse(String(repeating: "x", count: InputLine.maximumBytes + 1))
                == .problem(.tooLong(InputLine.maximumBytes + 1), id: nil)
        )
        #expect(InputLine.parse(#"{"text": 5}"#) == .problem(.badJSON("'text' must be a string"), id: nil))
        #expect(InputLine.parse(#"{"text": "hi""#) == .problem(.badJSON("not valid JSON"), id: nil))
        #expect(InputLine.parse(#"{"type": "dance"}"#) == .problem(.unknownType("dance"), id: nil))
        let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect(InputLine.parse("{\"text\": \(deep)}") == .problem(.badJSON("not valid JSON"), id: nil))
    }
}
