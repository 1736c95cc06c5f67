import Testing

@testable import AdvisorCore

/// How people type: periods in abbreviations, capitals throughout, missing spaces, numbers as words.
extension MatcherTests {
    @Test("abbreviations written with periods are the values they abbreviate; 'e.g.' and decimals stay as they are")
    func dottedAbbreviations() {
        #expect(values("what does a c.p.c. earn these days", "credential") == [.text("CPC")])
        #expect(values("does N.J. pay coders more than N.Y.?", "state") == [.text("NJ"), .text("NY")])
        #expect(values("C.C.S. or C.C.S.-P., whats the diff", "credential") == [.text("CCS"), .text("CCS-P")])
        #expect(IntentMatcher.dottedLetters("e.g") == "eg")
        #expect(IntentMatcher.dottedLetters("25.5") == nil)
        #expect(IntentMatcher.dottedLetters("w.va") == nil)
        #expect(values("e.g. coders make how much", "state").isEmpty)
    }

    @Test("a message all in capitals says nothing by its capitals: 'IN' there is the word; short ones keep theirs")
    func shoutedCapitals() {
        #expect(values("AND IN GEORGIA??", "state") == [.text("GA")])
        #expect(values("WHAT DOES A CPC MAKE IN NJ", "state") == [.text("NJ")])
        #expect(values("coders in IN", "state") == [.text("IN")])
    }

    @Test("two known words typed without the space are read as both; a two-letter part must be a short word listed")
    func runTogetherWords() {
        let words = analyze("howmuch do coders makein texas").words
        #expect(words == ["how", "much", "do", "coders", "make", "in", "texas"])
        // "schooler" is no "school er" (the ER, an outpatient setting).
        #expect(values("is javascript worth it for a high schooler", "setting").isEmpty)
    }

    @Test("letters held for emphasis are read as the word they stretch: 'helloooo', 'goood', 'coool'")
    func stretchedLetters() {
        #expect(analyze("helloooo").words == ["hello"])
        #expect(analyze("goood morning").words == ["good", "morning"])
        #expect(analyze("that is coool").words.last == "cool")
        // Words with a double letter are left as they are.
        #expect(analyze("hello coders").words == ["hello", "coders"])
    }

    @Test("the speller's index sorts its keys as a comparison sort would")
    func radixSortedIndex() {
        var generator = SystemRandomNumberGenerator()
        var keys = (0..<5_000).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        keys += [0, 0, UInt64.max, 1 << 16, 1 << 48]
        var sorted = keys
        SpellingCorrector.radixSort(&sorted)
        #expect(sorted == keys.sorted())
    }

    @Test("a number written as a word stands alone at the end or before 'or more': 'what about three or more'")
    func wordNumbers() {
        let answers = AdvisorFixture.converse(["what do coders with 2 certifications make", "and three or more"])
        #expect(answers[1].slots["credential_count"] == [.number(3)])
        #expect(analyze("one of the best certs").bareNumbers.isEmpty)
    }

    @Test("years away from work are no experience; years of work beside them still are")
    func yearsAway() {
        #expect(years("been out of the workforce 11 years caring for my mom. whats the median pay").isEmpty)
        #expect(years("after 15 years home with kids, is coding realistic").isEmpty)
        #expect(
            years("stay at home mom for 9 yrs, before that I coded for about 4 years. what would I make") == [
                .number(4)
            ]
        )
        #expect(years("5 years coding, then 3 years off") == [.number(5)])
    }

    @Test("years in another job are no coding experience; years of billing, or said to be coding, still are")
    func yearsInAnotherJob() {
        #expect(years("no coding experience but 8 years as a dental assistant, what do coders start at").isEmpty)
        #expect(years("I was a pharmacy tech for 6 years, what does a coder earn").isEmpty)
        #expect(years("10 yrs in retail, how long does it take to become a coder").isEmpty)
        #expect(years("10 yrs in billing, going into coding") == [.number(10)])
        #expect(years("5 years as a medical assistant and 2 years coding, what should I make") == [.number(2)])
    }

    @Test("an unknown -ing word after one vowel and one consonant takes back its silent e: 'caring' is 'care'")
    func silentE() {
        #expect(analyze("caring for my mom").words.first == "care")
    }

    @Test("'pro fee' coding is a kind of coding, not a fee: the way into auditing stays a career question")
    func proFee() {
        let a = AdvisorFixture.converse(["10 yrs pro fee coding, how do I get into auditing"])
        #expect(a[0].intent == "career_path")
    }

    @Test("a '$' that is no amount's unit reads as money; years written against their unit are years")
    func dollarSignsAndGluedYears() {
        #expect(analyze("cpc $$").words == ["cpc", "money"])
        #expect(analyze("inpt vs outpt $").words.last == "money")
        #expect(!analyze("is $45k good").words.contains("money"))
        #expect(!analyze("is 45$ an hour good").words.contains("money"))
        #expect(
            analyze("ccs nj 5yrs pay").entities.contains { $0.slot == "experience_years" && $0.value == .number(5) }
        )
    }

    @Test("'stay at home' names no remote setting and opens no remote concept; 'work from home' beside it still does")
    func stayAtHomeIsNoSetting() {
        let parent = analyze("stay at home mom for 12 years, how do I even start becoming a medical coder")
        #expect(parent.entities.filter { $0.slot == "setting" }.isEmpty)
        let remote = advisor.model.featureID("$remote")
        #expect(remote != nil && !parent.features.contains(remote ?? -1))
        #expect(values("can a stay-at-home mom work from home as a coder", "setting") == [.text("remote")])
        #expect(values("remote coding jobs for a stay at home dad", "setting") == [.text("remote")])
    }
}
