import FoundationEssentials

/// A parsed CSV file: a header and rows, each row remembering its line number.
struct CSVTable {
    let file: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines).
    init(file: String, text: String) throws(LoadError) {
        self.file = file
        if !text.contains("\"") {
            // Fast path: no quoting, so lines and commas split the fields.
            var lines = text.lineSlices.enumerated().map {
                (
                    line: $0.offset + 1,
                    fields: $0.element.split(separator: ",", omittingEmptySubsequences: false).map {
                        String($0.hasSuffix("\r") ? $0.dropLast() : $0)
                    }
                )
            }
            lines.removeAll { $0.fields.count == 1 && $0.fields[0].isEmpty }
            guard let first = lines.first else {
                throw LoadError(file: file, line: 1, column: 1, message: "empty CSV file")
            }
            header = first.fields
            rows = Array(lines.dropFirst())
            try Self.checkWidths(file: file, header: header, rows: rows)
            return
        }
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = n
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": break
            case "\n":
                fields.append(field)
                field = ""
                if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
                fields = []
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw LoadError(file: file, line: recordLine, column: 1, message: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        guard let first = records.first else {
            throw LoadError(file: file, line: 1, column: 1, message: "empty CSV file")
        }
        header = first.1
        rows = Array(records.dropFirst())
        try Self.checkWidths(file: file, header: header, rows: rows)
    }

    private static func checkWidths(
        file: String,
        header: [String],
        rows: [(line: Int, fields: [String])]
    ) throws(LoadError) {
        for row in rows where row.fields.count != header.count {
            throw LoadError(
                file: file,
                line: row.line,
                column: 1,
                message: "expected \(header.count) fields as in the header, found \(row.fields.count)"
            )
        }
    }

    /// The value of a named column in a row, or nil when the column is absent or the cell empty.
    func value(_ column: String, in row: [String]) -> String? {
        guard let index = header.firstIndex(of: column) else { return nil }
        let value = row[index].trimmingWhitespace
        return value.isEmpty ? nil : value
    }
}
