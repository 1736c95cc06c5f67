import Foundation
import Testing

@testable import AdvisorCore

/// The Foundation-free formatting and folding the advisor uses must agree with Foundation's own.
@Suite("formatting and folding without Foundation")
struct FormattingTests {
    @Test("String.fixed writes what String(format: \"%.Nf\") writes, ties and negatives included")
    func fixedMatchesPrintf() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 3.095, 1.005, 2.675, 0.045, 99.995, 123456.5,
        ]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: 0..<1_000, using: &generator)
            values.append(Bool.random(using: &generator) ? magnitude : -magnitude)
            // Values near a tie at two and three places.
            values.append(Double(Int.random(in: 0..<100_000, using: &generator)) / 1_000 + 0.0005)
            values.append(Double(Int.random(in: 0..<100_000, using: &generator)) / 100 + 0.005)
        }
        for x in values {
            for places in 0...4 {
                #expect(String.fixed(x, places) == String(format: "%.\(places)f", x), "\(x) to \(places) places")
            }
        }
    }

    @Test("padded lays out columns as padding(toLength:) does; rightAligned pads on the left")
    func columns() {
        for text in ["", "cpc", "café", "a longer intent name"] {
            #expect(text.padded(to: 8) == text.padding(toLength: 8, withPad: " ", startingAt: 0))
            #expect(text.rightAligned(8) == String(repeating: " ", count: max(0, 8 - text.count)) + text)
        }
    }

    @Test("UnicodeFolding folds accented Latin letters, full-width forms and case as Foundation's folding does")
    func foldingMatchesFoundation() {
        var words = [
            "Café", "CALIFÓRNIA", "Señor", "naïve", "Ｃｏｄｅｒ", "ｃｐｃ", "Ångström", "ĆĘŁŃÓŚŹŻ", "Việt", "e\u{301}te",
        ]
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) {
            if let scalar = Unicode.Scalar(value) { words.append(String(Character(scalar))) }
        }
        for word in words {
            let expected = word.folding(
                options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                locale: nil
            )
            .lowercased()
            // Letters without a canonical decomposition (Ø, Đ, Ł, ß...) are left alone by both, bar case.
            #expect(
                UnicodeFolding.fold(word) == expected,
                "\(word): \(word.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }
}
