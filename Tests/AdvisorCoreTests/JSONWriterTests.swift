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
