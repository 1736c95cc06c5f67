/// One JSON value as `JSONParser` reads it.
///
/// Numbers keep the text they were written with, so a request id such as `42` or `4.5` can be echoed
/// back the way it was sent. Objects keep their members in document order, duplicates included; looking a
/// key up finds the last member with that name, as `JSONSerialization` did.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    /// A number: its value, and its text exactly as written in the document.
    case number(Double, text: String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// An object's members in document order; a key may appear more than once.
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The value of the last member named `key`; nil if there is none or this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// Why a document is not valid JSON, and the byte offset at which the parser found out.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        case unexpectedEnd
        case unexpectedCharacter
        case leadingZero
        case numberOutOfRange
        case invalidEscape
        case loneSurrogate
        case controlCharacter
        case tooDeep
        case trailingCharacters
        case invalidUTF8
    }

    public let reason: Reason
    public let offset: Int

    init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String { "\(reason) at byte \(offset)" }
}
