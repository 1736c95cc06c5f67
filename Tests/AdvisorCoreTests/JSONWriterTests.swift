import Foundation
import Testing

@testable import AdvisorCore

@Suite("JSON writer")
struct JSONWriterTests {
    @Test(
        "string literals round-trip through a JSON parser and carry no raw control characters",
        arguments: [
            "plain", "", "quote \" and backslash \\", "line\nbreak\r\ttab", "esc \u{1B}[31mred\u{1B}[0m",
            "nul \u{0} del \u{7F}", "c1 \u{85}\u{9B}\u{9F} and \u{A0}nbsp", "café 😀 “curly”", "\u{C2}\u{80}",
        ]
    )
    func roundTrip(_ text: String) throws {
        let literal = JSONWriter.quote(text)
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test("an answer is one JSON object with the contract's keys in order")
    func answerObject() throws {
        let advisor = try Advisor()
        var conversation = Conversation()
        let answer = advisor.answer("what does a CPC make in Ohio", in: &conversation)
        let line = JSONWriter.answer(answer, id: "7", user: "u\n1")
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "7")
        #expect(object["user"] as? String == "u\n1")
        #expect(object["intent"] as? String == "salary")
        #expect(object["answer"] as? String == answer.text)
        #expect(object["sources"] as? [String] == answer.sources)
        let keys = ["id", "user", "intent", "confidence", "slots", "answer", "sources"]
        let positions = keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }
}

extension JSONWriterTests {
    /// The escaping, one character at a time, as the writer promises it.
    static func referenceLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test("eight bytes at a time or one: every string is escaped as one character at a time would be")
    func wordAtATime() {
        // Characters that need an escape, their neighbours in UTF-8 (0xC2 0xA0, 0xC3 0x82), and plain text,
        // at every offset around the eight-byte steps.
        let pool: [String] = [
            "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}",
            "\u{A0}", "Â", "é", "•", "–", "😀", "~", "!",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = (0..<length).map { _ in pool.randomElement(using: &generator) ?? "a" }.joined()
            #expect(JSONWriter.quote(text) == Self.referenceLiteral(text), "\(Array(text.utf8))")
        }
        for prefix in 0..<16 {
            let padding = String(repeating: "x", count: prefix)
            for special in ["\u{85}", "\"", "\u{1}", "\u{7F}", "\u{A0}"] {
                let text = padding + special + padding
                #expect(JSONWriter.quote(text) == Self.referenceLiteral(text))
            }
        }
    }

    @Test("confidences are written digit by digit as twoDecimals writes them")
    func confidenceDigits() {
        let values = (0...1_200).map { Double($0) / 1_000 } + [0.005, 0.995, 9.994, 9.995, 12.5, 1_234.567, -0.25]
        for x in values {
            var out: [UInt8] = []
            JSONWriter.appendTwoDecimals(x, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == JSONWriter.twoDecimals(x), "\(x)")
        }
    }

    @Test("an answer without id or user opens with its intent")
    func answerWithoutIDOrUser() throws {
        let advisor = try Advisor()
        var conversation = Conversation()
        let line = JSONWriter.answer(advisor.answer("hi", in: &conversation))
        #expect(line.hasPrefix(#"{"intent":"greeting","confidence":"#))
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        let userOnly = JSONWriter.answer(advisor.answer("hi", in: &conversation), user: "u")
        #expect(userOnly.hasPrefix(#"{"user":"u","intent":"#))
    }
}
