import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real `advisor` binary in a real pseudo-terminal: typing, keys, commands, history and colour.
@Suite("Chat in a pseudo-terminal")
struct ChatEndToEndTests {
    static let up = "\u{1B}[A"

    /// Whether text holds a colour or style escape (SGR: ESC [ digits and semicolons m).
    static func hasStyleEscapes(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] == 0x1B && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "[") {
            var j = i + 2
            while j < bytes.count, (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == UInt8(ascii: ";") { j += 1 }
            if j < bytes.count, bytes[j] == UInt8(ascii: "m") { return true }
        }
        return false
    }

    @Test("a typed question is answered, with its sources on their own line")
    func questionIsAnswered() throws {
        let chat = try ChatSession()
        #expect(chat.terminal.text().contains("Try \""))
        let reply = try chat.ask("what does a CPC make in Texas?")
        #expect(reply.contains("$"))
        #expect(reply.contains("Texas"))
        #expect(reply.contains("Sources:"))
        try chat.terminal.send("\u{04}")
        #expect(chat.terminal.waitForExit() == 0)
    }

    @Test("Up recalls the previous line, and Enter asks it again")
    func upRecallsPreviousLine() throws {
        let chat = try ChatSession()
        let first = try chat.ask("how long is training")
        let recalled = try chat.type(Self.up, expect: "how long is training")
        #expect(recalled.contains("how long is training"))
        let again = try chat.ask("")
        // The terminal ends lines with CR LF, one Character in Swift: split on either.
        let answerLine = first.split(whereSeparator: \.isNewline).dropFirst().first.map(String.init)
        let firstAnswerLine = try #require(answerLine)
        #expect(firstAnswerLine.count > 10)
        #expect(again.contains(firstAnswerLine))
    }

    @Test("CI and Tab complete the credential CIC")
    func tabCompletesCredential() throws {
        let chat = try ChatSession()
        _ = try chat.type("what is CI\t", expect: "C ")
        let reply = try chat.ask("")
        #expect(reply.contains("Certified Inpatient Coder"))
        #expect(chat.historyLines().last == "what is CIC")
    }

    @Test("Tab lists the choices when several match")
    func tabListsChoices() throws {
        let chat = try ChatSession()
        let drawn = try chat.type("pay in New \t", expect: "New York")
        for state in ["New Jersey", "New Mexico", "New York"] { #expect(drawn.contains(state)) }
        let reply = try chat.ask("Jersey")
        #expect(reply.contains("New Jersey"))
    }

    @Test("Ctrl-C cancels the line being typed and the chat goes on")
    func ctrlCCancelsLine() throws {
        let chat = try ChatSession()
        _ = try chat.type("zebra quartz", expect: "quartz")
        try chat.terminal.send("\u{03}")
        let reply = try chat.ask("hi")
        #expect(reply.contains("Hi!"))
        #expect(!reply.contains("zebra"))
        try chat.terminal.send(":quit\r")
        #expect(chat.terminal.waitForExit() == 0)
        #expect(chat.historyLines() == ["hi", ":quit"])
    }

    @Test(":why shows the rule that fired, with its file and line")
    func whyShowsRule() throws {
        let chat = try ChatSession()
        try chat.ask("what does a CIC make in California?")
        let why = try chat.ask(":why")
        #expect(why.contains("rule:"))
        #expect(why.contains("Intents/rules/salary.yaml:"))
        #expect(why.contains("state = CA"))
        let sources = try chat.ask(":sources")
        #expect(sources.contains("[1] "))
        try chat.ask(":reset")
        #expect(try chat.ask(":why").contains("Nothing answered yet"))
    }

    @Test("the history file holds the session after exit, and the next run recalls it")
    func historySavedAcrossRuns() throws {
        let home = try ChatSession.makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let first = try ChatSession(home: home)
        try first.ask("hi")
        try first.ask("what is CPC")
        try first.terminal.send("\u{04}")
        #expect(first.terminal.waitForExit() == 0)
        #expect(first.historyLines() == ["hi", "what is CPC"])

        let second = try ChatSession(home: home)
        let recalled = try second.type(Self.up, expect: "what is CPC")
        #expect(recalled.contains("what is CPC"))
        try second.terminal.send("\u{03}")  // cancel the recalled line
        try second.ask(":history")
        #expect(second.historyLines() == ["hi", "what is CPC", ":history"])
    }

    @Test("NO_COLOR output has no escape codes; a colour terminal gets them")
    func noColor() throws {
        let plain = try ChatSession(environment: ["NO_COLOR": "1"])
        try plain.ask("what does a CPC make in Texas?")
        try plain.ask(":help")
        #expect(!Self.hasStyleEscapes(plain.terminal.text()))

        let coloured = try ChatSession()
        try coloured.ask("what does a CPC make in Texas?")
        #expect(Self.hasStyleEscapes(coloured.terminal.text()))
    }

    @Test("non-ASCII input round-trips through editing, answering and history (LANG unset)")
    func nonASCIIRoundTrips() throws {
        let chat = try ChatSession()
        let line = "is café work stressful? 😀 “really”"
        let reply = try chat.ask(line)
        #expect(reply.contains(line))
        #expect(reply.contains("Moderately"))
        let why = try chat.ask(":why")
        #expect(why.contains("café"))
        #expect(chat.historyLines().first == line)
        // Editing moves by characters, not bytes: Ctrl-A then Delete (Ctrl-D) removes the whole first letter.
        try chat.terminal.send("éa\u{01}\u{04}")
        let edited = try chat.ask("")
        #expect(!edited.contains("\u{FFFD}"))
        #expect(chat.historyLines().last == "a")
    }

    @Test("Ctrl-D leaves with status 0 and the terminal back in normal (cooked, echoing) mode")
    func terminalLeftSane() throws {
        let chat = try ChatSession()
        try chat.ask("hi")
        try chat.terminal.send("\u{04}")
        #expect(chat.terminal.waitForExit() == 0)
        let modes = try #require(chat.terminal.modes())
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0)
    }

    @Test("Ctrl-R finds an earlier line as it is typed")
    func reverseSearch() throws {
        let chat = try ChatSession()
        try chat.ask("what is CPC")
        try chat.ask("hi")
        _ = try chat.type("\u{12}CP", expect: "what is CPC")
        let reply = try chat.ask("")
        #expect(reply.contains("Certified Professional Coder"))
        #expect(chat.historyLines() == ["what is CPC", "hi", "what is CPC"])
    }

    @Test("~/.editrc is honoured: a key bound there to a text types it")
    func editrc() throws {
        let home = try ChatSession.makeHome()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let rc = "# test bindings\nadvisor:bind -s ^G \"what is CPC\"\nother:bind -s ^G nothing\n"
        try rc.write(toFile: home + "/.editrc", atomically: true, encoding: .utf8)
        let chat = try ChatSession(home: home)
        let reply = try chat.ask("\u{07}")
        #expect(reply.contains("Certified Professional Coder"))
        #expect(chat.historyLines() == ["what is CPC"])
    }

    @Test("SIGTERM at the prompt leaves the terminal in normal mode")
    func terminatedAtPrompt() throws {
        let chat = try ChatSession()
        _ = try chat.type("half a line", expect: "line")
        kill(chat.terminal.pid, SIGTERM)
        #expect(chat.terminal.waitForExit() == 128 + SIGTERM)
        let modes = try #require(chat.terminal.modes())
        #expect(modes.c_lflag & tcflag_t(ICANON) != 0)
        #expect(modes.c_lflag & tcflag_t(ECHO) != 0)
    }
}
