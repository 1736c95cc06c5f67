extension InputLine {
    /// Reads the common request straight off its bytes: one object of `"id"`, `"user"` and `"text"` members,
    /// each a string without escapes, as a chat frontend sends it on every line.
    ///
    /// Returns nil for anything else (a command, a number id, an escape, a duplicate or unknown member, a
    /// control character, a byte that is not valid UTF-8, a problem of any kind): the general reader then
    /// takes the line and words whatever is wrong with it. When it returns a value, that value is the one the
    /// general reader gives (`FlatRequestTests` compares the two on many lines).
    static func flatRequest(_ bytes: UnsafeBufferPointer<UInt8>) -> InputLine? {
        var reader = FlatReader(bytes: bytes)
        return reader.request()
    }
}

/// The cursor of `InputLine.flatRequest`.
private struct FlatReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    private static let quote = UInt8(ascii: "\"")

    mutating func request() -> InputLine? {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        var id: String? = nil
        var user: String? = nil
        var text: String? = nil
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                guard let key = string(), skipSpace(), take(UInt8(ascii: ":")), skipSpace(), let found = string()
                else { return nil }
                // A slice of the buffer would make `String(validating:)` look its generic type up on every call.
                let value = UnsafeBufferPointer(rebasing: found)
                switch (key.count, key.first) {
                case (2, UInt8(ascii: "i")) where key.elementsEqual("id".utf8):
                    guard id == nil, let s = String(validating: value, as: UTF8.self) else { return nil }
                    id = s
                case (4, UInt8(ascii: "u")) where key.elementsEqual("user".utf8):
                    guard user == nil, value.count <= 256, let s = String(validating: value, as: UTF8.self)
                    else { return nil }
                    user = s
                case (4, UInt8(ascii: "t")) where key.elementsEqual("text".utf8):
                    guard text == nil, let s = String(validating: value, as: UTF8.self) else { return nil }
                    text = s
                default:
                    return nil
                }
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        guard index == bytes.count, let text else { return nil }
        let trimmed = InputLine.trim(text)
        guard !trimmed.isEmpty else { return nil }
        return .question(text: trimmed, user: user, id: id)
    }

    /// A string's bytes between its quotes; nil if it holds an escape or a control character, or does not end.
    private mutating func string() -> UnsafeBufferPointer<UInt8>.SubSequence? {
        guard take(Self.quote) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.quote {
                defer { index += 1 }
                return bytes[start..<index]
            }
            guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// Skips JSON whitespace (the bytes `InputLine.trim` removes too); always true, to chain in a condition.
    @discardableResult
    private mutating func skipSpace() -> Bool {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return true
            }
        }
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
