import Foundation

/// One line of input, checked: a plain question or a JSON request, or the problem with it.
public enum InputLine: Sendable, Equatable {
    /// A question, from a user (nil for the default user), with an optional request id.
    case question(text: String, user: String?, id: String?)
    /// A JSON request of another type: `reset` or `why`.
    case command(type: String, user: String?, id: String?)
    case problem(InputProblem, id: String?)

    /// Longest accepted line in bytes.
    public static let maximumBytes = 16_384

    /// Reads raw bytes of one line (without its line ending).
    public static func parse(_ bytes: some Collection<UInt8>) -> InputLine {
        guard bytes.count <= maximumBytes else { return .problem(.tooLong(bytes.count), id: nil) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem(.invalidUTF8, id: nil) }
        return parse(text)
    }

    /// Removes leading and trailing spaces, tabs and line breaks.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Reads one line of text.
    public static func parse(_ text: String) -> InputLine {
        guard text.utf8.count <= maximumBytes else { return .problem(.tooLong(text.utf8.count), id: nil) }
        let trimmed = Self.trim(text)
        if trimmed.isEmpty { return .problem(.empty, id: nil) }
        if trimmed.unicodeScalars.contains(where: { $0.value == 0 }) { return .problem(.controlCharacters, id: nil) }
        if trimmed.hasPrefix("{") { return parseJSON(trimmed) }
        return .question(text: trimmed, user: nil, id: nil)
    }

    private static func parseJSON(_ text: String) -> InputLine {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            return .problem(.badJSON("not valid JSON"), id: nil)
        }
        guard let dict = object as? [String: Any] else { return .problem(.badJSON("expected a JSON object"), id: nil) }
        var id: String? = nil
        if let raw = dict["id"] {
            switch raw {
            case let s as String: id = s
            case let n as NSNumber where String(cString: n.objCType) != "c": id = n.stringValue
            default: return .problem(.badJSON("'id' must be a string or a number"), id: nil)
            }
        }
        var user: String? = nil
        if let raw = dict["user"] {
            guard let s = raw as? String else { return .problem(.badJSON("'user' must be a string"), id: id) }
            guard s.utf8.count <= 256 else { return .problem(.badJSON("'user' is longer than 256 bytes"), id: id) }
            user = s
        }
        if let raw = dict["type"] {
            guard let type = raw as? String else { return .problem(.badJSON("'type' must be a string"), id: id) }
            switch type {
            case "ask": break
            case "reset", "why", "sources": return .command(type: type, user: user, id: id)
            default: return .problem(.unknownType(type), id: id)
            }
        }
        guard let rawText = dict["text"] else { return .problem(.badJSON("missing 'text'"), id: id) }
        guard let question = rawText as? String else { return .problem(.badJSON("'text' must be a string"), id: id) }
        let trimmed = Self.trim(question)
        if trimmed.isEmpty { return .problem(.empty, id: id) }
        if trimmed.unicodeScalars.contains(where: { $0.value == 0 }) { return .problem(.controlCharacters, id: id) }
        return .question(text: trimmed, user: user, id: id)
    }
}

/// Why a line could not be answered.
public enum InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case invalidUTF8
    case controlCharacters
    case badJSON(String)
    case unknownType(String)

    public var description: String {
        switch self {
        case .empty: return "empty question: type a question about medical coding careers"
        case .tooLong(let n): return "line too long (\(n) bytes; the limit is \(InputLine.maximumBytes))"
        case .invalidUTF8: return "the line is not valid UTF-8 text"
        case .controlCharacters: return "the line contains NUL or control characters"
        case .badJSON(let why): return "bad JSON request: \(why)"
        case .unknownType(let t):
            return "unknown request type '\(InputProblem.printable(t))' (expected ask, reset, why or sources)"
        }
    }

    /// A value safe to echo: control characters and escapes removed, at most 40 characters.
    static func printable(_ s: String) -> String {
        String(TextNormalizer.sanitize(s).prefix(40))
    }
}
