import AdvisorCore

/// What Tab does with the text before the cursor.
public struct Completion: Equatable, Sendable {
    /// The typed text the completion replaces (the end of the text before the cursor).
    public var typed: String
    /// Every candidate that fits what was typed, sorted.
    public var matches: [String]
    /// What to put in place of `typed`: the single match and a space, or the matches' common start;
    /// nil when Tab can only list the matches (or beep when there are none).
    public var replacement: String?

    static let none = Completion(typed: "", matches: [], replacement: nil)
}

/// Tab completion for the chat: credentials, places, REPL commands and common question starters.
///
/// The credential and place names come from the advisor's loaded data, so new data completes without code changes.
public struct Completer: Sendable {
    /// Where in a line a candidate may be completed.
    enum Position: Sendable {
        case anywhere
        case lineStart
    }

    struct Candidate: Sendable {
        let text: String
        let folded: String
        let wordCount: Int
        let position: Position
    }

    private let candidates: [Candidate]
    private let maximumWords: Int

    /// Question starters offered at the start of a line.
    public static let starters = [
        "what does a", "what is the", "what is a", "how much does", "how much do", "how long does", "how do I",
        "which certification", "is there demand for", "can I", "do I need", "where do I find", "will AI replace",
        "is medical coding",
    ]

    /// A completer over any vocabulary: `words` anywhere, `starters` and `commands` at the start of a line.
    public init(words: [String], starters: [String], commands: [String]) {
        var seen = Set<String>()
        var list: [Candidate] = []
        func add(_ text: String, _ position: Position) {
            let folded = Self.fold(text)
            guard !folded.isEmpty, seen.insert(folded).inserted else { return }
            list.append(
                Candidate(text: text, folded: folded, wordCount: Self.words(folded).count, position: position)
            )
        }
        for w in words { add(w, .anywhere) }
        for s in starters { add(s, .lineStart) }
        for c in commands { add(c, .lineStart) }
        candidates = list
        maximumWords = list.map(\.wordCount).max() ?? 1
    }

    /// A completer over the advisor's credentials (codes and names), states and metros, and the REPL commands.
    public init(advisor: Advisor) {
        var words: [String] = []
        for code in advisor.knowledge.credentialOrder {
            words.append(code)
            if let name = advisor.knowledge.credentials[code]?.name, name != code { words.append(name) }
        }
        for slot in ["state", "metro", "country"] {
            words += advisor.slotValueNames(slot).values.sorted()
        }
        self.init(words: words, starters: Self.starters, commands: REPLCommand.names)
    }

    /// Completes the end of `beforeCursor`; the longest run of typed words that starts a candidate wins.
    public func complete(_ beforeCursor: String) -> Completion {
        let leading = beforeCursor.prefix { $0 == " " || $0 == "\t" }
        let text = beforeCursor.dropFirst(leading.count)
        if text.isEmpty {
            return listing(candidates.filter { $0.position == .lineStart }.map(\.text), typed: "")
        }
        let trailingSpace = text.last == " " || text.last == "\t"
        let starts = wordStarts(text)
        for n in stride(from: min(maximumWords, starts.count), through: 1, by: -1) {
            let start = starts[starts.count - n]
            let typed = text[start...]
            let folded = Self.fold(typed) + (trailingSpace ? " " : "")
            let atLineStart = start == text.startIndex
            let matches = candidates.filter {
                ($0.wordCount > n || (!trailingSpace && $0.wordCount == n)) && $0.folded.hasPrefix(folded)
                    && ($0.position == .anywhere || atLineStart)
            }
            // Capitals typed ("CI") mean a code: prefer the candidates that start with them exactly.
            let letters = typed.filter(\.isLetter)
            let exact =
                letters.count >= 2 && letters.allSatisfy(\.isUppercase)
                ? matches.filter { $0.text.hasPrefix(typed) } : []
            if !exact.isEmpty { return listing(exact.map(\.text), typed: String(typed)) }
            if !matches.isEmpty { return listing(matches.map(\.text), typed: String(typed)) }
        }
        return .none
    }

    private func listing(_ texts: [String], typed: String) -> Completion {
        let sorted = texts.sorted { Self.fold($0) < Self.fold($1) }
        if sorted.count == 1 { return Completion(typed: typed, matches: sorted, replacement: sorted[0] + " ") }
        let common = Self.commonPrefix(sorted)
        let replacement = common.count > typed.count ? common : nil
        return Completion(typed: typed, matches: sorted, replacement: replacement)
    }

    /// Where each word of `text` starts.
    private func wordStarts(_ text: Substring) -> [Substring.Index] {
        var starts: [Substring.Index] = []
        var previous: Character = " "
        for i in text.indices {
            let c = text[i]
            if c != " " && c != "\t" && (previous == " " || previous == "\t") { starts.append(i) }
            previous = c
        }
        return starts
    }

    /// The start the texts share, compared without case, spelled as the first text spells it.
    static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map(Array.init) else { return "" }
        for t in texts.dropFirst() {
            let chars = Array(t)
            var n = 0
            while n < prefix.count, n < chars.count, fold(String(prefix[n])) == fold(String(chars[n])) { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }

    /// Lowercased with runs of spaces made single, for matching.
    static func fold(_ text: some StringProtocol) -> String {
        words(text.lowercased()).joined(separator: " ")
    }

    private static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}
