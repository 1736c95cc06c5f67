import FoundationEssentials

/// One line of input, checked: a plain question or a JSON request, or the problem with it.
public enum InputLine: Sendable, Equatable {
    /// A question, from a user (nil for the default user), with an optional request id.
    case question(text: String, user: String?, id: String?)
    /// A JSON request of another type: `reset`, `why` or `sources`.
    case command(ConversationCommand, user: String?, id: String?)
    case problem(InputProblem, id: String?)

    /// Longest accepted line in bytes.
    public static let maximumBytes = 16_384

    /// Reads raw bytes of one line (without its line ending).
    public static func parse(_ bytes: some Collection<UInt8>) -> InputLine {
        // Contiguous bytes (an array slice, a NIO buffer view) are read in place.
        bytes.withContiguousStorageIfAvailable { parse(utf8: $0) }
            ?? Array(bytes).withUnsafeBufferPointer { parse(utf8: $0) }
    }

    /// Reads raw bytes of one line (without its line ending) in place: what a front door in another module
    /// calls, since a generic call across modules is not specialised.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> InputLine {
        guard bytes.count <= maximumBytes else { return .problem(.tooLong(bytes.count), id: nil) }
        if let request = flatRequest(bytes) { return request }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem(.invalidUTF8, id: nil) }
        return parse(text)
    }

    /// Removes leading and trailing spaces, tabs and line breaks.
    static func trim(_ text: String) -> String {
        // The spaces are ASCII, so the UTF-8 bytes can be trimmed directly.
        let bytes = text.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return text }
        return String(Substring(text.utf8[first...last]))
    }

    /// Reads one line of text.
    public static func parse(_ text: String) -> InputLine {
        guard text.utf8.count <= maximumBytes else { return .problem(.tooLong(text.utf8.count), id: nil) }
        let trimmed = Self.trim(text)
        if trimmed.isEmpty { return .problem(.empty, id: nil) }
        if trimmed.utf8.contains(0) { return .problem(.controlCharacters, id: nil) }
        if trimmed.hasPrefix("{") { return parseJSON(trimmed) }
        return .question(text: trimmed, user: nil, id: nil)
    }

    /// Reads a JSON request. The checks and their messages come in the order the protocol has always used.
    private static func parseJSON(_ text: String) -> InputLine {
        let document: JSONValue
        do {
            document = try JSONParser.parse(text)
        } catch {
            return .problem(.badJSON("not valid JSON"), id: nil)
        }
        guard case .object = document else { return .problem(.badJSON("expected a JSON object"), id: nil) }
        var id: String? = nil
        if let raw = document["id"] {
            switch raw {
            case .string(let s): id = s
            case .number(_, let text): id = idText(number: text)
            default: return .problem(.badJSON("'id' must be a string or a number"), id: nil)
            }
        }
        var user: String? = nil
        if let raw = document["user"] {
            guard let s = raw.stringValue else { return .problem(.badJSON("'user' must be a string"), id: id) }
            guard s.utf8.count <= 256 else { return .problem(.badJSON("'user' is longer than 256 bytes"), id: id) }
            user = s
        }
        if let raw = document["type"] {
            guard let type = raw.stringValue else { return .problem(.badJSON("'type' must be a string"), id: id) }
            if let command = ConversationCommand(rawValue: type) { return .command(command, user: user, id: id) }
            guard type == "ask" else { return .problem(.unknownType(type), id: id) }
        }
        guard let rawText = document["text"] else { return .problem(.badJSON("missing 'text'"), id: id) }
        guard let question = rawText.stringValue else { return .problem(.badJSON("'text' must be a string"), id: id) }
        let trimmed = Self.trim(question)
        if trimmed.isEmpty { return .problem(.empty, id: id) }
        if trimmed.utf8.contains(0) { return .problem(.controlCharacters, id: id) }
        return .question(text: trimmed, user: user, id: id)
    }

    /// The id text for a number id: what `NSNumber.stringValue` gave for the number `JSONSerialization` read.
    ///
    /// Foundation's rules, kept step by step (they look for a lower-case `e` only): an integer that fits
    /// `Int64` (negative) or `UInt64` stays an integer ("7", "-0" gives "0"); one with more than 17
    /// characters before the exponent, and an exponent within ±128, goes through `Decimal`
    /// ("0.30000000000000004", "-9223372036854775809"); anything else is a `Double` ("7.0", "7.5",
    /// "1000.0" for `1e3`, "1e+21").
    static func idText(number text: String) -> String {
        let utf8 = text.utf8
        let exponentMark = utf8.firstIndex(of: UInt8(ascii: "e"))
        let isInteger = exponentMark == nil && !utf8.contains(UInt8(ascii: "."))
        let digitCount = utf8.distance(from: utf8.startIndex, to: exponentMark ?? utf8.endIndex)
        if isInteger {
            if utf8.first == UInt8(ascii: "-") {
                if digitCount <= 19, let n = Int64(text) { return String(n) }
            } else if digitCount <= 20, let n = UInt64(text) {
                return String(n)
            }
        }
        var exponent = 0
        if let exponentMark, let n = Int(Substring(utf8[utf8.index(after: exponentMark)...])) { exponent = n }
        if digitCount > 17, (-128...127).contains(exponent), let decimal = Decimal(string: text), decimal.isFinite {
            return decimal.description
        }
        if let double = Double(text), double.isFinite { return double.description }
        return text  // not reached: the parser refuses numbers beyond Double's range
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
