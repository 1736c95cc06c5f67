/// A long message cut into the question it asks and the story around it.
///
/// People who write several sentences ("Hi, I'm 47 and my knees are done after 25 years of waitressing. I'm not great
/// with computers. Is medical coding a good career change for someone my age?") tell their situation first; read
/// whole, the story's words outvote the question's. The intent is read from the sentence that asks, and the rest
/// fills only the slots the question leaves open (`Advisor.addBackground`).
struct MessageParts: Sendable, Equatable {
    /// The sentences that ask, with the one before the first when it is short: what the intent is read from.
    let question: String
    /// The other sentences, in order.
    let background: String

    /// Cuts `text`, or nil when it is shorter than `minimumWords` words, asks nothing or is all questions: such a
    /// message is read whole. The sentences that ask end with a question mark or open with one of `openers` ("what",
    /// "how"); when the first of them is short, the sentence before it joins them. A period after one of
    /// `abbreviations` ("Dr.") or a single letter ("U.S.") ends no sentence.
    init?(_ text: String, openers: Set<String>, abbreviations: Set<String>, minimumWords: Int, shortQuestion: Int) {
        // Most messages are short: counting their spaces is all they cost.
        var spaces = 0
        for byte in text.utf8 where byte == UInt8(ascii: " ") { spaces += 1 }
        guard spaces + 1 >= minimumWords else { return nil }
        let sentences = Self.sentences(text, abbreviations: abbreviations)
        guard sentences.count >= 2 else { return nil }
        var asks = sentences.indices.filter { k in
            sentences[k].last == "?" || Self.firstWord(sentences[k]).map { openers.contains($0) } == true
        }
        guard let first = asks.first else { return nil }
        if first > 0, Self.wordCount(sentences[first]) < shortQuestion { asks.insert(first - 1, at: 0) }
        guard asks.count < sentences.count else { return nil }
        question = asks.map { sentences[$0] }.joined(separator: " ")
        background = sentences.indices.filter { !asks.contains($0) }.map { sentences[$0] }.joined(separator: " ")
    }

    /// The sentences of `text`, trimmed, empty ones left out: a sentence ends at a line break, or at `.`, `!` or `?`
    /// (with any closing quotes or brackets) followed by a space or the end.
    static func sentences(_ text: String, abbreviations: Set<String>) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        func close(at end: String.Index) {
            var s = text[start..<end]
            while let first = s.first, first.isWhitespace { s = s.dropFirst() }
            while let last = s.last, last.isWhitespace { s = s.dropLast() }
            if !s.isEmpty { result.append(s) }
            start = end
        }
        while i < text.endIndex {
            let c = text[i]
            if c == "\n" || c == "\r" {
                close(at: i)
                i = text.index(after: i)
                start = i
                continue
            }
            guard c == "." || c == "!" || c == "?" else {
                i = text.index(after: i)
                continue
            }
            var j = text.index(after: i)
            while j < text.endIndex, ".!?\"')]”’".contains(text[j]) { j = text.index(after: j) }
            let atBreak = j == text.endIndex || text[j].isWhitespace
            if atBreak, c != "." || !endsAbbreviation(text[start..<i], abbreviations) { close(at: j) }
            i = j
        }
        close(at: text.endIndex)
        return result
    }

    /// Whether the word before a period is a single letter ("U.S.", "J.", not "$52k.") or one of `abbreviations`.
    private static func endsAbbreviation(_ before: Substring, _ abbreviations: Set<String>) -> Bool {
        let token = before.reversed().prefix { !$0.isWhitespace }
        guard !token.contains(where: \.isNumber) else { return false }
        let word = token.prefix { $0.isLetter || $0 == "." }
        let letters = String(word.reversed().filter(\.isLetter)).lowercased()
        return letters.count == 1 || word.dropFirst().contains(".") || abbreviations.contains(letters)
    }

    /// The first word of a sentence, lower-cased, letters only ("What's" gives "whats").
    private static func firstWord(_ sentence: Substring) -> String? {
        let word = sentence.prefix { !$0.isWhitespace && $0 != "," }
        let letters = String(word.filter(\.isLetter)).lowercased()
        return letters.isEmpty ? nil : letters
    }

    private static func wordCount(_ sentence: Substring) -> Int {
        sentence.split(whereSeparator: \.isWhitespace).count
    }
}
