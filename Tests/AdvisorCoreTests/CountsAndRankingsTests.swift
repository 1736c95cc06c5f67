import Testing

@testable import AdvisorCore

/// Counts talked about before their number, the credential an apprentice grows into, and rankings of a slot no figure
/// describes alone.
@Suite("Counts and rankings")
struct CountsAndRankingsTests {
    @Test("a count talked about without a number is the slot a bare number next fills")
    func countedTopic() {
        let certs = AdvisorFixture.converse([
            "does having more certs actually pay off", "like what would i make with 2", "and 3?",
        ])
        #expect(certs[1].intent == "salary" && certs[1].slots["credential_count"] == [.number(2)])
        #expect(certs[2].intent == "salary" && certs[2].slots["credential_count"] == [.number(3)])
        #expect(certs[1].text.contains("2 credentials"), "\(certs[1].text)")
        // A statistic beside the number is still a pay question.
        let average = AdvisorFixture.converse(["does stacking certs really raise pay", "whats the average with 2"])
        #expect(average[1].slots["credential_count"] == [.number(2)])
        // Without such a topic, a bare number after another question fills nothing.
        let plain = AdvisorFixture.converse(["is medical coding stressful", "and with 2?"])
        #expect(plain[1].slots["credential_count"].isEmpty)
    }

    @Test("pay once the apprentice's A is gone is the full credential's; both named, or 'how much more', compare")
    func narrowerLeft() {
        let gone = AdvisorFixture.converse(["what does a cpc-a make", "and once the a is gone?"])
        #expect(gone[1].intent == "salary" && gone[1].slots["credential"] == [.text("CPC")])
        let both = AdvisorFixture.ask("cpc-a vs cpc pay, like how big is the jump when the A comes off")
        #expect(both.slots["credential"] == [.text("CPC-A"), .text("CPC")])
        // Removing the A is still an exam question about the CPC-A.
        let remove = AdvisorFixture.converse(["what does a cpc-a make", "how do i get the a removed"])
        #expect(remove[1].intent == "cert_exam" && remove[1].slots["credential"] == [.text("CPC-A")])
        // "How much more ... once the A is gone" after exam talk about the CPC-A points back to it and compares both.
        let more = AdvisorFixture.converse([
            "how do I get the A off my CPC-A", "how much more will I make once the A is gone",
        ])
        #expect(more[1].intent == "salary_compare" && more[1].slots["credential"] == [.text("CPC-A"), .text("CPC")])
        #expect(more[1].text.contains("32,792"), "\(more[1].text)")
    }

    @Test("a ranking of settings, which no figure describes alone, compares every setting published")
    func settingRanking() {
        for question in ["which setting pays coders the most", "What type of employer tends to pay coders the best?"] {
            let a = AdvisorFixture.ask(question)
            #expect(!a.text.isEmpty, "\(question)")
            #expect(a.text.contains("hospital inpatient") && a.text.contains("outpatient"), "\(a.text)")
            #expect(!a.sources.isEmpty)
        }
        // "where do coders make the most money" ranks places.
        let places = AdvisorFixture.ask("where do coders make the most money")
        #expect(places.text.contains("District of Columbia"), "\(places.text)")
    }

    @Test("how many people hold a credential: the published count with its source, or a plain 'not in my sources'")
    func holders() {
        let ccs = AdvisorFixture.ask("how many active CCS holders are there")
        #expect(ccs.intent == "cert_info" && ccs.text.contains("36,925"), "\(ccs.text)")
        #expect(ccs.sources.contains { $0.contains("healthinformationmanagementprograms") })
        let cca = AdvisorFixture.ask("what's the CCA and roughly how many people hold it")
        #expect(cca.intent == "cert_info" && cca.text.contains("7,972"), "\(cca.text)")
        let cpc = AdvisorFixture.ask("how many people hold the CPC")
        #expect(cpc.text.contains("Certified holders: not in my sources"), "\(cpc.text)")
        // A credential's holders quoted with a pay figure is a pay question.
        #expect(AdvisorFixture.ask("the guide says CIC holders average $81,034, is that right").intent == "salary")
    }

    @Test("the state a ranking puts first is the one 'how much exactly' asks about; 'and the lowest?' ranks afresh")
    func rankedFirstInFocus() {
        let exactly = AdvisorFixture.converse(["highest paying state for coders?", "how much exactly"])
        #expect(exactly[1].intent == "salary" && exactly[1].slots["state"] == [.text("DC")], "\(exactly[1].slots)")
        let lowest = AdvisorFixture.converse(["highest paying state for coders?", "and the lowest?"])
        #expect(lowest[1].slots["state"].isEmpty && lowest[1].text.contains("Lowest"), "\(lowest[1].text)")
        // A state already talked about stays the place in focus.
        let kept = AdvisorFixture.converse([
            "coder pay in washington state", "is that the highest state", "whats the job outlook there",
        ])
        #expect(kept[2].slots["state"] == [.text("WA")], "\(kept[2].slots)")
    }

    @Test("a region in a list of states joins it as its states; a region named apart from them stays apart")
    func regionInList() {
        let list = AdvisorFixture.ask("compare coder salaries in florida, georgia and the carolinas")
        #expect(list.slots["state"] == [.text("FL"), .text("GA"), .text("NC"), .text("SC")], "\(list.slots)")
        let apart = AdvisorFixture.ask("ok WA or OR for a coder moving out west")
        #expect(apart.slots["state"] == [.text("WA"), .text("OR")], "\(apart.slots)")
        let alone = AdvisorFixture.ask("whats the pay for coders in the dakotas")
        #expect(alone.text.contains("North Dakota") && alone.text.contains("South Dakota"), "\(alone.text)")
    }
}
