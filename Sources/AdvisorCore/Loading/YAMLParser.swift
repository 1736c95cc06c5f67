/// A parsed YAML value with the line and column (1-based) where it starts.
struct YAMLValue: Sendable {
    enum Kind: Sendable {
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([(key: YAMLValue, value: YAMLValue)])
    }

    var kind: Kind
    let line: Int
    let column: Int
}

/// A fast parser for the YAML the data files use: block mappings and sequences, flow `[...]` and
/// `{...}` (may span lines), plain, single- and double-quoted scalars, `|` and `>` block scalars,
/// comments. Anchors, tags and multiple documents are rejected with a located error.
struct YAMLParser {
    /// The file's lines as bytes, without line endings; `row` is the one being read.
    let lines: [[UInt8]]
    let file: String
    var row = 0

    init(file: String, text: String) {
        self.file = file
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if byte == 10 {
                if current.last == 13 { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    mutating func parse() throws(LoadError) -> YAMLValue? {
        skipBlank()
        guard row < lines.count else { return nil }
        let indent = indentation(lines[row])
        let value = try block(indent: indent)
        skipBlank()
        if row < lines.count {
            throw fail(row, indentation(lines[row]), "unexpected content (check the indentation)")
        }
        return value
    }

    // MARK: Lines

    func indentation(_ line: [UInt8]) -> Int { line.prefix { $0 == 32 }.count }

    func isBlank(_ line: [UInt8]) -> Bool {
        let body = line.drop { $0 == 32 || $0 == 9 }
        return body.isEmpty || body.first == UInt8(ascii: "#") || line.starts(with: Array("---".utf8))
    }

    mutating func skipBlank() {
        while row < lines.count, isBlank(lines[row]) { row += 1 }
    }

    func fail(_ row: Int, _ column: Int, _ message: String) -> LoadError {
        LoadError(file: file, line: row + 1, column: column + 1, message: "YAML: " + message)
    }

    // MARK: Blocks

    /// A block node whose first line starts at `indent` (the current row).
    mutating func block(indent: Int) throws(LoadError) -> YAMLValue {
        let line = lines[row]
        if line.dropFirst(indent).starts(with: [UInt8(ascii: "-"), 32])
            || line.dropFirst(indent).elementsEqual([UInt8(ascii: "-")])
        {
            return try sequence(indent: indent)
        }
        if keyEnd(line, from: indent) != nil { return try mapping(indent: indent) }
        var column = indent
        let value = try inlineValue(&column, indent: indent)
        row += 1
        return value
    }

    mutating func sequence(indent: Int) throws(LoadError) -> YAMLValue {
        var items: [YAMLValue] = []
        let start = row
        while row < lines.count {
            skipBlank()
            guard row < lines.count else { break }
            let line = lines[row]
            let here = indentation(line)
            guard here == indent, line.dropFirst(indent).first == UInt8(ascii: "-") else {
                if here > indent { throw fail(row, here, "bad indentation in a list") }
                break
            }
            var column = indent + 1
            while column < line.count, line[column] == 32 { column += 1 }
            if column >= line.count || line[column] == UInt8(ascii: "#") {
                row += 1
                skipBlank()
                guard row < lines.count, indentation(lines[row]) > indent else {
                    items.append(YAMLValue(kind: .scalar(""), line: row + 1, column: column + 1))
                    continue
                }
                items.append(try block(indent: indentation(lines[row])))
            } else if keyEnd(line, from: column) != nil {
                items.append(try mapping(indent: column))
            } else {
                items.append(try valueAfterIndicator(column: column, indent: indent))
            }
        }
        return YAMLValue(kind: .sequence(items), line: start + 1, column: indent + 1)
    }

    mutating func mapping(indent: Int) throws(LoadError) -> YAMLValue {
        var entries: [(key: YAMLValue, value: YAMLValue)] = []
        let start = row
        var first = true
        while row < lines.count {
            if !first { skipBlank() }
            guard row < lines.count else { break }
            let line = lines[row]
            let here = first ? indent : indentation(line)
            guard here == indent else {
                if here > indent { throw fail(row, here, "bad indentation in a mapping") }
                break
            }
            first = false
            guard let end = keyEnd(line, from: indent) else {
                throw fail(row, indent, "expected 'key: value'")
            }
            var keyColumn = indent
            let key = try scalar(line, &keyColumn, flow: false, stop: end)
            if entries.contains(where: { Self.text($0.key) == Self.text(key) }) {
                throw fail(row, indent, "duplicate key '\(Self.text(key) ?? "")'")
            }
            var column = end + 1
            while column < line.count, line[column] == 32 { column += 1 }
            if column >= line.count || line[column] == UInt8(ascii: "#") {
                row += 1
                skipBlank()
                if row < lines.count,
                    indentation(lines[row]) > indent
                        || (indentation(lines[row]) == indent
                            && lines[row].dropFirst(indent).first == UInt8(ascii: "-"))
                {
                    entries.append((key, try block(indent: indentation(lines[row]))))
                } else {
                    entries.append((key, YAMLValue(kind: .scalar(""), line: row, column: column + 1)))
                }
            } else {
                entries.append((key, try valueAfterIndicator(column: column, indent: indent)))
            }
        }
        return YAMLValue(kind: .mapping(entries), line: start + 1, column: indent + 1)
    }

    /// The value on the rest of a line after `- ` or `key: `, which may continue on further lines.
    mutating func valueAfterIndicator(column start: Int, indent: Int) throws(LoadError) -> YAMLValue {
        let line = lines[row]
        let c = line[start]
        if c == UInt8(ascii: "|") || c == UInt8(ascii: ">") { return try blockScalar(column: start, indent: indent) }
        if c == UInt8(ascii: "&") || c == UInt8(ascii: "*") || c == UInt8(ascii: "!") {
            throw fail(row, start, "anchors, aliases and tags are not supported")
        }
        var column = start
        let value = try inlineValue(&column, indent: indent)
        skipSpaceAndComment(lines[row], &column)
        if column < lines[row].count { throw fail(row, column, "unexpected text after the value") }
        row += 1
        // A plain scalar may continue on more-indented lines.
        if case .scalar(var text) = value.kind, c != UInt8(ascii: "\""), c != UInt8(ascii: "'") {
            while row < lines.count, !isBlank(lines[row]), indentation(lines[row]) > indent,
                keyEnd(lines[row], from: indentation(lines[row])) == nil
            {
                let more = String(decoding: lines[row].drop { $0 == 32 }, as: UTF8.self)
                text += " " + (more.firstRange(of: " #").map { String(more[..<$0.lowerBound]) } ?? more)
                row += 1
            }
            return YAMLValue(kind: .scalar(text), line: value.line, column: value.column)
        }
        return value
    }

    mutating func blockScalar(column: Int, indent: Int) throws(LoadError) -> YAMLValue {
        let header = lines[row]
        let folded = header[column] == UInt8(ascii: ">")
        let chomp = column + 1 < header.count ? header[column + 1] : 0
        let startLine = row + 1
        row += 1
        var body: [String] = []
        var blockIndent: Int? = nil
        while row < lines.count {
            let line = lines[row]
            let bodyText = line.drop { $0 == 32 }
            if bodyText.isEmpty {
                body.append("")
                row += 1
                continue
            }
            let here = indentation(line)
            if blockIndent == nil { blockIndent = here }
            guard let b = blockIndent, here >= b, here > indent else { break }
            body.append(String(decoding: line.dropFirst(b), as: UTF8.self))
            row += 1
        }
        while body.last == "" { body.removeLast() }
        var text = folded ? body.joined(separator: " ") : body.joined(separator: "\n")
        if chomp != UInt8(ascii: "-") { text += "\n" }
        return YAMLValue(kind: .scalar(text), line: startLine, column: column + 1)
    }

    static func text(_ v: YAMLValue) -> String? {
        if case .scalar(let s) = v.kind { return s }
        return nil
    }
}
