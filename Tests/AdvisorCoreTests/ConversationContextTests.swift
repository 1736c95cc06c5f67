import Testing

@testable import AdvisorCore

@Suite("Follow-ups")
struct ConversationContextTests {
    func turns(_ texts: [String]) -> [Answer] { AdvisorFixture.converse(texts) }

    @Test("'and in Texas?' replaces the place and keeps the credential")
    func newPlace() {
        let a = turns(["cpc salary in california", "and in Texas?"])
        #expect(a[1].intent == "salary")
        #expect(a[1].slots["credential"] == [.text("CPC")] && a[1].slots["state"] == [.text("TX")])
    }

    @Test("a count in focus: 'with 3' carries into a new topic, 'vs just 1' makes a pair, 'those two' is no number")
    func countInFocus() {
        let ceus = turns(["salary with 3 credentials", "and 2?", "how many ceus would i need with 3"])
        #expect(ceus[2].intent == "cert_exam" && ceus[2].slots["credential_count"] == [.number(3)])
        #expect(ceus[2].text.contains("44 with 3"))
        let pair = turns(["what do coders with 3+ creds make", "vs just 1?"])
        #expect(pair[1].intent == "salary_compare")
        #expect(pair[1].slots["credential_count"] == [.number(3), .number(1)])
        let states = turns([
            "entry level coder pay in texas", "what about with 10 years", "and in california", "compare those two",
        ])
        #expect(states[3].slots["state"] == [.text("TX"), .text("CA")])
        #expect(states[3].slots["experience_years"] == [.number(10)])
    }

    @Test("a ranking asked as a follow-up ranks every place; the place in focus is not carried into it")
    func rankingFollowUp() {
        let a = turns(["what do coders make in texas", "what's the highest paying state then"])
        #expect(a[1].intent == "salary" && a[1].slots["state"].isEmpty)
        #expect(a[1].text.contains("Highest-paying state"))
        // A ranking of the values discussed still compares them.
        let pair = turns(["coder pay in nj vs md", "which of those two pays the most"])
        #expect(pair[1].slots["state"] == [.text("NJ"), .text("MD")])
    }

    @Test("a short question with a comparison word compares the value it names with the one in focus")
    func shortComparison() {
        let a = turns(["cic salary", "and compared to a CPC?"])
        #expect(a[1].intent == "salary_compare" && a[1].slots["credential"] == [.text("CIC"), .text("CPC")])
        // A state as a whole after its cities is asked about alone, then compared with another state.
        let b = turns([
            "coder pay in nyc", "and trenton?", "what about the whole state of new jersey",
            "and compared to new york state",
        ])
        #expect(b[2].intent == "salary" && b[2].slots["state"] == [.text("NJ")] && b[2].slots["metro"].isEmpty)
        #expect(b[3].intent == "salary_compare" && b[3].slots["state"] == [.text("NJ"), .text("NY")])
    }

    @Test("'what about the CCS?' keeps the question: exam study time, or pay")
    func newCredential() {
        let exam = turns(["how long should i study for the cpc", "what about the CCS?"])
        #expect(exam[1].intent == "cert_exam" && exam[1].slots["credential"] == [.text("CCS")])
        #expect(exam[1].text.contains("4-6") || exam[1].text.contains("4–6"))
        let pay = turns(["cpc salary in texas", "what about the CCS?"])
        #expect(pay[1].intent == "salary" && pay[1].slots["state"] == [.text("TX")])
    }

    @Test("'which one for a doctors office' after two credentials recommends one, and 'that exam' is the one picked")
    func recommendationInFocus() {
        let chat = turns([
            "cpc vs ccs whats the diff", "which pays better", "which one for a doctors office", "how much is that exam",
        ])
        #expect(chat[2].intent == "cert_recommend" && chat[2].slots["setting"] == [.text("physician_office")])
        #expect(chat[3].intent == "cert_exam" && chat[3].slots["credential"] == [.text("CPC")], "\(chat[3].text)")
        // Naming both again asks for the comparison.
        #expect(turns(["what is the CIC", "CIC vs CCS, which is better for inpatient"])[1].intent == "cert_compare")
    }

    @Test("'how much does it cost' means the credential just discussed, or the training")
    func pronoun() {
        let cert = turns(["what is the CPC", "how much does it cost"])
        #expect(cert[1].intent == "cert_exam" && cert[1].slots["credential"] == [.text("CPC")])
        let training = turns(["how long is the training", "and how much does it cost"])
        #expect(training[1].intent == "education" && training[1].text.contains("5,000"))
    }

    @Test("'which is higher?' and 'which is lower' compare the last two values")
    func whichIsHigher() {
        let a = turns(["what does a cic make", "and the CRC?", "which is higher?"])
        #expect(a[2].intent == "salary_compare")
        #expect(a[2].slots["credential"] == [.text("CIC"), .text("CRC")])
        #expect(a[2].text.contains("81,034") && a[2].text.contains("74,013"))
        let lower = turns(["what do coders make in georgia", "and in alabama", "dang. which is lower"])
        #expect(lower[2].intent == "salary_compare" && lower[2].slots["state"] == [.text("GA"), .text("AL")])
        // "at least" ranks nothing: the exam asked about stays the one in focus.
        let least = turns(["should I get the CCS next?", "how much does it cost", "is the pass rate decent at least?"])
        #expect(least[2].intent == "cert_exam" && least[2].slots["credential"] == [.text("CCS")])
    }

    @Test("'add CIC to that' extends the comparison; 'the first one' picks from it")
    func listForms() {
        let added = turns(["cpc vs ccs salary", "add CIC to that"])
        #expect(added[1].intent == "salary_compare")
        #expect(added[1].slots["credential"] == [.text("CPC"), .text("CCS"), .text("CIC")])
        let first = turns(["cpc vs coc pay", "how much is the exam for the first one"])
        #expect(first[1].intent == "cert_exam" && first[1].slots["credential"] == [.text("CPC")])
        // Picking one of two compared asks about that one alone, in the order they were named.
        let picked = turns(["im stuck between the coc and the cic", "whats the first one for", "and the second"])
        #expect(picked[1].intent == "cert_info" && picked[1].slots["credential"] == [.text("COC")])
        #expect(picked[2].intent == "cert_info" && picked[2].slots["credential"] == [.text("CIC")])
        // "X too", "throw X in" add to the list as "add" does; "and X" alone still replaces.
        let too = turns(["coder pay in dc vs maryland", "and virginia too"])
        #expect(too[1].slots["state"] == [.text("DC"), .text("MD"), .text("VA")], "\(too[1].slots)")
        let thrown = turns(["cpc vs ccs salary", "throw the CIC in there"])
        #expect(thrown[1].slots["credential"] == [.text("CPC"), .text("CCS"), .text("CIC")])
        #expect(turns(["cpc pay in ohio", "and michigan?"])[1].slots["state"] == [.text("MI")])
    }

    @Test("'which one employs the most coders' after places compared counts the jobs in each of them")
    func jobsInPlacesCompared() {
        let chat = turns(["coder pay in ny vs nj vs ct", "which one employs the most coders"])
        #expect(chat[1].intent == "job_outlook")
        #expect(chat[1].slots["state"] == [.text("NY"), .text("NJ"), .text("CT")])
        #expect(chat[1].text.hasPrefix("New York: 8,510 medical records specialists employed"), "\(chat[1].text)")
    }

    @Test("bare numbers and 'per year' adjust the slot in focus")
    func numbersAndPeriod() {
        let counts = turns(["salary with 2 certifications", "and with 3?"])
        #expect(counts[1].slots["credential_count"] == [.number(3)] && counts[1].text.contains("79,933"))
        let period = turns(["hourly pay for coders in illinois", "and per year?"])
        #expect(period[1].slots["statistic"] == [.text("annual")] && period[1].slots["state"] == [.text("IL")])
    }

    @Test("one user's context never reaches another's conversation")
    func separateUsers() {
        var alice = Conversation()
        var bob = Conversation()
        _ = AdvisorFixture.shared.answer("cpc salary in california", in: &alice)
        let b = AdvisorFixture.shared.answer("and in Texas?", in: &bob)
        #expect(b.slots["credential"].isEmpty)
    }

    @Test("'and the lowest?' after a ranking ranks the same slot from the bottom; after three values, all three")
    func rankingAndListFollowUps() {
        let ranked = turns(["what's the highest paying state", "and the lowest?"])
        #expect(ranked[1].text.hasPrefix("Lowest-paying state"), "\(ranked[1].text)")
        let three = turns(["nj vs ny vs pa coder salary", "which has the best 90th percentile"])
        #expect(three[1].slots["state"] == [.text("NJ"), .text("NY"), .text("PA")])
        let average = turns(["national median pay for medical coders?", "and the average?"])
        #expect(average[1].slots["statistic"] == [.text("mean")])
    }
}

@Suite("Answers")
struct AnswerTests {
    @Test("a state's pay leads with BLS May 2024 and says where a guide disagrees")
    func statePay() {
        let a = AdvisorFixture.ask("coder salary in new jersey")
        #expect(a.text.hasPrefix("In New Jersey") || a.text.contains("BLS OEWS May 2024"))
        #expect(a.text.contains("56,730") && a.text.contains("73,350") && a.text.contains("conflicts"))
        #expect(a.sources.contains { $0.contains("BLS OEWS May 2024") })
    }

    @Test("an unpublished combination is answered with its parts and a labelled estimate")
    func estimate() {
        let a = AdvisorFixture.ask("what does a CIC make in Texas")
        #expect(a.text.contains("Nobody I can cite publishes"))
        #expect(a.text.contains("Estimate (not a published figure)") && a.text.contains("÷"))
    }

    @Test(
        "every salary answer names its sources",
        arguments: [
            "cpc pay", "median coder salary", "coder pay in ohio", "entry level coder salary", "cpc vs ccs salary",
            "highest paying state for medical coders", "clinical coder salary uk",
        ]
    )
    func sourced(question: String) {
        let a = AdvisorFixture.ask(question)
        #expect(a.intent.hasPrefix("salary") && !a.sources.isEmpty && !a.text.isEmpty)
    }

    @Test("out-of-scope questions are declined politely")
    func outOfScope() {
        for q in ["what's the weather", "how much do registered nurses make", "how do I learn javascript"] {
            let a = AdvisorFixture.ask(q)
            #expect(a.intent == "out_of_scope" && a.text.contains("medical coding"), "\(q)")
        }
    }

    @Test("the state that holds every city compared narrows the comparison to the state")
    func stateOfTheCitiesCompared() {
        let a = AdvisorFixture.converse(["san francisco vs san jose coder pay", "what about California as a whole"])
        #expect(a[1].intent == "salary")
        #expect(a[1].slots["state"] == [.text("CA")])
        #expect(a[1].slots["metro"].isEmpty)
    }

    @Test("'why?' goes on with the previous answer; a lone 'md?' names Maryland while states are discussed")
    func goingOn() {
        let why = AdvisorFixture.converse(["is there demand for coders", "why?", "tell me more"])
        #expect(why[1].intent == "job_outlook" && why[2].intent == "job_outlook")
        #expect(AdvisorFixture.ask("why?").intent == "out_of_scope")
        let md = AdvisorFixture.converse(["median coder pay in new jersey", "md?"])
        #expect(md[1].intent == "salary" && md[1].slots["state"] == [.text("MD")])
        #expect(AdvisorFixture.converse(["cpc exam fee", "md?"])[1].slots["state"].isEmpty)
    }

    @Test("another job's pay, out of scope, leaves pay as the topic for the question that corrects it")
    func payAfterAnotherJob() {
        let a = AdvisorFixture.converse([
            "what do software engineers make in Seattle", "sorry, I meant medical coders in Washington",
        ])
        #expect(a[0].intent == "out_of_scope")
        #expect(a[1].intent == "salary" && a[1].slots["state"] == [.text("WA")])
    }

    @Test("how many coders work in a state: BLS's state count before the outlook, larger first for two states")
    func jobsByState() {
        let texas = AdvisorFixture.ask("how many coders work in texas")
        #expect(texas.intent == "job_outlook")
        #expect(texas.text.hasPrefix("Texas: 20,390 medical records specialists employed (BLS OEWS May 2024)."))
        let two = AdvisorFixture.ask("which state has more coding jobs, nj or pa?")
        let lines = two.text.split(separator: "\n")
        #expect(lines.count > 2 && lines[0].hasPrefix("Pennsylvania: 7,220") && lines[1].hasPrefix("New Jersey: 3,690"))
        let more = AdvisorFixture.converse(["can I code from home?", "anything else I should know"])
        #expect(more[1].intent == "remote_work")
    }

    @Test("'the whole state' after a city asks its state; 'up here' points to the place told earlier")
    func wholeStateAndLocalPlace() {
        let city = AdvisorFixture.converse(["what does a coder make in new york city", "what about the whole state"])
        #expect(city[1].slots["state"] == [.text("NY")] && city[1].slots["metro"].isEmpty, "\(city[1].slots)")
        let home = AdvisorFixture.converse([
            "i live in alaska, can i code from home", "what equipment would i need",
            "how much do remote coders make up here",
        ])
        #expect(home[2].slots["state"] == [.text("AK")], "\(home[2].slots)")
    }

    @Test("'forget the uk' takes the UK back: the question is about the US alone")
    func forgetTakesBack() {
        let turns = AdvisorFixture.converse(["clinical coder pay in the uk", "ok forget the uk, what's the us median"])
        #expect(turns[1].slots["country"] == [.text("United States")], "\(turns[1].slots)")
    }
}
