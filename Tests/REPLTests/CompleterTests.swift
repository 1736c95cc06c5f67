import AdvisorCore
import AdvisorREPL
import Testing

/// Tab completion over the advisor's loaded vocabulary.
@Suite("Completer")
struct CompleterTests {
    static let advisor: Advisor? = try? Advisor()
    let completer: Completer

    init() throws {
        completer = Completer(advisor: try #require(Self.advisor))
    }

    @Test("a credential prefix in capitals completes to the one credential")
    func credential() {
        let c = completer.complete("what is CI")
        #expect(c.typed == "CI")
        #expect(c.matches == ["CIC"])
        #expect(c.replacement == "CIC ")
        #expect(completer.complete("what does a ccs-").matches == ["CCS-P"])
    }

    @Test("several matches with no longer common start list without replacing")
    func list() {
        let c = completer.complete("pay for cp")
        #expect(c.matches.contains("CPC"))
        #expect(c.matches.contains("CPC-A"))
        #expect(c.matches.contains("CPB"))
        #expect(c.replacement == nil)
    }

    @Test("state and credential names come from the data, over several words")
    func names() {
        #expect(completer.complete("coders in Calif").replacement == "California ")
        #expect(completer.complete("pay in new j").matches == ["New Jersey"])
        #expect(completer.complete("what is a certified inp").replacement == "Certified Inpatient Coder ")
        let newStates = completer.complete("pay in New ")
        #expect(newStates.matches.contains("New York") && newStates.matches.contains("New Mexico"))
    }

    @Test("commands and question starters complete only at the start of the line")
    func lineStart() {
        #expect(completer.complete(":wh").replacement == ":why ")
        #expect(completer.complete(":h").matches == [":help", ":history"])
        #expect(completer.complete("how lo").replacement == "how long does ")
        #expect(
            completer.complete("tell me how lo").matches == ["Long Island", "Los Angeles", "Louisiana", "Louisville"]
        )
        #expect(completer.complete("what is ").matches == ["what is a", "what is the"])
        #expect(completer.complete("").matches.contains(":quit"))
    }

    @Test("nothing to complete gives no matches")
    func nothing() {
        #expect(completer.complete("zzzq").matches.isEmpty)
        #expect(completer.complete("pay in Texas ").matches.isEmpty)
    }

    @Test("the common start keeps the candidates' spelling")
    func commonPrefix() {
        let c = Completer(words: ["Alpha One", "Alpha Two"], starters: [], commands: [])
        #expect(c.complete("say al").replacement == "Alpha ")
        #expect(c.complete("say alpha t").replacement == "Alpha Two ")
    }
}
