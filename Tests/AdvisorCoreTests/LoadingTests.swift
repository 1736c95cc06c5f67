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
