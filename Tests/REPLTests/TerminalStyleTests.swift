import AdvisorREPL
import Testing

/// Colour only on a terminal and never with NO_COLOR.
@Suite("TerminalStyle")
struct TerminalStyleTests {
    @Test("colour needs a terminal, no NO_COLOR and a TERM other than dumb")
    func detect() {
        #expect(TerminalStyle.detect(environment: ["TERM": "xterm"], isTerminal: true).colour)
        #expect(!TerminalStyle.detect(environment: ["TERM": "xterm"], isTerminal: false).colour)
        #expect(!TerminalStyle.detect(environment: ["TERM": "xterm", "NO_COLOR": "1"], isTerminal: true).colour)
        #expect(TerminalStyle.detect(environment: ["TERM": "xterm", "NO_COLOR": ""], isTerminal: true).colour)
        #expect(!TerminalStyle.detect(environment: ["TERM": "dumb"], isTerminal: true).colour)
    }

    @Test("the prompt brackets its escapes for libedit, and is plain without colour")
    func prompt() {
        #expect(TerminalStyle(colour: false).prompt("advisor>") == "advisor> ")
        let coloured = TerminalStyle(colour: true).prompt("advisor>")
        #expect(coloured.hasPrefix("\u{1}\u{1B}["))
        #expect(coloured.filter { $0 == "\u{1}" }.count == 4)
    }
}
