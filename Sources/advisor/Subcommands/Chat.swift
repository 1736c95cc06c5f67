import AdvisorCore
import AdvisorREPL
import ArgumentParser
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// `advisor` / `advisor chat`: the terminal chat, or questions piped on standard input.
struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chat in a terminal, or answer questions read from standard input (the default).",
        discussion: """
            In a terminal: a line-editing chat with history and completion. Otherwise one question per \
            line (plain text, or JSON objects {"text": ..., "user": ...}) and one answer per question.
            """
    )

    @OptionGroup var data: DataOptions
    @Flag(name: .long, help: "Write one JSON object per input line (see CONTRACT.md).") var json = false

    func run() throws {
        let advisor = try data.load()
        if !json && isatty(0) == 1 && isatty(1) == 1 {
            let status = REPL(advisor: advisor, environment: ProcessInfo.processInfo.environment).run()
            if status != 0 { throw ExitCode(status) }
        } else {
            BatchDoor(advisor: advisor, json: json).run()
        }
    }
}
