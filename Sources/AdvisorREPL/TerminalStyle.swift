/// Colours for the chat: only on a terminal, never when `NO_COLOR` is set (https://no-color.org) or TERM is dumb.
///
/// In answers, figures ($58,895, 7.1%) are bold and parenthesised sources and footnotes are dim, so a figure
/// and its source are easy to tell apart; without colour the separate "Sources:" line does that job.
public struct TerminalStyle: Sendable {
    /// Whether escape sequences are written at all.
    public let colour: Bool

    public init(colour: Bool) {
        self.colour = colour
    }

    /// Colour when output is a terminal, `NO_COLOR` is unset or empty, and TERM is not `dumb`.
    public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        return TerminalStyle(colour: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    private static let reset = "\u{1B}[0m"

    func bold(_ s: String) -> String { paint(s, "1") }
    func dim(_ s: String) -> String { paint(s, "2") }
    func warning(_ s: String) -> String { paint(s, "33") }

    private func paint(_ s: String, _ code: String) -> String {
        colour && !s.isEmpty ? "\u{1B}[\(code)m\(s)\(Self.reset)" : s
    }

    /// The prompt, with colour escapes bracketed for libedit so they take no columns.
    public func prompt(_ text: String) -> String {
        guard colour else { return text + " " }
        let ignore = String(UnicodeScalar(LineEditor.promptIgnore))
        return ignore + "\u{1B}[1;36m" + ignore + text + ignore + Self.reset + ignore + " "
    }

    /// An answer's text with figures bold and parenthesised asides and footnote lines dim.
    ///
    /// Styles never run past the end of a line: an aside that wraps is dimmed again on the next line.
    func answer(_ text: String) -> String {
        guard colour else { return text }
        var out = ""
        var depth = 0
        var inFootnote = false
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out += "\n" }
            if line.hasPrefix("[") && TextWrapper.markerWidth(line) > 0 {
                inFootnote = true
            } else if !(inFootnote && line.hasPrefix(" ")) {
                inFootnote = false
            }
            out += inFootnote ? dim(String(line)) : styleLine(line, depth: &depth)
        }
        return out
    }

    /// One line, with `depth` the parentheses still open from the lines before.
    private func styleLine(_ line: Substring, depth: inout Int) -> String {
        var out = depth > 0 ? "\u{1B}[2m" : ""
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if c == "(" {
                if depth == 0 { out += "\u{1B}[2m" }
                depth += 1
            }
            if let end = Self.figureEnd(line, at: i) {
                out += "\u{1B}[1m" + line[i..<end] + "\u{1B}[22m" + (depth > 0 ? "\u{1B}[2m" : "")
                i = end
                continue
            }
            out.append(c)
            if c == ")" && depth > 0 {
                depth -= 1
                if depth == 0 { out += "\u{1B}[22m" }
            }
            i = line.index(after: i)
        }
        if depth > 0 { out += Self.reset }
        return out
    }

    /// Where a figure starting at `i` ends: "$58,895", "$22.50", "$60K", "7.1%", "+7.1%"; nil if none starts.
    static func figureEnd(_ line: Substring, at i: Substring.Index) -> Substring.Index? {
        let c = line[i]
        if i > line.startIndex {
            let before = line[line.index(before: i)]
            if before.isLetter || before.isNumber || before == "." || before == "," { return nil }
        }
        func digits(from start: Substring.Index) -> Substring.Index {
            var j = start
            while j < line.endIndex {
                let d = line[j]
                let next = line.index(after: j)
                if d.isASCII && d.isNumber {
                    j = next
                } else if d == "," || d == ".", next < line.endIndex, line[next].isASCII, line[next].isNumber {
                    j = next
                } else {
                    break
                }
            }
            return j
        }
        if c == "$" {
            let start = line.index(after: i)
            let end = digits(from: start)
            guard end > start else { return nil }
            if end < line.endIndex, "KkM".contains(line[end]) { return line.index(after: end) }
            return end
        }
        var start = i
        if c == "+" || c == "-" || c == "−" { start = line.index(after: i) }
        guard start < line.endIndex, line[start].isASCII, line[start].isNumber else { return nil }
        let end = digits(from: start)
        if end < line.endIndex, line[end] == "%" { return line.index(after: end) }
        return nil
    }
}
