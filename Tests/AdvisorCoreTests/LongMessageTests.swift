import Testing

@testable import AdvisorCore

/// Messages that tell a story before they ask, and credentials known only by name.
@Suite("Long messages")
struct LongMessageTests {
    static let openers: Set<String> = ["what", "how", "is", "can", "which", "whats", "where"]

    func parts(_ text: String) -> MessageParts? {
        MessageParts(text, openers: Self.openers, abbreviations: ["dr", "st"], minimumWords: 12, shortQuestion: 5)
    }

    @Test("a long message is cut into the sentences that ask and the story around them")
    func cutting() throws {
        let p = try #require(
            parts(
                "Hi, I'm 47 and my knees are done after 25 years of waitressing. I moved to St. Louis last year. "
                    + "Is medical coding a good career change for someone my age? Thanks so much!"
            )
        )
        #expect(p.question == "Is medical coding a good career change for someone my age?")
        #expect(
            p.background
                == "Hi, I'm 47 and my knees are done after 25 years of waitressing. I moved to St. Louis last year. Thanks so much!"
        )
        // A short question takes the sentence before it; one opening with a question word needs no question mark.
        let short = try #require(
            parts("I was home with my kids for years. My daughter says I should look into coding. Where do I start")
        )
        #expect(short.question == "My daughter says I should look into coding. Where do I start")
        #expect(short.background == "I was home with my kids for years.")
        // A period after a sum with a letter ends the sentence; after "U.S." it does not.
        let sum = try #require(
            parts("I have an offer for $52k. The commute is fifty minutes each way. What would you do in my place?")
        )
        #expect(sum.background == "I have an offer for $52k. The commute is fifty minutes each way.")
        #expect(MessageParts.sentences("I moved to the U.S. last year. Hi", abbreviations: []).count == 2)
    }

    @Test("short, one-sentence, all-question and question-less messages are read whole")
    func readWhole() {
        #expect(parts("what does a CPC make in Ohio? asking for my sister") == nil)
        #expect(
            parts("I have been coding for nine years in a busy cardiology practice and I love every day of it") == nil
        )
        #expect(
            parts("I have been coding for nine years in a busy cardiology practice. I love every day of it.") == nil
        )
        #expect(
            parts("What does a CPC make in Ohio after five years? And what about Texas with the same years?") == nil
        )
    }

    @Test("the question decides the intent; the story fills only the slots it leaves open")
    func storyAndQuestion() {
        let outlook = AdvisorFixture.ask(
            "Hello, I'm a high school guidance counselor putting together a handout on healthcare careers that don't "
                + "need a four year degree. I want accurate numbers, not marketing. What's the projected employment "
                + "growth for medical records specialists from 2024 to 2034?"
        )
        #expect(outlook.intent == "job_outlook")
        #expect(outlook.trace.message.hasPrefix("Hello, I'm a high school"))
        let pay = AdvisorFixture.ask(
            "Hi there, I finally passed my CPC last spring after a year of night classes and two kids at home. We live "
                + "just outside Columbus, Ohio, and money is tight. What could I expect to make in my first year?"
        )
        #expect(pay.intent == "salary")
        #expect(pay.slots["credential"] == [.text("CPC")] && pay.slots["state"] == [.text("OH")])
        #expect(pay.trace.background.contains("credential = CPC"))
        // A place named in the question stands; the one the story told does not join it.
        let there = AdvisorFixture.ask(
            "My husband got orders and we're moving from Georgia next spring, we move every 3 years ugh. I've been "
                + "coding for a pediatric practice for a while. What do coders make in Washington state?"
        )
        #expect(there.intent == "salary" && there.slots["state"] == [.text("WA")])
        // "Which pays more" asks about every value the story told.
        let both = AdvisorFixture.ask(
            "We might relocate for my husband's job next year, either to Texas or to North Carolina, we don't know yet. "
                + "I'm training to be a coder. Which state pays coders more?"
        )
        #expect(both.intent == "salary_compare" && both.slots["state"] == [.text("TX"), .text("NC")])
    }

    @Test("a story about something else keeps a question that leans on it out of scope")
    func storyOutOfScope() {
        let recipe = AdvisorFixture.ask(
            "I work as a coder at a dermatology office and on my lunch break I like to read baking blogs, it relaxes me "
                + "after a morning of charts. Do you have a good sourdough recipe that doesn't need a week-long starter?"
        )
        #expect(recipe.intent == "out_of_scope")
        // A story that gives the question's words another trade's meaning: CPC as cost per click.
        let ads = AdvisorFixture.ask(
            "I run a small Etsy shop and I'm trying to get into Google ads. what's a good CPC to aim for in the home "
                + "decor niche? everyone says 'it depends' but I need a ballpark"
        )
        #expect(ads.intent == "out_of_scope", "\(ads.intent)")
        // A story that mentions another job leaves a coder's question alone.
        let coder = AdvisorFixture.ask(
            "I was a pharmacy tech for ten years and I'm tired of retail hours and standing all day long. My cousin "
                + "codes for a clinic. What do medical coders make in Ohio?"
        )
        #expect(coder.intent == "salary" && coder.slots["state"] == [.text("OH")], "\(coder.intent)")
    }

    @Test("a credential known by name only is said to be outside the sources, never read as a neighbour")
    func unknownCredential() {
        for question in ["what is the ccds", "how much is the crcr exam"] {
            let a = AdvisorFixture.ask(question)
            #expect(a.text.contains("I have nothing on the"), "\(question): \(a.text)")
            #expect(!a.text.contains("CCA") && !a.text.contains("Risk Adjustment"), "\(question): \(a.text)")
        }
        let side = AdvisorFixture.ask("cdip vs ccds")
        #expect(side.slots["credential"] == [.text("CDIP"), .text("CCDS")])
        #expect(side.text.contains("I have nothing on the CCDS"))
    }

    @Test("of two questions in one message the first is answered and the second waits for 'the other thing i asked'")
    func twoQuestions() {
        let crc = AdvisorFixture.converse(["crc salary, and is the exam hard?", "ok and the other thing i asked?"])
        #expect(crc[0].intent == "salary" && crc[0].slots["credential"] == [.text("CRC")], "\(crc[0].intent)")
        #expect(crc[1].intent == "cert_exam" && crc[1].slots["credential"] == [.text("CRC")], "\(crc[1].intent)")
        let dc = AdvisorFixture.converse(["how much do dc coders make and why is it so high there?", "the why part?"])
        #expect(dc[0].intent == "salary" && dc[1].intent == "salary_factors", "\(dc.map(\.intent))")
        // A second part that names values of its own is part of one question; one that takes the first back replaces it.
        let ohio = AdvisorFixture.ask("what do coders make in texas and how about ohio")
        #expect(ohio.intent == "salary_compare" && ohio.slots["state"] == [.text("TX"), .text("OH")])
        let cheaper = AdvisorFixture.ask(
            "Should I get the CPC or the CCA? Actually, forget which is better, just tell me which one is cheaper to sit for"
        )
        #expect(cheaper.intent != "cert_recommend", "\(cheaper.intent)")
        // Without a question left waiting, "the other thing" asks nothing new.
        #expect(AdvisorFixture.converse(["crc salary", "ok and the other thing i asked?"])[1].intent != "cert_exam")
    }
}
