/// Searches over a text's bytes, without the standard library's generic string algorithms (which
/// build tables per call) or Foundation.
extension String {
    /// Whether `part` occurs in the text, compared byte by byte: for the short texts and parts the
    /// advisor looks for, faster than the standard library's generic search, which builds a table.
    public func includes(_ part: String) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { text in
            part.utf8.withContiguousStorageIfAvailable { needle -> Bool in
                guard let first = needle.first else { return true }
                guard text.count >= needle.count else { return false }
                for start in 0...(text.count - needle.count) where text[start] == first {
                    var k = 1
                    while k < needle.count && text[start + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                return false
            }
        }
        return (found ?? nil) ?? contains(part)
    }

    /// "experience_level" → "experience level" (an ASCII byte for an ASCII byte: no search machinery).
    public var underscoresAsSpaces: String {
        guard utf8.contains(UInt8(ascii: "_")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
}
