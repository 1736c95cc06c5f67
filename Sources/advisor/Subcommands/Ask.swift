import AdvisorCore
import ArgumentParser

/// `advisor ask "question"`: one answer.
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Answer one question and exit.")

    @OptionGroup var data: DataOptions
    @Flag(name: .long, help: "Answer as a JSON object.") var json = false
    @Flag(name: .long, help: "Print how the answer came about after it.") var explain = false
    @Argument(help: "The question.") var question: [String]

    func run() throws {
        let advisor = try data.load()
        var conversation = Conversation()
        switch InputLine.parse(question.joined(separator: " ")) {
        case .question(let text, _, _):
            let answer = advisor.answer(text, in: &conversation)
            print(json ? JSONWriter.answer(answer) : answer.text)
            if explain { print("\n" + TraceFormatter.format(answer)) }
        case .problem(let problem, _):
            throw ValidationError(problem.description)
        case .command:
            throw ValidationError("ask takes a question, not a request object")
        }
    }
}
