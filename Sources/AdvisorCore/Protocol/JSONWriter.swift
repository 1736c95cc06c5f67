import FoundationEssentials

/// Writes the contract's JSON objects with a stable key order, one line each.
public enum JSONWriter {
    public static func answer(_ a: Answer, id: String? = nil, user: String? = nil) -> String {
        var out: [UInt8] = []
        appendAnswer(a, id: id, user: user, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the answer object (without a line ending) to `out`. The server and the batch door write these
    /// bytes as they are: no string is made of them, and no field is made a string of its own first.
    public static func appendAnswer(_ a: Answer, id: String?, user: String?, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + a.text.utf8.count + 256)
        out.append(UInt8(ascii: "{"))
        if let id {
            appendKey("id", first: true, to: &out)
            appendQuoted(id, to: &out)
        }
        if let user {
            appendKey("user", first: id == nil, to: &out)
            appendQuoted(user, to: &out)
        }
        appendKey("intent", first: id == nil && user == nil, to: &out)
        appendQuoted(a.intent, to: &out)
        appendKey("confidence", to: &out)
        appendTwoDecimals(a.confidence, to: &out)
        appendKey("slots", to: &out)
        appendSlots(a.slots, to: &out)
        appendKey("answer", to: &out)
        appendQuoted(a.text, to: &out)
        appendKey("sources", to: &out)
        appendList(a.sources, to: &out)
        if !a.clarify.isEmpty {
            appendKey("clarify", to: &out)
            appendList(a.clarify, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `"name":`, after a comma unless it is the object's first member.
    @inline(__always)
    private static func appendKey(_ name: StaticString, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// Appends a JSON array of strings.
    private static func appendList(_ items: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for k in items.indices {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(items[k], to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Appends `twoDecimals(x)` without making a string of it when x is under 10 (a confidence always is).
    static func appendTwoDecimals(_ x: Double, to out: inout [UInt8]) {
        let hundredths = Int((x * 100).rounded())
        guard hundredths >= 0, hundredths < 1_000 else {
            out.append(contentsOf: twoDecimals(x).utf8)
            return
        }
        func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(truncatingIfNeeded: value) }
        out.append(digit(hundredths / 100))
        out.append(UInt8(ascii: "."))
        out.append(digit(hundredths / 10 % 10))
        out.append(digit(hundredths % 10))
    }

    /// "0.93": two decimals without Foundation's formatter.
    static func twoDecimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func error(_ problem: InputProblem, id: String? = nil, line: Int? = nil) -> String {
        var fields: [(String, String)] = []
        if let id { fields.append(("id", quote(id))) }
        fields.append(("error", quote(problem.description)))
        if let line { fields.append(("line", String(line))) }
        return object(fields)
    }

    public static func slots(_ s: Slots) -> String {
        var out: [UInt8] = []
        appendSlots(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the slots object: each slot's value, or a list of values when it has several (or none).
    static func appendSlots(_ s: Slots, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (k, name) in s.names.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            appendQuoted(name, to: &out)
            out.append(UInt8(ascii: ":"))
            let values = s[name]
            if values.count != 1 { out.append(UInt8(ascii: "[")) }
            for (j, v) in values.enumerated() {
                if j > 0 { out.append(UInt8(ascii: ",")) }
                switch v {
                case .text(let t): appendQuoted(t, to: &out)
                case .number(let n): out.append(contentsOf: String(n).utf8)
                case .money: out.append(contentsOf: v.description.utf8)
                }
            }
            if values.count != 1 { out.append(UInt8(ascii: "]")) }
        }
        out.append(UInt8(ascii: "}"))
    }

    public static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A JSON string literal; control characters are escaped, so no raw escape reaches a terminal.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal: quotes and backslashes escaped, C0 and C1 control
    /// characters and DEL written as `\u00XX`. Eight bytes at a time are skipped while none of them can
    /// need an escape, and runs of bytes that need none are copied at once.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var copied = 0
            var i = 0
            while i < count {
                if i + 8 <= count, !mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let end = min(i + 8, count)
                while i < end {
                    let byte = base[i]
                    // U+0080–U+009F (C1 controls) are 0xC2 0x80–0x9F.
                    let c1 = byte == 0xC2 && i + 1 < count && base[i + 1] >= 0x80 && base[i + 1] < 0xA0
                    guard
                        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || c1
                    else {
                        i += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: i - copied))
                    switch byte {
                    case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                    case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                    case 0x0A: out.append(contentsOf: "\\n".utf8)
                    case 0x0D: out.append(contentsOf: "\\r".utf8)
                    case 0x09: out.append(contentsOf: "\\t".utf8)
                    case 0xC2:
                        i += 1
                        escape(base[i], to: &out)
                    default: escape(byte, to: &out)
                    }
                    i += 1
                    copied = i
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes (little or big end alike) is below 0x20, a quote, a backslash, DEL or 0xC2
    /// (the lead byte of the C1 controls). May say yes when none is (a borrow reaches the next byte), never no
    /// when one is.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let equal =
            hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C)) | hasZeroByte(word ^ (ones &* 0x7F))
            | hasZeroByte(word ^ (ones &* 0xC2))
        return below20 | equal != 0
    }

    /// `\u00XX` for a byte.
    private static func escape(_ value: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u00".utf8)
        for digit in [value >> 4, value & 0xF] { out.append(digit < 10 ? 0x30 + digit : 0x57 + digit) }
    }
}
