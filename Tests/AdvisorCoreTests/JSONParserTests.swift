import Foundation
import Testing

@testable import AdvisorCore

/// Documents both parsers read: the new one must accept and refuse the same ones, with the same values.
private let sameAsFoundation: [String] = [
    // Accepted.
    "{}", "[]", " \t\r\n{ \"a\" :\t1 }\n ", #"{"id":"17","user":"alice","text":"what does a CPC make in Ohio?"}"#,
    #"{"a":[1,2,3],"b":{"c":null},"d":[{}]}"#, "[true,false,null]", #""plain""#, #"{"":""}"#,
    #"{"a":1,"a":2}"#, #"{"a":{"x":1},"a":[2]}"#, "[[[[]]]]", #"[1,"a",{"b":[true]},-2.5e-3]"#,
    "0", "-0", "7", "7.0", "7.5", "1e3", "1E3", "1e+3", "1E-3", "1e05", "-0.0", "0.5", "-5",
    "12345678901234567890", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
    "-9223372036854775809", "0.30000000000000004", "123456789012345678901234567890", "1.7976931348623157e308",
    "5e-324", "1e-400", "1.00000000000000000E5",
    #""\"\\\/\b\f\n\r\t""#, #""\u00e9\u00E9""#, #""\ud83d\ude00""#, #""a\u0000b""#, "\"é ü 日本 😀\"",
    #""\u2028\uFFFF""#, "\"del \u{7F}\"", #"{"k\u00e9y":"v"}"#,
    // Refused: structure.
    "", " ", "{", "}", "[", "]", #"{"a"}"#, #"{"a":}"#, #"{"a" 1}"#, "{a:1}", "{'a':1}", "[1 2]", "[,1]",
    "[1,,2]", "{,}", #"{"a":1 "b":2}"#, #"{"a":1}}"#, "[1]]", "{}{}", "[1] x", "{} //c", "/*c*/{}", "[1]\u{0}",
    "\u{C}[1]", "\u{A0}[1]", "[1]\u{B}", #"{"a":1;"b":2}"#, "{1:2}",
    // Refused: numbers and words.
    "01", "-01", "00", "1.", ".5", "-", "+1", "1e", "1e+", "1.e5", "NaN", "Infinity", "-Infinity", "0x10",
    "1e400", "-1e400", "1.5.3", "1ee2", "--1", "[01]", "tru", "True", "nul", "nulll", "falsey", "[nul]",
    // Refused: strings.
    #""abc"#, #""\x""#, #""\'""#, #""\U0041""#, #""\u12""#, #""\u12G4""#, #""\ud800""#, #""\udc00""#,
    #""\ud800\u0041""#, #""\ud83d x""#, "\"a\tb\"", "\"a\u{1}b\"", "\"a\nb\"", #"{"a\"#,
]

/// Documents `JSONSerialization` accepts and RFC 8259 does not; the new parser refuses them on purpose.
private let refusedOnPurpose: [String] = ["[1,]", #"{"a":1,}"#, "[[],]", #"{"text":"hi",}"#, "\u{FEFF}{}"]

/// Where a value read by `JSONParser` differs from what `JSONSerialization` read; nil if it does not.
private func difference(_ ours: JSONValue, _ theirs: Any, at path: String = "$") -> String? {
    let mismatch = "\(path): \(ours) against \(theirs)"
    switch ours {
    case .string(let s):
        // Scalar by scalar: String's == would call canonically equivalent strings equal.
        guard let t = theirs as? String, Array(t.unicodeScalars) == Array(s.unicodeScalars) else { return mismatch }
    case .bool(let b):
        guard let n = theirs as? NSNumber, String(cString: n.objCType) == "c", n.boolValue == b else { return mismatch }
    case .null:
        guard theirs is NSNull else { return mismatch }
    case .number(let value, let text):
        guard let n = theirs as? NSNumber, String(cString: n.objCType) != "c" else { return mismatch }
        let close = n.doubleValue == value || abs(n.doubleValue - value) <= 1e-15 * abs(value)
        guard close, InputLine.idText(number: text) == n.stringValue else { return mismatch }
    case .array(let items):
        guard let t = theirs as? [Any], t.count == items.count else { return mismatch }
        for (k, (item, other)) in zip(items, t).enumerated() {
            if let found = difference(item, other, at: "\(path)[\(k)]") { return found }
        }
    case .object(let members):
        guard let t = theirs as? [String: Any] else { return mismatch }
        var lastWins: [String: JSONValue] = [:]
        for member in members { lastWins[member.key] = member.value }
        guard lastWins.count == t.count else { return mismatch }
        for (key, value) in lastWins {
            guard let other = t[key] else { return mismatch }
            if let found = difference(value, other, at: "\(path).\(key)") { return found }
        }
    }
    return nil
}

/// What `JSONSerialization` reads from a document, nil if it refuses it.
private func foundationReading(_ document: String) -> Any? {
    try? JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed])
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test("the table is big enough and has both kinds of documents")
    func tableSize() {
        #expect(sameAsFoundation.count >= 60)
        #expect(sameAsFoundation.contains { foundationReading($0) == nil })
        #expect(sameAsFoundation.contains { foundationReading($0) != nil })
    }

    @Test("accepts, refuses and decodes each document as JSONSerialization does", arguments: sameAsFoundation)
    func agreesWithFoundation(_ document: String) throws {
        let theirs = foundationReading(document)
        let ours = try? JSONParser.parse(document)
        #expect((ours != nil) == (theirs != nil), "accepted by \(ours != nil ? "JSONParser" : "JSONSerialization")")
        if let ours, let theirs {
            let found = difference(ours, theirs)
            #expect(found == nil, "\(found ?? "")")
        }
        #expect((try? JSONParser.parse(utf8: Array(document.utf8))) == ours)
    }

    @Test("refuses what RFC 8259 forbids and JSONSerialization lets through", arguments: refusedOnPurpose)
    func stricterThanFoundation(_ document: String) {
        #expect(foundationReading(document) != nil)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(document) }
    }

    @Test("decodes values as expected")
    func values() throws {
        let value = try JSONParser.parse(#"{"a":[1,-2.5e1,"x\n\u00e9\ud83d\ude00"],"b":true,"a":null}"#)
        #expect(value["a"] == .null)
        #expect(value["b"] == .bool(true))
        guard case .object(let members) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.key) == ["a", "b", "a"])
        #expect(
            members[0].value
                == .array([.number(1, text: "1"), .number(-25, text: "-2.5e1"), .string("x\né😀")])
        )
        #expect(try JSONParser.parse(" 4.50 ") == .number(4.5, text: "4.50"))
    }

    @Test("errors say why and where")
    func errors() {
        let cases: [(String, JSONParseError.Reason, Int)] = [
            ("[1,]", .unexpectedCharacter, 3), ("01", .leadingZero, 1), ("1e400", .numberOutOfRange, 0),
            (#""\q""#, .invalidEscape, 1), (#""\udc00""#, .loneSurrogate, 1), ("\"a\u{1}\"", .controlCharacter, 2),
            ("[1] 2", .trailingCharacters, 4), (#"{"a":"#, .unexpectedEnd, 5), ("nulx", .unexpectedCharacter, 3),
        ]
        for (document, reason, offset) in cases {
            #expect(throws: JSONParseError(reason, at: offset), "\(document)") { try JSONParser.parse(document) }
        }
        #expect(throws: JSONParseError(.invalidUTF8, at: 0)) { try JSONParser.parse(utf8: [0x22, 0xFF, 0x22]) }
    }

    @Test("nesting: 512 levels as JSONSerialization allows, deeper is an error, 1,000 and 100,000 do not crash")
    func nesting() throws {
        func nested(_ depth: Int, _ open: String, _ close: String, _ inner: String = "") -> String {
            String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
        }
        // Each shape repeats a unit that opens `levels` containers, to 512 levels in all.
        for (open, close, inner, levels) in [("[", "]", "", 1), (#"{"a":"#, "}", "1", 1), (#"[{"a":"#, "}]", "1", 2)] {
            let allowed = nested(JSONParser.maximumDepth / levels, open, close, inner)
            let tooDeep = "[" + allowed + "]"
            #expect(foundationReading(allowed) != nil)
            #expect(foundationReading(tooDeep) == nil)
            #expect(throws: Never.self) { try JSONParser.parse(allowed) }
            let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(tooDeep) }
            #expect(error?.reason == .tooDeep)
        }
        for depth in [1_000, 100_000] {
            for document in [nested(depth, "[", "]"), nested(depth, #"{"a":"#, "}", "1")] {
                let error = #expect(throws: JSONParseError.self) { try JSONParser.parse(document) }
                #expect(error?.reason == .tooDeep)
            }
        }
        let inLine = InputLine.parse(#"{"text": "hi", "x": "# + nested(1_000, "[", "]") + "}")
        #expect(inLine == .problem(.badJSON("not valid JSON"), id: nil))
    }

    @Test("a 10 MB string, with and without escapes, and a long array read whole")
    func longDocuments() throws {
        let plain = String(repeating: "a", count: 10_000_000)
        #expect(try JSONParser.parse("\"" + plain + "\"") == .string(plain))
        let escaped = String(repeating: #"abc\n\u00e9\"12"#, count: 500_000)
        let decoded = String(repeating: "abc\né\"12", count: 500_000)
        #expect(try JSONParser.parse("[\"" + escaped + "\"]") == .array([.string(decoded)]))
        let numbers = "[" + (0..<200_000).map(String.init).joined(separator: ",") + "]"
        guard case .array(let items) = try JSONParser.parse(numbers) else {
            Issue.record("not an array")
            return
        }
        #expect(items.count == 200_000)
        #expect(items.last == .number(199_999, text: "199999"))
    }

    @Test("a number id becomes the text NSNumber.stringValue gave")
    func numberIDs() throws {
        let expected = [
            "7": "7", "7.0": "7.0", "7.5": "7.5", "1e3": "1000.0", "1E3": "1000.0", "-0": "0", "-0.0": "-0.0",
            "12345678901234567890": "12345678901234567890", "42": "42", "4.5": "4.5", "1e21": "1e+21",
            "1e-7": "1e-07", "0.30000000000000004": "0.30000000000000004",
        ]
        for (number, text) in expected {
            #expect(InputLine.idText(number: number) == text, "\(number)")
            let parsed = InputLine.parse(#"{"id": "# + number + #", "text": "hi"}"#)
            #expect(parsed == .question(text: "hi", user: nil, id: text), "\(number)")
            let theirs = try #require(foundationReading(number) as? NSNumber)
            #expect(theirs.stringValue == text, "\(number)")
        }
    }

    @Test("requests read as they were with JSONSerialization: ids, types, missing text, order of checks")
    func requestsUnchanged() {
        let long = String(repeating: "u", count: 257)
        let lines = [
            #"{"text":"hi"}"#, #"{"id":7,"text":"hi"}"#, #"{"id":7.0,"text":"hi"}"#, #"{"id":-0,"text":"hi"}"#,
            #"{"id":1e3,"text":"hi"}"#, #"{"id":12345678901234567890,"text":"hi"}"#,
            #"{"id":-9223372036854775809,"text":"hi"}"#, #"{"id":0.1000000000000000055511,"text":"hi"}"#,
            #"{"id":true,"text":"hi"}"#, #"{"id":null,"text":"hi"}"#, #"{"id":[1],"text":"hi"}"#,
            #"{"id":{},"text":"hi"}"#, #"{"id":"a","user":5,"text":"hi"}"#, #"{"id":"a","user":null}"#,
            #"{"user":""# + long + #"","text":"hi"}"#, #"{"id":"a","type":3}"#,
            #"{"id":"a","type":"dance","text":"hi"}"#,
            #"{"type":"reset","user":"bob"}"#, #"{"type":"why"}"#, #"{"type":"sources","id":9}"#,
            #"{"type":"ask","text":"  hi  "}"#, #"{"id":"a"}"#, #"{"id":"a","text":5}"#, #"{"id":"a","text":"   "}"#,
            #"{"id":"a","text":"a\u0000b"}"#, #"{"text":"a","text":"b"}"#, #"{"id":1,"id":"x","text":"hi"}"#,
            #"{"id":true,"user":5}"#, #"{"id":"x","user":5,"type":"dance"}"#, #"{"id":"x","type":"dance"}"#,
            "{text: hi}", #"{"text":"hi""#, #"{"text":"hi"} x"#, #"{"text":"\ud800"}"#, #"{"text":"caf\u00e9 \t"}"#,
            #"{"x":[[[{"y":null}]]],"text":"ok"}"#, #"{"user":"é","text":"hi"}"#, #"{ "text" : "hi" , "id" : "q" }"#,
            #"{"id":1e400,"text":"hi"}"#, #"{"id":"7","text":"hi","extra":[1,2,{"z":false}]}"#,
        ]
        for line in lines { #expect(InputLine.parse(line) == legacyParse(line), "\(line)") }
        #expect(InputLine.parse(#"{"id": 7.5, "text": "hi"}"#) == .question(text: "hi", user: nil, id: "7.5"))
        #expect(
            InputLine.parse(#"{"id": false, "text": "hi"}"#)
                == .problem(.badJSON("'id' must be a string or a number"), id: nil)
        )
        #expect(InputLine.parse(#"{"id": "q", "user": 1}"#) == .problem(.badJSON("'user' must be a string"), id: "q"))
        #expect(
            InputLine.parse(#"{"id": 3, "type": ["ask"]}"#) == .problem(.badJSON("'type' must be a string"), id: "3")
        )
        #expect(InputLine.parse(#"{"id": "q", "user": "u"}"#) == .problem(.badJSON("missing 'text'"), id: "q"))
        #expect(InputLine.parse(#"{"id": "q", "type": "dance"}"#) == .problem(.unknownType("dance"), id: "q"))
        #expect(InputLine.parse(#"{"type": "why", "user": "u"}"#) == .command(.why, user: "u", id: nil))
        // The one deliberate change: a trailing comma, which JSONSerialization let through, is refused.
        #expect(legacyParse(#"{"text":"hi",}"#) == .question(text: "hi", user: nil, id: nil))
        #expect(InputLine.parse(#"{"text":"hi",}"#) == .problem(.badJSON("not valid JSON"), id: nil))
    }
}

/// `InputLine.parse` for a JSON line as it was before `JSONParser`, on `JSONSerialization`, for comparison.
private func legacyParse(_ line: String) -> InputLine {
    guard let object = try? JSONSerialization.jsonObject(with: Data(InputLine.trim(line).utf8), options: []) else {
        return .problem(.badJSON("not valid JSON"), id: nil)
    }
    guard let dict = object as? [String: Any] else { return .problem(.badJSON("expected a JSON object"), id: nil) }
    var id: String? = nil
    if let raw = dict["id"] {
        switch raw {
        case let s as String: id = s
        case let n as NSNumber where String(cString: n.objCType) != "c": id = n.stringValue
        default: return .problem(.badJSON("'id' must be a string or a number"), id: nil)
        }
    }
    var user: String? = nil
    if let raw = dict["user"] {
        guard let s = raw as? String else { return .problem(.badJSON("'user' must be a string"), id: id) }
        guard s.utf8.count <= 256 else { return .problem(.badJSON("'user' is longer than 256 bytes"), id: id) }
        user = s
    }
    if let raw = dict["type"] {
        guard let type = raw as? String else { return .problem(.badJSON("'type' must be a string"), id: id) }
        switch type {
        case "ask": break
        case "reset": return .command(.reset, user: user, id: id)
        case "why": return .command(.why, user: user, id: id)
        case "sources": return .command(.sources, user: user, id: id)
        default: return .problem(.unknownType(type), id: id)
        }
    }
    guard let rawText = dict["text"] else { return .problem(.badJSON("missing 'text'"), id: id) }
    guard let question = rawText as? String else { return .problem(.badJSON("'text' must be a string"), id: id) }
    let trimmed = InputLine.trim(question)
    if trimmed.isEmpty { return .problem(.empty, id: id) }
    if trimmed.unicodeScalars.contains(where: { $0.value == 0 }) { return .problem(.controlCharacters, id: id) }
    return .question(text: trimmed, user: user, id: id)
}
