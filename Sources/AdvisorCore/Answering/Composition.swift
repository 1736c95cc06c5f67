import Foundation

/// An answer being written: lines of text, the sources behind them and the records used.
struct Composition {
    var lines: [String] = []
    var sourceIDs: [String] = []
    var records: [String] = []
    var templates: [String] = []
    var query = ""
    var notes: [String] = []
    /// Slot values the conversation should focus on next (e.g. the credential just recommended).
    var focus: [String: [SlotValue]] = [:]

    mutating func cite(_ id: String) {
        if !id.isEmpty && !sourceIDs.contains(id) { sourceIDs.append(id) }
    }

    mutating func use(_ figure: SalaryFigure) {
        cite(figure.source)
        records.append("\(figure.id) (\(figure.origin))")
    }
}

/// Fills `{name}` placeholders of a template.
func fill(_ template: String, _ values: [String: String]) -> String {
    var out = ""
    var i = template.startIndex
    while i < template.endIndex {
        let c = template[i]
        if c == "{", let close = template[i...].firstIndex(of: "}") {
            let key = String(template[template.index(after: i)..<close])
            if let v = values[key] {
                out += v
                i = template.index(after: close)
                continue
            }
        }
        out.append(c)
        i = template.index(after: i)
    }
    return out
}

/// Lays out rows as an aligned text table.
func table(_ rows: [[String]]) -> [String] {
    guard let width = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: width)
    for row in rows { for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) } }
    return rows.map { row in
        row.enumerated().map { k, cell in
            k == row.count - 1 ? cell : cell.padding(toLength: widths[k], withPad: " ", startingAt: 0)
        }
        .joined(separator: "  ")
    }
}
