import AdvisorREPL
import Testing

/// Wrapping answers to the terminal's width.
@Suite("TextWrapper")
struct TextWrapperTests {
    @Test("prose wraps at spaces within the width")
    func prose() {
        let text = String(repeating: "word ", count: 30).trimmingTrailingSpace
        let wrapped = TextWrapper.wrap(text, width: 40)
        for line in wrapped.split(separator: "\n") { #expect(TextWrapper.displayWidth(line) <= 40) }
        #expect(wrapped.split(separator: "\n").count == 4)
        #expect(wrapped.replacingNewlines == text)
    }

    @Test("list items hang under their text")
    func bullets() {
        let wrapped = TextWrapper.wrap("- " + String(repeating: "abc ", count: 15) + "end", width: 30)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        for line in lines.dropFirst() { #expect(line.hasPrefix("  ") && !line.hasPrefix("   ")) }
        let footnote = TextWrapper.wrap("[12] " + String(repeating: "xyz ", count: 15), width: 30)
        for line in footnote.split(separator: "\n").dropFirst() { #expect(line.hasPrefix("     ")) }
    }

    @Test("table rows and short lines are left exactly as they are")
    func tables() {
        let row = "CPC  $60,000      $47,000–$66,000  $58,895     $67,147  and more columns to be wide"
        #expect(TextWrapper.wrap(row, width: 40) == row)
        #expect(TextWrapper.wrap("short\n\nlines", width: 40) == "short\n\nlines")
    }

    @Test("an aligned label hangs its value")
    func label() {
        let wrapped = TextWrapper.wrap(
            "rule:        file.yaml:14  [" + String(repeating: "long ", count: 12),
            width: 40
        )
        #expect(wrapped.split(separator: "\n").count > 1)
        #expect(wrapped.hasPrefix("rule:        file.yaml:14 ["))
        for line in wrapped.split(separator: "\n").dropFirst() {
            #expect(line.hasPrefix(String(repeating: " ", count: 13)))
        }
    }

    @Test("wide characters and emoji take two columns; a long word stays whole")
    func widths() {
        #expect(TextWrapper.displayWidth("café") == 4)
        #expect(TextWrapper.displayWidth("😀") == 2)
        #expect(TextWrapper.displayWidth("日本") == 4)
        let url = "https://example.org/" + String(repeating: "a", count: 60)
        #expect(TextWrapper.wrap("see " + url, width: 30) == "see\n" + url)
    }
}

extension String {
    var trimmingTrailingSpace: String { String(reversed().drop { $0 == " " }.reversed()) }
    var replacingNewlines: String { split(separator: "\n").joined(separator: " ") }
}
