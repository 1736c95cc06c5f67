import AdvisorCore
import Foundation

/// Questions piped on standard input: one per line, answered in order, flushed per line.
struct BatchDoor {
    let advisor: Advisor
    let json: Bool

    func run() {
        var conversations: [String: Conversation] = [:]
        var lineNumber = 0
        let out = OutputBuffer()
        LineReader(fd: 0, maximumBytes: InputLine.maximumBytes).forEachLine { line in
            lineNumber += 1
            let parsed: InputLine
            switch line {
            case .line(let bytes): parsed = InputLine.parse(bytes)
            case .tooLong(let n): parsed = .problem(.tooLong(n), id: nil)
            }
            switch parsed {
            case .question(let text, let user, let id):
                let key = user ?? ""
                // In place: no copy of the conversation to write back.
                let answer = advisor.answer(text, in: &conversations[key, default: Conversation()])
                out.write(json ? JSONWriter.answer(answer, id: id) : answer.text + "\n\n")
            case .command(let type, let user, let id):
                let key = user ?? ""
                var text: String
                switch type {
                case "reset":
                    conversations[key] = nil
                    text = "Conversation reset."
                case "why":
                    text = conversations[key]?.lastAnswer.map { TraceFormatter.format($0) } ?? "Nothing answered yet."
                default:
                    text = conversations[key]?.lastAnswer?.citations.joined(separator: "\n") ?? "Nothing answered yet."
                }
                out.write(
                    json
                        ? JSONWriter.object([
                            ("id", id.map(JSONWriter.quote) ?? "null"), ("type", JSONWriter.quote(type)),
                            ("text", JSONWriter.quote(text)),
                        ]) : text + "\n"
                )
            case .problem(let problem, let id):
                if json {
                    out.write(JSONWriter.error(problem, id: id, line: lineNumber))
                } else {
                    out.write("error (line \(lineNumber)): \(problem)\n")
                    FileHandle.standardError.write(Data("advisor: line \(lineNumber): \(problem)\n".utf8))
                }
            }
            out.flush()
        }
    }
}
