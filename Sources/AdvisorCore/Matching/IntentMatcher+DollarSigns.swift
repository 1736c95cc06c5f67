/// A dollar sign that stands for money rather than before an amount.
extension IntentMatcher {
    /// A "$" (or a run of them) not followed by a number reads as the word "money": "cpc $$", "inpt vs outpt $",
    /// "location matter for $?". One before or right after a number ("$45k", "$ 45,000", "45$") is the amount's unit and stays out.
    static func readDollarSigns(_ tokens: inout [Token], in text: String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "$" else {
                i += 1
                continue
            }
            let start = i
            while i < scalars.count, scalars[i] == "$" { i += 1 }
            var next = i
            if next < scalars.count, scalars[next] == " " { next += 1 }
            if next < scalars.count, ("0"..."9").contains(scalars[next]) { continue }
            // "45$ an hour": written after the number, it is still the amount's unit.
            if start > 0, ("0"..."9").contains(scalars[start - 1]) { continue }
            let token = Token(
                text: "money",
                typed: String(String.UnicodeScalarView(scalars[start..<i])),
                start: start,
                end: i,
                isUpper: false
            )
            let at = tokens.firstIndex { $0.start >= start } ?? tokens.count
            tokens.insert(token, at: at)
        }
    }
}
