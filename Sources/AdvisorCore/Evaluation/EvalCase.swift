import FoundationEssentials

/// One labelled question, alone or as a dialogue turn, in the format of `shared/eval/dev_*.jsonl`.
public struct EvalQuestion: Sendable {
    /// The question's id, or its dialogue's id.
    public let id: String
    public let text: String
    public let intent: String
    /// Other intents that also count as right (single questions only, as in score.py).
    public let alt: [String]
    /// Expected slots, each value already turned into text the way score.py does (`str(value)`).
    public let slots: [(name: String, value: ExpectedSlot)]
    /// Answer fragments: every group must have one alternative in the answer.
    public let must: [[String]]
    /// Line of the file the question is on.
    public let line: Int
}

/// An expected slot: one value, or a list of values in order.
public enum ExpectedSlot: Sendable, CustomStringConvertible {
    case one(String)
    case list([String])

    public var description: String {
        switch self {
        case .one(let v): return v
        case .list(let vs): return "[" + vs.joined(separator: ", ") + "]"
        }
    }
}

/// A line of an evaluation file: a single question, or a dialogue whose turns share a conversation.
public enum EvalCase: Sendable {
    case question(EvalQuestion)
    case dialogue(id: String, turns: [EvalQuestion])
}

/// A problem with an evaluation file: missing, empty, binary, not JSON lines, or missing fields.
public struct EvalFileError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Reads evaluation files: one JSON object per line, `{"id","text","intent","alt","slots","must"}`
/// or `{"id","turns":[...]}`.
public enum EvalFile {
    public static func read(_ path: String) throws(EvalFileError) -> [EvalCase] {
        guard let isDirectory = FileTree.isDirectory(path) else {
            throw EvalFileError(description: "\(path): no such file")
        }
        guard !isDirectory else {
            throw EvalFileError(description: "\(path) is a directory, not a .jsonl file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvalFileError(description: "\(path): cannot read the file")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(EvalFileError) -> [EvalCase] {
        if data.contains(0) { throw EvalFileError(description: "\(path) is a binary file, not JSON lines") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EvalFileError(description: "\(path) is not UTF-8 text, so not JSON lines")
        }
        var cases: [EvalCase] = []
        for (index, raw) in text.lineSlices.enumerated() {
            let line = String(raw).trimmingWhitespace
            guard !line.isEmpty else { continue }
            let number = index + 1
            func fail(_ message: String) -> EvalFileError {
                EvalFileError(description: "\(path):\(number): \(message)")
            }
            guard let object = try? JSONParser.parse(line), case .object = object else {
                throw fail("not a JSON object (each line must be one labelled question or dialogue)")
            }
            if let turns = object["turns"] {
                guard case .array(let list) = turns, !list.isEmpty,
                    list.allSatisfy({ if case .object = $0 { true } else { false } })
                else {
                    throw fail("'turns' must be a list of questions")
                }
                let id = string(object["id"]) ?? "line \(number)"
                var parsed: [EvalQuestion] = []
                for turn in list {
                    guard let q = question(turn, id: id, line: number) else {
                        throw fail("each turn needs 'text' and 'intent' (and optional 'slots', 'must')")
                    }
                    parsed.append(q)
                }
                cases.append(.dialogue(id: id, turns: parsed))
            } else {
                guard let q = question(object, id: string(object["id"]) ?? "line \(number)", line: number) else {
                    throw fail("a question needs 'text' and 'intent' (a dialogue needs 'turns')")
                }
                cases.append(.question(q))
            }
        }
        guard !cases.isEmpty else { throw EvalFileError(description: "\(path) is empty: no labelled questions") }
        return cases
    }

    private static func question(_ object: JSONValue, id: String, line: Int) -> EvalQuestion? {
        guard let text = object["text"]?.stringValue, let intent = object["intent"]?.stringValue else { return nil }
        var slots: [(String, ExpectedSlot)] = []
        switch object["slots"] {
        case .object(let members)?:
            var map: [String: JSONValue] = [:]
            for member in members { map[member.key] = member.value }
            for key in map.keys.sorted() {
                guard let value = map[key] else { continue }
                if case .array(let list) = value {
                    slots.append((key, .list(list.map { string($0) ?? "None" })))
                } else {
                    slots.append((key, .one(string(value) ?? "None")))
                }
            }
        case nil, .null?: break
        default: return nil
        }
        // Each group of `must` is a list of alternatives, or a single one.
        let must = list(object["must"]).map { group in
            guard case .array(let items) = group else { return [string(group)].compactMap { $0 } }
            return items.compactMap { string($0) }
        }
        return EvalQuestion(
            id: id,
            text: text,
            intent: intent,
            alt: list(object["alt"]).compactMap { string($0) },
            slots: slots,
            must: must,
            line: line
        )
    }

    /// The items of an array (none for anything else).
    private static func list(_ value: JSONValue?) -> [JSONValue] {
        guard case .array(let items)? = value else { return [] }
        return items
    }

    /// A JSON scalar as the score script compares it: strings as they are, numbers as
    /// `NSNumber.stringValue` writes them, true and false as 1 and 0.
    static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .number(_, let text)?: return InputLine.idText(number: text)
        case .bool(let b)?: return b ? "1" : "0"
        default: return nil
        }
    }
}
