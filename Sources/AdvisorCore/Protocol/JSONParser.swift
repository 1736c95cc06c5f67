/// Reads JSON text strictly by RFC 8259, straight from its UTF-8 bytes and without Foundation.
///
/// A document is one value with optional space, tab, line feed or carriage return around it. Refused:
/// trailing commas, comments, leading zeros, `NaN` and `Infinity`, numbers beyond `Double`'s range, escapes
/// other than `\" \\ \/ \b \f \n \r \t \uXXXX`, lone surrogates, raw control characters in strings, and
/// arrays or objects nested deeper than `maximumDepth`. The parser keeps its own stack of open containers
/// instead of recursing, so no document can exhaust the thread's stack.
public enum JSONParser {
    /// Deepest nesting of arrays and objects accepted: 512, the limit `JSONSerialization` has.
    public static let maximumDepth = 512

    /// Parses a whole document.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONParseError) -> JSONValue in
                var reader = JSONReader(bytes: bytes)
                return try reader.document()
            }
        }
        return try result.get()
    }

    /// Parses a whole document given as bytes, which must be valid UTF-8.
    public static func parse(utf8 bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw JSONParseError(.invalidUTF8, at: 0) }
        return try parse(text)
    }
}

/// The parser's cursor over one document's bytes.
private struct JSONReader {
    /// An array or object not yet closed, with what has been read of it so far.
    struct Open {
        var isObject: Bool
        var items: [JSONValue] = []
        var members: [JSONValue.Member] = []
        /// The key of the member whose value comes next.
        var key = ""
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Reused for strings with escapes, so each of those costs one allocation: its own.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Reads the whole document: one value, then nothing but whitespace.
    mutating func document() throws(JSONParseError) -> JSONValue {
        var open: [Open] = []
        while true {
            // Read one value. An array or object that does not close at once is pushed, and the loop goes
            // on with its first element.
            var value: JSONValue
            let first = try nextToken()
            switch first {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                guard open.count < JSONParser.maximumDepth else { throw JSONParseError(.tooDeep, at: index) }
                index += 1
                let isObject = first == UInt8(ascii: "{")
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if try nextToken() != close {
                    var container = Open(isObject: isObject)
                    if isObject {
                        container.members.reserveCapacity(4)
                        container.key = try memberKey()
                    }
                    open.append(container)
                    continue
                }
                index += 1
                value = isObject ? .object([]) : .array([])
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "t"):
                try literal("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try literal("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try literal("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try number()
            default: throw JSONParseError(.unexpectedCharacter, at: index)
            }
            // The value is complete: add it to the innermost open container. A comma goes back for the next
            // element; a closing bracket or brace completes that container, which is added to its parent.
            while let last = open.indices.last {
                let separator = try nextToken()
                index += 1
                if open[last].isObject {
                    let key = open[last].key
                    open[last].members.append(JSONValue.Member(key: key, value: value))
                    if separator == UInt8(ascii: ",") {
                        open[last].key = try memberKey()
                        break
                    }
                    guard separator == UInt8(ascii: "}") else {
                        throw JSONParseError(.unexpectedCharacter, at: index - 1)
                    }
                    value = .object(open.removeLast().members)
                } else {
                    open[last].items.append(value)
                    if separator == UInt8(ascii: ",") { break }
                    guard separator == UInt8(ascii: "]") else {
                        throw JSONParseError(.unexpectedCharacter, at: index - 1)
                    }
                    value = .array(open.removeLast().items)
                }
            }
            if open.isEmpty {
                try end()
                return value
            }
        }
    }

    /// Skips whitespace and returns the byte after it, without consuming that byte.
    mutating func nextToken() throws(JSONParseError) -> UInt8 {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            case let byte: return byte
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index)
    }

    /// Checks that only whitespace is left after the document's value.
    mutating func end() throws(JSONParseError) {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: throw JSONParseError(.trailingCharacters, at: index)
            }
        }
    }

    /// Reads an object member's key and the colon after it.
    mutating func memberKey() throws(JSONParseError) -> String {
        guard try nextToken() == UInt8(ascii: "\"") else { throw JSONParseError(.unexpectedCharacter, at: index) }
        let key = try string()
        guard try nextToken() == UInt8(ascii: ":") else { throw JSONParseError(.unexpectedCharacter, at: index) }
        index += 1
        return key
    }

    /// Reads `true`, `false` or `null`, whose first letter is at `index`.
    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let bytes = self.bytes
        let matched = word.withUTF8Buffer { expected in
            var k = 0
            while k < expected.count, start + k < bytes.count, bytes[start + k] == expected[k] { k += 1 }
            return k
        }
        index += matched
        guard matched == word.utf8CodeUnitCount else {
            throw JSONParseError(index == bytes.count ? .unexpectedEnd : .unexpectedCharacter, at: index)
        }
    }

    /// Reads a number whose first character is at `index`, keeping its text.
    mutating func number() throws(JSONParseError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) { throw JSONParseError(.leadingZero, at: index) }
        } else {
            try digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            try digits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw JSONParseError(.numberOutOfRange, at: start) }
        return .number(value, text: text)
    }

    /// Skips one or more decimal digits.
    mutating func digits() throws(JSONParseError) {
        guard index < bytes.count else { throw JSONParseError(.unexpectedEnd, at: index) }
        guard Self.isDigit(bytes[index]) else { throw JSONParseError(.unexpectedCharacter, at: index) }
        repeat { index += 1 } while index < bytes.count && Self.isDigit(bytes[index])
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Reads a string whose opening quote is at `index`.
    mutating func string() throws(JSONParseError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
            case UInt8(ascii: "\\"): return try escapedString(from: start)
            case 0..<0x20: throw JSONParseError(.controlCharacter, at: index)
            default: index += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index)
    }

    /// Goes on reading a string that started at `start`, from its first backslash at `index`.
    mutating func escapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        var run = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                try escape()
                run = index
            case 0..<0x20: throw JSONParseError(.controlCharacter, at: index)
            default: index += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index)
    }

    /// Decodes the escape whose backslash is at `index`, appending its UTF-8 to `scratch`.
    mutating func escape() throws(JSONParseError) {
        let backslash = index
        guard index + 1 < bytes.count else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hexQuad()
            if (0xDC00..<0xE000).contains(code) { throw JSONParseError(.loneSurrogate, at: backslash) }
            if (0xD800..<0xDC00).contains(code) {
                // A high surrogate counts only with a low one escaped right after it.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw JSONParseError(.loneSurrogate, at: backslash) }
                index += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw JSONParseError(.loneSurrogate, at: backslash) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw JSONParseError(.invalidEscape, at: backslash) }
            UTF8.encode(scalar) { scratch.append($0) }
        default: throw JSONParseError(.invalidEscape, at: backslash)
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    mutating func hexQuad() throws(JSONParseError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw JSONParseError(.unexpectedEnd, at: bytes.count) }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: throw JSONParseError(.invalidEscape, at: index)
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        return code
    }
}
