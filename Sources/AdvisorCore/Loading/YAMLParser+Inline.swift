/// Values written on the line of their key or dash: flow collections (`[a, b]`, `{k: v}`) and scalars,
/// plain or quoted.
extension YAMLParser {
    mutating func inlineValue(_ column: inout Int, indent: Int) throws(LoadError) -> YAMLValue {
        let line = lines[row]
        switch line[column] {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return try flow(&column)
        default: return try scalar(line, &column, flow: false, stop: nil)
        }
    }

    /// A flow collection; it may span several lines.
    mutating func flow(_ column: inout Int) throws(LoadError) -> YAMLValue {
        let open = lines[row][column]
        let (startRow, startColumn) = (row, column)
        let isList = open == UInt8(ascii: "[")
        let close = isList ? UInt8(ascii: "]") : UInt8(ascii: "}")
        column += 1
        var items: [YAMLValue] = []
        var entries: [(key: YAMLValue, value: YAMLValue)] = []
        while true {
            try skipFlowSpace(&column)
            if lines[row][column] == close {
                column += 1
                break
            }
            let item: YAMLValue
            let c = lines[row][column]
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                item = try flow(&column)
            } else {
                item = try scalar(lines[row], &column, flow: true, stop: nil)
            }
            try skipFlowSpace(&column)
            if !isList {
                guard lines[row][column] == UInt8(ascii: ":") else {
                    throw fail(row, column, "expected ':' in a {...} mapping")
                }
                column += 1
                try skipFlowSpace(&column)
                let v = lines[row][column]
                let value =
                    v == UInt8(ascii: "[") || v == UInt8(ascii: "{")
                    ? try flow(&column) : try scalar(lines[row], &column, flow: true, stop: nil)
                entries.append((item, value))
                try skipFlowSpace(&column)
            } else {
                items.append(item)
            }
            let c2 = lines[row][column]
            if c2 == UInt8(ascii: ",") {
                column += 1
            } else if c2 != close {
                throw fail(row, column, "expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        }
        return YAMLValue(
            kind: isList ? .sequence(items) : .mapping(entries),
            line: startRow + 1,
            column: startColumn + 1
        )
    }

    mutating func skipFlowSpace(_ column: inout Int) throws(LoadError) {
        while true {
            skipSpaceAndComment(lines[row], &column)
            if column < lines[row].count { return }
            row += 1
            column = 0
            guard row < lines.count else { throw fail(row - 1, 0, "unterminated [...] or {...}") }
        }
    }

    func skipSpaceAndComment(_ line: [UInt8], _ column: inout Int) {
        while column < line.count, line[column] == 32 || line[column] == 9 { column += 1 }
        if column < line.count, line[column] == UInt8(ascii: "#") { column = line.count }
    }

    /// A scalar at `column`: quoted, or plain up to a comment, `: `, or (in flow) `,` `]` `}`.
    func scalar(_ line: [UInt8], _ column: inout Int, flow: Bool, stop: Int?) throws(LoadError) -> YAMLValue {
        let start = column
        let q = line[column]
        if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
            var bytes: [UInt8] = []
            column += 1
            while true {
                guard column < line.count else { throw fail(row, start, "unterminated quoted text") }
                let c = line[column]
                if c == q {
                    if q == UInt8(ascii: "'"), column + 1 < line.count, line[column + 1] == q {
                        bytes.append(q)
                        column += 2
                        continue
                    }
                    column += 1
                    break
                }
                if q == UInt8(ascii: "\""), c == UInt8(ascii: "\\"), column + 1 < line.count {
                    let e = line[column + 1]
                    switch e {
                    case UInt8(ascii: "n"): bytes.append(10)
                    case UInt8(ascii: "t"): bytes.append(9)
                    case UInt8(ascii: "u"):
                        let hex = String(
                            decoding: line[min(column + 2, line.count)..<min(column + 6, line.count)],
                            as: UTF8.self
                        )
                        if let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) { bytes += Array(String(s).utf8) }
                        column += 4
                    default: bytes.append(e)
                    }
                    column += 2
                    continue
                }
                bytes.append(c)
                column += 1
            }
            return YAMLValue(kind: .scalar(String(decoding: bytes, as: UTF8.self)), line: row + 1, column: start + 1)
        }
        var end = column
        while end < line.count {
            let c = line[end]
            if let stop, end == stop { break }
            if c == UInt8(ascii: "#"), end > start, line[end - 1] == 32 { break }
            if c == UInt8(ascii: ":"),
                end + 1 == line.count || line[end + 1] == 32 || (flow && [44, 93, 125].contains(line[end + 1]))
            {
                break
            }
            if flow, c == UInt8(ascii: ",") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { break }
            end += 1
        }
        column = end
        var text = String(decoding: line[start..<end], as: UTF8.self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return YAMLValue(kind: .scalar(text), line: row + 1, column: start + 1)
    }

    /// The column of the ':' that ends a mapping key starting at `from`, if the line is `key: ...`.
    func keyEnd(_ line: [UInt8], from: Int) -> Int? {
        guard from < line.count else { return nil }
        let first = line[from]
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") || first == UInt8(ascii: "#") { return nil }
        var i = from
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            i += 1
            while i < line.count, line[i] != first { i += 1 }
            i += 1
            return i < line.count && line[i] == UInt8(ascii: ":") && (i + 1 == line.count || line[i + 1] == 32)
                ? i : nil
        }
        while i < line.count {
            if line[i] == UInt8(ascii: ":"), i + 1 == line.count || line[i + 1] == 32 { return i }
            if line[i] == UInt8(ascii: "#"), i > from, line[i - 1] == 32 { return nil }
            i += 1
        }
        return nil
    }
}
