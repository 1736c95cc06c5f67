import FoundationEssentials

/// Reads a file of questions to time or send: one per line, as plain text or as a JSON object with a
/// `"text"` string (the evaluation sets and `Intents/examples` exports qualify). Empty lines are skipped.
public enum QuestionFile {
    public static func read(_ path: String) throws(EvalFileError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw EvalFileError(description: "\(path): cannot be read as UTF-8 text")
        }
        var questions: [String] = []
        for (index, raw) in text.lineSlices.enumerated() {
            let line = String(raw).trimmingWhitespace
            guard !line.isEmpty else { continue }
            guard line.hasPrefix("{") else {
                questions.append(line)
                continue
            }
            guard let question = (try? JSONParser.parse(line))?["text"]?.stringValue else {
                throw EvalFileError(description: "\(path):\(index + 1): not a JSON object with a \"text\" string")
            }
            questions.append(question)
        }
        guard !questions.isEmpty else { throw EvalFileError(description: "\(path): no questions") }
        return questions
    }
}
