import Foundation

/// Writes the contract's JSON objects with a stable key order, one line each.
public enum JSONWriter {
    public static func answer(_ a: Answer, id: String? = nil, user: String? = nil) -> String {
        var fields: [(String, String)] = []
        if let id { fields.append(("id", quote(id))) }
        if let user { fields.append(("user", quote(user))) }
        fields.append(("intent", quote(a.intent)))
        fields.append(("confidence", twoDecimals(a.confidence)))
        fields.append(("slots", slots(a.slots)))
        fields.append(("answer", quote(a.text)))
        fields.append(("sources", "[" + a.sources.map(quote).joined(separator: ",") + "]"))
        if !a.clarify.isEmpty { fields.append(("clarify", "[" + a.clarify.map(quote).joined(separator: ",") + "]")) }
        return object(fields)
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
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80..<0xA0).contains(c.value) {
                    out += String(format: "\\u%04x", c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
