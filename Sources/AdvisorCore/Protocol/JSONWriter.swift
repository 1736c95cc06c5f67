import FoundationEssentials

/// Writes the contract's JSON objects with a stable key order, one line each.
public enum JSONWriter {
    public static func answer(_ a: Answer, id: String? = nil, user: String? = nil) -> String {
        // One byte buffer for the whole line: no intermediate strings per field.
        var out: [UInt8] = []
        out.reserveCapacity(a.text.utf8.count + 256)
        out.append(UInt8(ascii: "{"))
        func key(_ name: StaticString) {
            if out.count > 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: "\":".utf8)
        }
        func list(_ items: [String]) {
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                appendQuoted(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        if let id {
            key("id")
            appendQuoted(id, to: &out)
        }
        if let user {
            key("user")
            appendQuoted(user, to: &out)
        }
        key("intent")
        appendQuoted(a.intent, to: &out)
        key("confidence")
        out.append(contentsOf: twoDecimals(a.confidence).utf8)
        key("slots")
        out.append(contentsOf: slots(a.slots).utf8)
        key("answer")
        appendQuoted(a.text, to: &out)
        key("sources")
        list(a.sources)
        if !a.clarify.isEmpty {
            key("clarify")
            list(a.clarify)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
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
        object(
            s.names.map { name in
                let values = s[name].map(value)
                return (name, values.count == 1 ? values[0] : "[" + values.joined(separator: ",") + "]")
            }
        )
    }

    static func value(_ v: SlotValue) -> String {
        switch v {
        case .text(let t): return quote(t)
        case .number(let n): return String(n)
        }
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
    /// characters and DEL written as `\u00XX`. Runs of bytes that need no escape are copied at once.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var copied = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // U+0080–U+009F (C1 controls) are 0xC2 0x80–0x9F.
                let c1 = byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] >= 0x80 && bytes[i + 1] < 0xA0
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || c1
                else {
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case 0x0A: out.append(contentsOf: "\\n".utf8)
                case 0x0D: out.append(contentsOf: "\\r".utf8)
                case 0x09: out.append(contentsOf: "\\t".utf8)
                case 0xC2:
                    i += 1
                    escape(bytes[i], to: &out)
                default: escape(byte, to: &out)
                }
                i += 1
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u00XX` for a byte.
    private static func escape(_ value: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: "\\u00".utf8)
        for digit in [value >> 4, value & 0xF] { out.append(digit < 10 ? 0x30 + digit : 0x57 + digit) }
    }
}
