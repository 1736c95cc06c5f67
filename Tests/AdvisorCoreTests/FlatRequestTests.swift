import Testing

@testable import AdvisorCore

/// The quick reader of common requests (`InputLine.flatRequest`) must give what the general reader gives, or
/// leave the line to it.
@Suite struct FlatRequestTests {
    /// What a line reads as through the general reader alone.
    private func general(_ bytes: [UInt8]) -> InputLine {
        guard bytes.count <= InputLine.maximumBytes else { return .problem(.tooLong(bytes.count), id: nil) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .problem(.invalidUTF8, id: nil) }
        return InputLine.parse(text)
    }

    private func quick(_ bytes: [UInt8]) -> InputLine? {
        bytes.withUnsafeBufferPointer { InputLine.flatRequest($0) }
    }

    private func parsed(_ bytes: [UInt8]) -> InputLine {
        bytes.withUnsafeBufferPointer { InputLine.parse(utf8: $0) }
    }

    @Test func readsTheCommonRequestsItself() {
        let lines = [
            #"{"id":"17","user":"alice","text":"what does a CPC make in Ohio?"}"#,
            #"{"text": "cpc pay"}"#,
            #" { "user" : "u-1" , "text" : "  and in Texas?  " , "id" : "a b" } "#,
            #"{"id":"","user":"","text":"é ü 日本 😀"}"#,
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            #expect(quick(bytes) != nil, "\(line)")
            #expect(parsed(bytes) == general(bytes), "\(line)")
        }
        #expect(
            parsed(Array(#"{"user":"u","text":" hi ","id":"9"}"#.utf8)) == .question(text: "hi", user: "u", id: "9")
        )
    }

    @Test func leavesEverythingElseToTheGeneralReader() {
        let lines = [
            #"{"id":7,"text":"hi"}"#, #"{"type":"why","user":"u"}"#, #"{"type":"ask","text":"hi"}"#,
            #"{"text":"a\"b"}"#, #"{"text":"caf\u00e9"}"#, #"{"text":"hi","text":"ho"}"#,
            #"{"id":"1","id":"2","text":"x"}"#, #"{"text":"hi","x":"y"}"#, #"{"text":"   "}"#, #"{"user":"u"}"#, "{}",
            #"{"text":"hi"} x"#, #"{"text":"hi",}"#,
            #"{"text":"hi""#, #"{"text" "hi"}"#, "{\"text\":\"a\tb\"}", "{\"text\":\"a\u{0}b\"}",
            #"{"user":""# + String(repeating: "u", count: 257) + #"","text":"hi"}"#, #"["text"]"#, "plain question",
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            #expect(quick(bytes) == nil, "\(line)")
            #expect(parsed(bytes) == general(bytes), "\(line)")
        }
        let invalid: [UInt8] = Array(#"{"text":"caf"#.utf8) + [0xC3] + Array(#""}"#.utf8)
        #expect(quick(invalid) == nil)
        #expect(parsed(invalid) == .problem(.invalidUTF8, id: nil))
    }

    /// Requests with bytes changed, dropped or repeated at random: the two readers agree on every one.
    @Test func agreesWithTheGeneralReaderOnMutatedRequests() {
        var generator = SplitMix(seed: 0x5EED)
        let seeds = [
            #"{"id":"17","user":"alice","text":"what does a CPC make in Ohio?"}"#,
            #" { "text" : "and in Texas?", "user":"u-2" } "#,
        ].map { Array($0.utf8) }
        let alphabet = Array(#"{}[]:," \tabcdeiortuxy0179\"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xFF]
        var quickOnes = 0
        for round in 0..<20_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(bytes[at], at: at)
                }
                if bytes.isEmpty { bytes = [UInt8(ascii: "{")] }
            }
            if quick(bytes) != nil { quickOnes += 1 }
            #expect(parsed(bytes) == general(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
        // Many mutations leave a valid common request (a changed letter inside a value), so both paths are tried.
        #expect(quickOnes > 1_000)
    }
}

/// A small seeded generator, so a failure can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
