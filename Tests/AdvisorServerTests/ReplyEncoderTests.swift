import AdvisorServer
import NIOCore
import Testing

@Suite("Reply encoder")
struct ReplyEncoderTests {
    @Test("text replies are dot-stuffed and end with a single-dot line")
    func dotStuffing() {
        var out = ByteBuffer()
        ReplyEncoder.writeText("first\n.hidden\n..two\nlast", into: &out)
        let wire = String(buffer: out)
        #expect(wire == "first\n..hidden\n...two\nlast\n.\n")
        let lines = wire.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(ReplyEncoder.unstuff(Array(lines.dropLast(2))) == "first\n.hidden\n..two\nlast")
    }

    @Test("a text ending in a newline gets no empty line before the dot; CR is dropped")
    func endings() {
        var out = ByteBuffer()
        ReplyEncoder.writeText("a\r\nb\n", into: &out)
        #expect(String(buffer: out) == "a\nb\n.\n")
    }

    @Test("any text comes out as the byte-by-byte rules say: dots doubled at line starts, CRs dropped")
    func randomTexts() {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        let alphabet = Array("ab.\n\r•é ")
        for _ in 0..<2_000 {
            let text = String((0..<(next() % 30)).map { _ in alphabet[next() % alphabet.count] })
            // The rules, one byte at a time.
            var expected: [UInt8] = []
            var atLineStart = true
            for byte in text.utf8 where byte != UInt8(ascii: "\r") {
                if atLineStart && byte == UInt8(ascii: ".") { expected.append(byte) }
                expected.append(byte)
                atLineStart = byte == UInt8(ascii: "\n")
            }
            if !atLineStart { expected.append(UInt8(ascii: "\n")) }
            expected += Array(".\n".utf8)
            var out = ByteBuffer()
            ReplyEncoder.writeText(text, into: &out)
            #expect(Array(out.readableBytesView) == expected, "\(text.debugDescription)")
        }
    }
}
