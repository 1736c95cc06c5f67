import AdvisorREPL
import Testing

/// Reading `:` commands.
@Suite("REPLCommand")
struct REPLCommandTests {
    @Test("known commands, aliases and arguments")
    func known() {
        #expect(REPLCommand.parse(":why") == .success(.why))
        #expect(REPLCommand.parse("  :WHY ") == .success(.why))
        #expect(REPLCommand.parse(":q") == .success(.quit))
        #expect(REPLCommand.parse(":history") == .success(.history(20)))
        #expect(REPLCommand.parse(":history 5") == .success(.history(5)))
        #expect(REPLCommand.parse("what is :why") == nil)
    }

    @Test("unknown commands and bad arguments are errors with a hint")
    func errors() {
        guard case .failure(let error)? = REPLCommand.parse(":frob") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.description.contains(":help"))
        #expect(
            REPLCommand.parse(":history -3")
                == .failure(.badArgument(":history takes a positive number of lines, as in :history 5"))
        )
        #expect(REPLCommand.parse(":why now") == .failure(.badArgument(":why takes no arguments")))
    }
}
