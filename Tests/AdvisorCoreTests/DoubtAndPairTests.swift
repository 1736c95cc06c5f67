import Foundation
import Testing

@testable import AdvisorCore

/// A figure doubted, a pair pointed back to, and the other side of a numeric comparison.
@Suite("Doubts and pairs")
struct DoubtAndPairTests {
    @Test("doubting a pay figure asks the same pay question again, even with a word of another topic in it")
    func doubtedFigure() {
        let degree = AdvisorFixture.converse(["what do RHITs actually make", "that seems low for a degree"])
        #expect(degree[1].intent == "salary" && degree[1].slots["credential"] == [.text("RHIT")])
        let exam = AdvisorFixture.converse(["what does a CCS make", "that seems low for a supposedly hard exam"])
        #expect(exam[1].intent == "salary" && exam[1].slots["credential"] == [.text("CCS")])
        let cousin = AdvisorFixture.converse([
            "coder pay in florida", "that can't be right, my cousin makes way less than that",
        ])
        #expect(cousin[1].intent == "salary" && cousin[1].slots["state"] == [.text("FL")])
        #expect(cousin[1].text.contains("$45,990"), "\(cousin[1].text)")
        let starting = AdvisorFixture.converse([
            "and what would i make starting out", "seriously? thats less than i thought",
        ])
        #expect(starting[1].slots["experience_level"] == [.text("entry")])
        // Naming another place is a new question, not a doubt.
        let newark = AdvisorFixture.converse(["coder pay in trenton", "is Newark's pay higher than that"])
        #expect(newark[1].intent == "salary_compare")
        // Without a pay answer before it, a doubt is no pay question.
        #expect(AdvisorFixture.ask("that seems low").intent != "salary")
    }

    @Test("a doubted figure is answered under the rule's lead line; the same question asked plainly is not")
    func doubtLead() {
        let turns = AdvisorFixture.converse(["coder pay in ohio", "are you sure? that seems low", "coder pay in ohio"])
        #expect(turns[1].trace.template.hasPrefix("lead.doubted"), "\(turns[1].trace.template)")
        let lines = turns[1].text.split(separator: "\n", maxSplits: 1).map(String.init)
        #expect(lines.count == 2 && turns[1].text.hasSuffix(turns[0].text), "\(turns[1].text)")
        #expect(!turns[2].trace.template.contains("lead."))
        #expect(turns[2].text == turns[0].text)
    }

    @Test("asking where a figure comes from keeps the question; 'and nationally?' leaves the place")
    func sourceAndNation() {
        let source = AdvisorFixture.converse(["coder pay in minnesota", "where's the mn number from"])
        #expect(source[1].intent == "salary" && source[1].slots["state"] == [.text("MN")], "\(source[1].slots)")
        #expect(source[1].text.contains("BLS"))
        let exam = AdvisorFixture.converse(["how much is the cpc exam", "is that from aapc's site or a third party"])
        #expect(exam[1].intent == "cert_exam" && exam[1].slots["credential"] == [.text("CPC")])
        let nation = AdvisorFixture.converse(["whats the median coder salary in california", "and nationally"])
        #expect(nation[1].intent == "salary" && nation[1].slots["state"].isEmpty, "\(nation[1].slots)")
        #expect(nation[1].text.contains("50,250"), "\(nation[1].text)")
        // Thanks for the sources is thanks.
        let thanks = AdvisorFixture.converse([
            "coder pay in ohio", "cheers, that gives me what i need for the citation",
        ])
        #expect(thanks[1].intent == "thanks")
    }

    @Test("a comparison naming nothing compares the list in focus; a choice on another topic takes the last two values")
    func comparisonOfTheListInFocus() {
        let exam = AdvisorFixture.converse(["cic vs ccs", "which exam is harder"])
        #expect(exam[1].intent == "cert_compare", "\(exam[1].intent)")
        #expect(exam[1].slots["credential"] == [.text("CIC"), .text("CCS")], "\(exam[1].slots)")
        // A ranking still ranks everything: "which state pays the most" after two states.
        let ranking = AdvisorFixture.converse(["coder pay texas vs ohio", "which state pays the most"])
        #expect(ranking[1].slots["state"].count != 2, "\(ranking[1].slots)")
        let demand = AdvisorFixture.converse([
            "how much do orthopedic coders make", "and cardiology", "which one's more in demand",
        ])
        #expect(demand[2].intent == "specialties")
        #expect(demand[2].slots["specialty"] == [.text("orthopedics"), .text("cardiology")], "\(demand[2].slots)")
        // Between two credentials asked about one by one, "which one should i take first" weighs both.
        let first = AdvisorFixture.converse([
            "what does it cost to take the cca", "and the ccs", "which one should i take first",
        ])
        #expect(first[2].slots["credential"] == [.text("CCA"), .text("CCS")], "\(first[2].slots)")
        // A superlative naming nothing, after three places asked one by one, ranks all three.
        let three = AdvisorFixture.converse([
            "coder pay in rhode island", "and connecticut", "and massachusetts", "ok so which is highest",
        ])
        #expect(three[3].slots["state"] == [.text("RI"), .text("CT"), .text("MA")], "\(three[3].slots)")
        // "the cheaper one" points back at the pair and picks the one with the lower first fee (`credential_picks`).
        let cheaper = AdvisorFixture.converse(["cca vs ccs exam", "how many questions on the cheaper one"])
        #expect(cheaper[1].slots["credential"] == [.text("CCA")], "\(cheaper[1].slots)")
        // An acknowledgement closes a topic only alone: "gotcha, and what about texas" goes on with pay.
        #expect(AdvisorFixture.converse(["coder pay in ohio", "ok cool"])[1].intent == "thanks")
        let ack = AdvisorFixture.converse(["coder pay in ohio", "gotcha, and what about texas"])
        #expect(ack[1].intent == "salary" && ack[1].slots["state"] == [.text("TX")], "\(ack[1].intent)")
        // Without a choice phrase the topic keeps the value in focus alone.
        let alone = AdvisorFixture.converse(["how much do orthopedic coders make", "and cardiology", "is it in demand"])
        #expect(alone[2].slots["specialty"].count <= 1, "\(alone[2].slots)")
    }

    @Test("a reference concept must be a concept some rule uses, reported where context.yaml names it")
    func referenceConceptChecked() throws {
        let files = try DataSource.embedded.files()
        let context = try #require(files.first { $0.path == "Intents/context.yaml" })
        let broken = context.text.replacingOccurrences(
            of: "reference_concepts: [source_question]",
            with: "reference_concepts: [no_such_concept]"
        )
        #expect(broken != context.text)
        let edited = files.map { $0.path == context.path ? DataFile(path: context.path, text: broken) : $0 }
        let error = #expect(throws: LoadError.self) { try Advisor(source: .files(edited)) }
        #expect(error?.file == context.path && (error?.line ?? 0) > 0 && (error?.column ?? 0) > 0)
        #expect(error?.message.contains("no_such_concept") == true)
    }

    @Test(
        "'the harder one', 'the cheaper one' pick from the credentials in focus by what is published; a tie picks none"
    )
    func credentialPicks() {
        let harder = AdvisorFixture.converse([
            "cpc vs ccs which should i get", "how much is the exam for the harder one",
        ])
        #expect(harder[1].intent == "cert_exam" && harder[1].slots["credential"] == [.text("CCS")])
        // The two discussed one after the other, by the first exam fee each quotes (CCA $199/$299, CCS $299/$399).
        let cheaper = AdvisorFixture.converse([
            "how much is the CCA exam", "and the ccs?", "ok how hard is the cheaper one",
        ])
        #expect(cheaper[2].slots["credential"] == [.text("CCA")])
        // No difficulty is published for the CIC: both stay.
        let unknown = AdvisorFixture.converse(["cpc vs cic", "how long to study for the harder one"])
        #expect(unknown[1].slots["credential"] == [.text("CPC"), .text("CIC")])
    }

    @Test("a credential pick must compare an attribute some credential states, reported where it is named")
    func credentialPickChecked() throws {
        let files = try DataSource.embedded.files()
        let context = try #require(files.first { $0.path == "Intents/context.yaml" })
        let broken = context.text.replacingOccurrences(of: "attribute: exam_fee", with: "attribute: exam_fees")
        #expect(broken != context.text)
        let edited = files.map { $0.path == context.path ? DataFile(path: context.path, text: broken) : $0 }
        let error = #expect(throws: LoadError.self) { try Advisor(source: .files(edited)) }
        #expect(error?.file == context.path && (error?.line ?? 0) > 0 && (error?.column ?? 0) > 0)
        #expect(error?.message.contains("exam_fees") == true)
    }

    @Test("a rule's lead must name a lead template that exists, reported where the rule names it")
    func leadTemplateChecked() throws {
        let files = try DataSource.embedded.files()
        let rules = try #require(files.first { $0.path == "Intents/rules/greeting.yaml" })
        func loading(lead: String) -> LoadError? {
            let broken = rules.text.replacingOccurrences(of: "score:", with: "lead: \(lead), score:")
            let edited = files.map { $0.path == rules.path ? DataFile(path: rules.path, text: broken) : $0 }
            return #expect(throws: LoadError.self) { try Advisor(source: .files(edited)) }
        }
        let missing = try #require(loading(lead: "lead.nowhere"))
        #expect(missing.file == rules.path && missing.line > 0 && missing.column > 0)
        #expect(missing.message.contains("lead.nowhere"))
        let unprefixed = try #require(loading(lead: "salary.none"))
        #expect(unprefixed.file == rules.path && unprefixed.message.contains("'lead.'"))
    }

    @Test("'the pay difference between them' after a choice between two compares both; so does 'pay' alone")
    func pairFromList() {
        let a = AdvisorFixture.converse([
            "i do billing now - cpb or cpc, which should i get", "what's the pay difference between them",
        ])
        #expect(a[1].intent == "salary_compare")
        #expect(a[1].slots["credential"] == [.text("CPB"), .text("CPC")])
        // A topic named alone after a comparison goes on with both values compared.
        let pay = AdvisorFixture.converse(["cpc vs coc", "pay"])
        #expect(pay[1].intent == "salary_compare" && pay[1].slots["credential"] == [.text("CPC"), .text("COC")])
        // "each one" after two credentials compared asks about both.
        let each = AdvisorFixture.converse(["rhit vs rhia", "which one pays more", "how many CEUs does each one need"])
        #expect(each[2].intent == "cert_exam" && each[2].slots["credential"] == [.text("RHIT"), .text("RHIA")])
        // Money set aside is no pay comparison.
        let besides = AdvisorFixture.converse([
            "cpc vs crc pay", "what's the difference between those two besides the money",
        ])
        #expect(besides[1].intent == "cert_compare")
    }

    @Test("a number after 'vs' or 'compared to' is the other side of the comparison, even before more words")
    func comparedNumber() {
        let vs = AdvisorFixture.ask("does having 3 certs vs just 1 make a big pay difference")
        #expect(vs.intent == "salary_compare" && vs.slots["credential_count"] == [.number(3), .number(1)])
        let word = AdvisorFixture.ask("how much more do coders with 3 credentials make compared to just one? thinking")
        #expect(word.slots["credential_count"] == [.number(3), .number(1)])
        // A number that counts something else stays out of the slots.
        let kids = AdvisorFixture.ask("what do coders with 2 certs make, i have 3 kids")
        #expect(kids.slots["credential_count"] == [.number(2)])
    }
}
