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
}
