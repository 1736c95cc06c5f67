/// Inflections read as the words the rules know.
enum Inflection {
    /// The known word that `word` inflects, if any: a plural or third-person `s`/`es`, a past `ed`/`d`, a present
    /// participle `ing` ("differs" → "differ", "removed" → "remove", "caring" → "care"). Only words of five letters
    /// or more, and only to a word `isKnown` accepts.
    static func baseForm(of word: String, isKnown: (String) -> Bool) -> String? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 5, bytes.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return nil
        }
        func known(_ count: Int, adding suffix: String = "") -> String? {
            let base = String(decoding: bytes[..<count], as: UTF8.self) + suffix
            return isKnown(base) ? base : nil
        }
        let n = bytes.count
        if word.hasSuffix("ing") {
            // "caring" is "care", not "car": after one vowel and one consonant the silent "e" comes first.
            func vowel(_ k: Int) -> Bool { "aeiou".utf8.contains(bytes[k]) }
            if n >= 6, !vowel(n - 4), vowel(n - 5), !vowel(n - 6) {
                return known(n - 3, adding: "e") ?? known(n - 3)
            }
            return known(n - 3) ?? known(n - 3, adding: "e")
        }
        if word.hasSuffix("ied") || word.hasSuffix("ies") { return known(n - 3, adding: "y") }
        if word.hasSuffix("ed") { return known(n - 2) ?? known(n - 1) }
        if word.hasSuffix("es") { return known(n - 2) ?? known(n - 1) }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return known(n - 1) }
        return nil
    }
}
