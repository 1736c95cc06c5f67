import AdvisorCore
import ArgumentParser
import FoundationEssentials

/// `advisor why "question"`: the full trace of one answer, as the chat's `:why` shows it.
struct Why: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Show how one question is answered: normalisation, spelling, entities, intents, rule, query, records.",
        discussion:
            "Earlier turns given with --after are answered first, so follow-ups (\"and in Texas?\") can be traced."
    )

    @OptionGroup var data: DataOptions
    @Option(name: .long, help: "An earlier turn of the conversation (repeat for several).") var after: [String] = []
    @Flag(name: .long, help: "Print the answer too, before the trace.") var answer = false
    @Argument(help: "The question.") var question: [String]

    func run() throws {
        let advisor = try loadAdvisor(data.data)
        var conversation = Conversation()
        for turn in after { _ = advisor.answer(try Self.text(turn), in: &conversation) }
        let reply = advisor.answer(try Self.text(question.joined(separator: " ")), in: &conversation)
        var out = answer ? reply.text + "\n\n" : ""
        out += TraceFormatter.format(reply) + "\n"
        StandardStream.out(out)
    }

    /// The question as the doors read it: the same validation of empty, overlong or binary input.
    static func text(_ raw: String) throws -> String {
        switch InputLine.parse(raw) {
        case .question(let text, _, _): return text
        case .problem(let problem, _): throw failure("advisor why: \(problem)")
        case .command: throw failure("advisor why: give a question, not a request object")
        }
    }
}
