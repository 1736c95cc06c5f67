import FoundationEssentials

/// Turns raw user text into clean words: strips control characters and escape sequences,
/// folds Unicode, case and quotes, and splits into tokens.
public enum TextNormalizer {
    /// Longest input the matcher reads; the rest is ignored (and the answer says so).
    public static let maximumLength = 2_000

    /// Removes ANSI escape sequences and control characters, folds curly quotes and odd spaces.
    public static func sanitize(_ raw: String) -> String {
        // Printable ASCII (most questions) needs nothing done.
        if allBytes(of: raw, { $0 >= 0x20 && $0 < 0x7F && $0 != 0x60 }) { return raw }
        var out = String.UnicodeScalarView()
        var scalars = raw.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            switch c.value {
            case 0x1B:  // ESC: skip a CSI/OSC sequence
                guard let n = scalars.next() else { break }
                if n == "[" {
                    while let f = scalars.next(), !(0x40...0x7E).contains(f.value) {}
                } else if n == "]" {
                    while let f = scalars.next(), f.value != 0x07, f.value != 0x1B {}
                }
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: continue
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x00B4, 0x0060: out.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: out.append("\"")
            case 0x2010...0x2015, 0x2212: out.append("-")
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            case 0x200B...0x200D, 0xFEFF: continue
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Splits sanitised text into tokens. Keeps `.`, `-`, `/` and `&` inside words (`s82.61xa`,
    /// `cpc-a`, `e/m`), a trailing `+` (`3+`), drops apostrophes (`what's` → `whats`). Offsets count
    /// Unicode scalars.
    public static func tokenize(_ text: String) -> [Token] {
        // ASCII text (most questions) is read in place, each byte a scalar; other text from a scalar array.
        tokenize(text, isASCII: allBytes(of: text) { $0 < 0x80 })
    }

    /// `tokenize(_:)` for a caller that knows whether the text is ASCII.
    static func tokenize(_ text: String, isASCII: Bool) -> [Token] {
        guard isASCII else { return tokenize(scalars: Array(text.unicodeScalars)) }
        var text = text
        return text.withUTF8 { tokenize(ascii: $0) }
    }

    /// Whether every UTF-8 byte of `text` passes `test`, read in place.
    @inline(__always)
    static func allBytes(of text: String, _ test: (UInt8) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where !test(byte) { return false }
            return true
        }
    }

    /// The general tokenizer, on Unicode scalars (`tokenize(ascii:)` gives the same tokens for ASCII text).
    static func tokenize(scalars chars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(chars.count / 4 + 1)
        // One scratch UTF-8 buffer, reused for every token (its word, then its typed form): strings are
        // made once per token.
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0
        while i < chars.count {
            guard isWord(chars[i]) else {
                i += 1
                continue
            }
            let start = i
            word.removeAll(keepingCapacity: true)
            var wordLength = 0
            var last: Unicode.Scalar = " "
            while i < chars.count {
                let c = chars[i]
                let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
                if isWord(c) {
                    appendScalar(c, to: &word)
                    wordLength += 1
                    last = c
                } else if c == ",", wordLength > 0, isDigit(last), i + 3 < chars.count,
                    isDigit(chars[i + 1]), isDigit(chars[i + 2]), isDigit(chars[i + 3])
                {
                    // thousands separator: "45,000" is one number
                } else if c == "'", let next, isLetter(next), wordLength > 0 {
                    // apostrophe inside a word: dropped
                } else if c == "." || c == "-" || c == "/" || c == "&", let next, isWord(next), wordLength > 0 {
                    appendScalar(c, to: &word)
                    wordLength += 1
                    last = c
                } else if c == "/", wordLength == 1, last == "w" {
                    word = Array("with".utf8)
                    wordLength = 4
                    i += 1
                    break
                } else if c == "+", wordLength > 0 {
                    word.append(UInt8(ascii: "+"))
                    i += 1
                    while i < chars.count && chars[i] == "+" {
                        word.append(UInt8(ascii: "+"))
                        i += 1
                    }
                    break
                } else {
                    break
                }
                i += 1
            }
            var letters = 0
            var upper = 0
            var ascii = true
            for c in chars[start..<i] {
                if !c.isASCII { ascii = false }
                if isLetter(c) {
                    letters += 1
                    if c.isASCII ? (c >= "A" && c <= "Z") : c.properties.isUppercase { upper += 1 }
                }
            }
            let isUpper = i - start >= 2 && letters > 0 && upper == letters
            let folded: String
            if ascii && word.allSatisfy({ $0 < 0x80 }) {
                for k in word.indices where word[k] >= 0x41 && word[k] <= 0x5A { word[k] |= 0x20 }
                folded = String(decoding: word, as: UTF8.self)
            } else {
                folded = fold(String(decoding: word, as: UTF8.self))
            }
            word.removeAll(keepingCapacity: true)
            for c in chars[start..<i] { appendScalar(c, to: &word) }
            let typed = String(decoding: word, as: UTF8.self)
            tokens.append(Token(text: folded, typed: typed, start: start, end: i, isUpper: isUpper))
        }
        return tokens
    }

    @inline(__always)
    static func appendScalar(_ c: Unicode.Scalar, to bytes: inout [UInt8]) {
        if c.isASCII {
            bytes.append(UInt8(truncatingIfNeeded: c.value))
        } else {
            UTF8.encode(c) { bytes.append($0) }
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (c >= "0" && c <= "9") : c.properties.numericType != nil
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        let p = c.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }

    /// Lower-cases and removes diacritics and width variants: "Café" → "cafe".
    public static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return UnicodeFolding.fold(word)
    }

    /// Normalises a phrase from the data files the same way user text is normalised.
    public static func phrase(_ text: String) -> [String] {
        tokenize(sanitize(text)).map(\.text)
    }

    /// A message written all in capitals ("AND IN GEORGIA??") says nothing by its capitals: no word of it counts as
    /// written in capitals, so "IN" there is the word, not Indiana. Only messages of three words or more (of two
    /// letters or more), so "NJ PA" or "CPC" alone keep theirs.
    static func ignoreShoutedCapitals(_ tokens: inout [Token]) {
        var words = 0
        for token in tokens where token.typed.utf8.count >= 2 && token.typed.utf8.contains(where: isASCIILetter) {
            guard token.isUpper else { return }
            words += 1
        }
        guard words >= 3 else { return }
        for k in tokens.indices { tokens[k].isUpper = false }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }
}
