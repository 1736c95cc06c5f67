/// Wraps answer text to a terminal's width, keeping lists indented and tables as they are.
///
/// A line is wrapped at spaces by display width (wide characters and emoji count two columns).
/// Continuation lines hang under the text of a list item ("- ", "• ", "[1] ", "2. ") or under the value
/// of an aligned "label:   value" line. Any other line with two or more runs of spaces is a table row: left alone.
/// Runs of spaces in wrapped lines become single spaces.
/// A single word longer than the width (a URL) stays whole on its own line.
public enum TextWrapper {
    public static func wrap(_ text: String, width: Int) -> String {
        let width = max(width, 20)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine($0, width: width) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: Substring, width: Int) -> String {
        guard displayWidth(line) > width, let indent = hangingIndent(line) else { return String(line) }
        // The head (indentation, list marker or "label:   ") is kept as written; the rest is wrapped under it.
        let hang = min(indent, width / 2)
        var split = line.startIndex
        var headWidth = 0
        while split < line.endIndex, headWidth < hang {
            headWidth += Self.width(of: line[split])
            split = line.index(after: split)
        }
        var lines: [String] = []
        var current = String(line[..<split])
        var currentWidth = headWidth
        var lineHasWord = false
        let pad = String(repeating: " ", count: hang)
        for word in line[split...].split(separator: " ", omittingEmptySubsequences: true) {
            let w = displayWidth(word)
            if lineHasWord && currentWidth + 1 + w > width {
                lines.append(current)
                current = pad
                currentWidth = pad.count
                lineHasWord = false
            }
            if lineHasWord {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += w
            lineHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Where continuation lines start, or nil when the line is a table row that must not be wrapped.
    static func hangingIndent(_ line: Substring) -> Int? {
        let leading = line.prefix { $0 == " " }.count
        let body = line.dropFirst(leading)
        var gaps: [(column: Int, afterColon: Bool)] = []
        var run = 0
        var column = leading
        var previous: Character = " "
        for c in body {
            if c == " " {
                run += 1
            } else {
                if run >= 2 { gaps.append((column, previous == ":")) }
                run = 0
                previous = c
            }
            column += width(of: c)
        }
        if let gap = gaps.first, gap.afterColon { return gap.column }
        if gaps.count >= 2 { return nil }
        return leading + markerWidth(body)
    }

    /// The width of a list marker at the start of `body` with its space ("- ", "[12] ", "3. "), or 0.
    static func markerWidth(_ body: Substring) -> Int {
        for bullet in ["- ", "• ", "* ", "· "] where body.hasPrefix(bullet) { return 2 }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = body.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return digits.count + 2 }
        }
        if body.hasPrefix("[") {
            let inner = body.dropFirst().prefix { $0.isASCII && $0.isNumber }
            if !inner.isEmpty, body.dropFirst(1 + inner.count).hasPrefix("] ") { return inner.count + 3 }
        }
        return 0
    }

    /// Columns a text takes on a terminal.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// Columns one character takes: 2 for wide (East Asian) characters and emoji, 0 for controls and marks.
    static func width(of c: Character) -> Int {
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if first.properties.isEmojiPresentation || c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return 2
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}
