import Testing

@testable import AdvisorCore

/// Phrase and word lists of `Intents/` found by word id over a lexicon extended by their own words.
@Suite("Phrase lists")
struct PhraseListTests {
    static let lexicon = Lexicon(["at", "home", "stay", "mom", "in", "my", "area", "the", "state", "whole", "locally"])

    static func ids(_ text: String) -> [Int32] {
        text.split(separator: " ").map { lexicon.id(String($0)) ?? -1 }
    }

    @Test("the longest phrase at a word, phrases anywhere and inside a window")
    func phrases() {
        var list = PhraseList([["stay", "at", "home"], ["stay"], ["in", "my", "area"], []])
        list.compile(over: Self.lexicon)
        #expect(list.phrases.count == 3)
        let words = Self.ids("a stay at home mom in my area")
        #expect(list.longest(in: words, at: 1) == 3)
        #expect(list.longest(in: words, at: 2) == 0)
        #expect(list.occurs(in: words))
        #expect(list.occurs(in: words, within: 5..<8))
        // The phrase must lie wholly inside the window.
        #expect(!list.occurs(in: words, within: 5..<7))
        #expect(!list.occurs(in: Self.ids("the whole state")))
        // Words outside the lexicon (-1) match nothing.
        #expect(!list.occurs(in: [-1, -1, -1]))
    }

    @Test("a word list answers by id, and by string for code that holds words")
    func words() {
        var list = WordList(["locally", "state"])
        list.compile(over: Self.lexicon)
        #expect(list.occurs(in: Self.ids("the whole state")))
        #expect(!list.occurs(in: Self.ids("in my area")))
        #expect(list.contains("locally") && !list.contains("home"))
        #expect(!list.contains(id: -1) && !list.contains(id: 10_000))
    }

    @Test("every phrase and word list of the loaded model is compiled (none left out of the list of lists)")
    func everyListCompiled() {
        let model = AdvisorFixture.shared.model
        var lists = 0
        for holder in [Mirror(reflecting: model.context), Mirror(reflecting: model.numbers)] {
            for child in holder.children {
                if let list = child.value as? WordList {
                    lists += 1
                    #expect(list.isCompiled || list.isEmpty, "\(child.label ?? "?")")
                } else if let list = child.value as? PhraseList {
                    lists += 1
                    #expect(list.isCompiled || list.isEmpty, "\(child.label ?? "?")")
                } else if let topics = child.value as? [(slot: String, words: WordList)] {
                    for topic in topics { #expect(topic.words.isCompiled, "\(topic.slot)") }
                }
            }
        }
        #expect(lists >= 23, "\(lists)")
    }

    @Test("the advisor's phrase lexicon keeps every lexicon id and adds the lists' other words")
    func phraseLexicon() {
        let model = AdvisorFixture.shared.model
        #expect(model.phraseLexicon.count > model.lexicon.count)
        for (id, word) in model.lexicon.words.enumerated().prefix(500) {
            #expect(model.phraseLexicon.id(word) == Int32(id))
        }
        // "whole state" asks for the state a metro lies in: a phrase of `whole_state`.
        let turns = AdvisorFixture.converse(["coder pay in nyc", "what about the whole state"])
        #expect(turns[1].slots["state"] == [.text("NY")], "\(turns[1].slots)")
    }
}
