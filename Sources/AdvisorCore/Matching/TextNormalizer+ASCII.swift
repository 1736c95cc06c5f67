/// The tokenizer's fast path for ASCII text (most questions), on the bytes themselves.
extension TextNormalizer {
    /// Byte classes of ASCII: what the tokenizer asks of each character.
    private enum ByteClass {
        static let upper: UInt8 = 1
        static let lower: UInt8 = 2
        static let digit: UInt8 = 4
        static let letter: UInt8 = upper | lower
        static let word: UInt8 = letter | digit
    }

    /// The class of each ASCII byte.
    private static let byteClasses: [UInt8] = (0..<128).map { b in
        switch UInt8(b) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): ByteClass.upper
        case UInt8(ascii: "a")...UInt8(ascii: "z"): ByteClass.lower
        case UInt8(ascii: "0")...UInt8(ascii: "9"): ByteClass.digit
        default: 0
        }
    }

    /// `tokenize(scalars:)` for text whose bytes are all ASCII: the same tokens, without decoding scalars. A
    /// token's text is its bytes lower-cased, less the apostrophes and thousands separators it dropped.
    static func tokenize(ascii bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        byteClasses.withUnsafeBufferPointer { classes in
            let count = bytes.count
            @inline(__always) func isClass(_ i: Int, _ c: UInt8) -> Bool { classes[Int(bytes[i])] & c != 0 }
            var tokens: [Token] = []
            tokens.reserveCapacity(count / 4 + 1)
            var i = 0
            while i < count {
                guard isClass(i, ByteClass.word) else {
                    i += 1
                    continue
                }
                let start = i
                // Whether the word dropped bytes (apostrophes, thousands separators); whether it is a "w/".
                var edited = false
                var with = false
                var wordLength = 0
                var last: UInt8 = 0x20
                while i < count {
                    let c = bytes[i]
                    let hasNext = i + 1 < count
                    if isClass(i, ByteClass.word) {
                        wordLength += 1
                        last = c
                    } else if c == UInt8(ascii: ","), wordLength > 0, classes[Int(last)] & ByteClass.digit != 0,
                        i + 3 < count, isClass(i + 1, ByteClass.digit), isClass(i + 2, ByteClass.digit),
                        isClass(i + 3, ByteClass.digit)
                    {
                        edited = true
                    } else if c == UInt8(ascii: "'"), hasNext, isClass(i + 1, ByteClass.letter), wordLength > 0 {
                        edited = true
                    } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "/")
                        || c == UInt8(ascii: "&"), hasNext, isClass(i + 1, ByteClass.word), wordLength > 0
                    {
                        wordLength += 1
                        last = c
                    } else if c == UInt8(ascii: "/"), wordLength == 1, last == UInt8(ascii: "w") {
                        with = true
                        i += 1
                        break
                    } else if c == UInt8(ascii: "+"), wordLength > 0 {
                        i += 1
                        while i < count && bytes[i] == UInt8(ascii: "+") { i += 1 }
                        break
                    } else {
                        break
                    }
                    i += 1
                }
                var letters = 0
                var upper = 0
                for k in start..<i {
                    let c = classes[Int(bytes[k])]
                    if c & ByteClass.letter != 0 { letters += 1 }
                    if c & ByteClass.upper != 0 { upper += 1 }
                }
                let typedBytes = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let typed = String(decoding: typedBytes, as: UTF8.self)
                let text: String
                if with {
                    text = "with"
                } else {
                    text = String(unsafeUninitializedCapacity: typedBytes.count) { out in
                        var n = 0
                        for b in typedBytes {
                            // The only commas and apostrophes a word's bytes hold are the ones it dropped.
                            if edited, b == UInt8(ascii: "'") || b == UInt8(ascii: ",") { continue }
                            out[n] = classes[Int(b)] & ByteClass.upper != 0 ? b | 0x20 : b
                            n += 1
                        }
                        return n
                    }
                }
                let isUpper = i - start >= 2 && letters > 0 && upper == letters
                tokens.append(Token(text: text, typed: typed, start: start, end: i, isUpper: isUpper))
            }
            return tokens
        }
    }
}
