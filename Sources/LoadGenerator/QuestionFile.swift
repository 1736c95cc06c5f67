import Foundation

/// Reads the questions a benchmark sends from a file: `.jsonl` with a `"text"` field per line (the
/// format of `Intents/examples` and the evaluation sets), or plain text with one question per line.
enum QuestionFile {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func read(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot be read")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var texts: [String] = []
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard path.hasSuffix(".jsonl") else {
                texts.append(trimmed)
                continue
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else {
                throw Problem(description: "\(path):\(number + 1): not a JSON object with a \"text\" string")
            }
            texts.append(text)
        }
        guard !texts.isEmpty else { throw Problem(description: "\(path): no questions") }
        return texts
    }
}
