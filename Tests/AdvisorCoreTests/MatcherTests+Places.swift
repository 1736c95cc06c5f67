import Testing

@testable import AdvisorCore

/// Abbreviations, places lived in, and questions asking several things of an exam.
extension MatcherTests {
    func values(_ text: String, _ slot: String) -> [SlotValue] {
        analyze(text).entities.filter { $0.slot == slot }.map(\.value)
    }

    @Test("old state abbreviations: plain ones anywhere, ones that are words only beside a list or after 'in'")
    func stateAbbreviations() {
        #expect(values("Calif. vs Wash. coder salaries", "state") == [.text("CA"), .text("WA")])
        #expect(values("hourly pay for coders in Ill. compared to Ind.", "state") == [.text("IL"), .text("IN")])
        #expect(values("do coders make more in Minn. or Wis.?", "state") == [.text("MN"), .text("WI")])
        // A capital and a period make a two-letter word an abbreviation after "in"; lower case without it does not.
        #expect(values("whats the hourly for coders in Ga.", "state") == [.text("GA")])
        #expect(values("i need to wash my hands of billing", "state").isEmpty)
        #expect(values("I feel ill about the exam", "state").isEmpty)
    }

    @Test("a code in capitals names its place in brackets or beside another place, unless the trade writes it so")
    func capitalCodes() {
        #expect(values("does WA pay more than CA for coders", "state") == [.text("WA"), .text("CA")])
        #expect(values("salaries for medical coders out here in the Black Hills (SD)", "state") == [.text("SD")])
        // "MA" beside a place is a medical assistant; lower case and a lone capital code still need context.
        #expect(values("I'm an MA in Texas, should I switch to coding", "state") == [.text("TX")])
        #expect(values("does wa pay more than california", "state") == [.text("CA")])
        #expect(values("is GA a good credential to have", "state").isEmpty)
    }

    @Test("a short search-like query names its place in lower case at its end, or at its start before the field")
    func keywordQueryPlaces() {
        #expect(values("cpc pay ga", "state") == [.text("GA")])
        #expect(values("coder hourly wage wa", "state") == [.text("WA")])
        #expect(values("wa coder pay", "state") == [.text("WA")])
        // Not before another word, not a common word, not in a longer sentence.
        #expect(values("md office coder pay", "state").isEmpty)
        #expect(values("what do coders make in ny and me", "state") == [.text("NY")])
        #expect(values("is it worth it to go back to school for this in my forties or", "state").isEmpty)
        // After "in" at the end of any question, a code names its place, unless it is a common word or a term of the
        // trade (`codes_at_end_after`, `not_codes_at_end`).
        #expect(values("i want to know what coders earn around here in ga", "state") == [.text("GA")])
        #expect(values("is there any entry level work in ar", "state").isEmpty)
        #expect(values("what do remote coders make in me", "state").isEmpty)
    }

    @Test("the place the asker lives is dropped for the place asked about, unless the question compares them")
    func placeLivedIn() {
        #expect(values("i live in northern kentucky, what does coder pay in ohio?", "state") == [.text("OH")])
        #expect(values("im from jersey, what's cpc pay in new york", "state") == [.text("NY")])
        #expect(values("based in florida. how much for a ccs in georgia", "state") == [.text("GA")])
        // A comparison keeps both; so does a single place, and a place that only follows "I am".
        #expect(values("I live in KY, would I make more in OH?", "state") == [.text("KY"), .text("OH")])
        #expect(values("I live in Ohio, what does a CPC make", "state") == [.text("OH")])
        #expect(values("i am a coder in ohio, what does texas pay", "state") == [.text("OH"), .text("TX")])
        // A country lived in bears on what the asker can do: it stays.
        let uk = "What certification should I get if I live in the United Kingdom but want to code for US practices?"
        #expect(values(uk, "country") == [.text("United Kingdom"), .text("United States")])
        let answer = AdvisorFixture.ask("i live in northern kentucky, what does coder pay in ohio?")
        #expect(answer.intent == "salary")
        #expect(answer.text.contains("Ohio"))
        #expect(!answer.text.contains("Kentucky"))
    }

    @Test("a question asking several things of an exam gets each, in the order of Intents/aspects.yaml")
    func severalAspects() {
        let both = analyze("how many questions are on the cpc exam and how long should i study")
        #expect(both.aspect == "study_time")
        #expect(both.moreAspects == ["exam_format"])
        // "How long do you get" is the time allowed in the exam room, not the months of study.
        #expect(analyze("how long do you get for the cpc exam").aspect == "exam_format")
        // The longest phrase at a word wins: "how long is the exam" asks the format only.
        let length = analyze("how long is the exam for the CPC")
        #expect(length.aspect == "exam_format")
        #expect(length.moreAspects.isEmpty)
        // Removing the apprentice "A" is its own aspect; naming an apprentice credential is not ("the coc-a exam").
        #expect(analyze("how do i take off the cpc-a").aspect == "apprentice")
        #expect(analyze("how much is the coc-a exam").aspect == "exam_fee")
        let answer = AdvisorFixture.ask("RHIT exam fee, and do I need a degree before I can sit for it?")
        #expect(answer.text.contains("Exam fee:"))
        #expect(answer.text.contains("Eligibility:"))
        // A passing score is part of the exam's format, not its fee.
        let pass = AdvisorFixture.ask("what score do you need to pass the CPC")
        #expect(pass.text.contains("70%"))
        #expect(!pass.text.contains("Exam fee:"))
    }

    @Test("a value taken back by 'scratch that', 'wait' goes; a broader value beside a narrower case of it goes")
    func retractionsAndNarrowerValues() {
        let scratched = "What's the CCS exam fee — actually scratch that, how much is the CPC exam?"
        #expect(values(scratched, "credential") == [.text("CPC")])
        let moved = "how much do coders make in Arizona? hmm wait, we're probably going to Colorado instead"
        #expect(values(moved, "state") == [.text("CO")])
        // A comparison keeps both.
        #expect(values("is the CCS, wait, harder than the CPC?", "credential") == [.text("CCS"), .text("CPC")])
        #expect(values("I passed my CPC but I'm a CPC-A, how do I get a job", "credential") == [.text("CPC-A")])
        #expect(values("cpc vs cpc-a pay", "credential") == [.text("CPC"), .text("CPC-A")])
    }
}
