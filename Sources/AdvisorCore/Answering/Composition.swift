import FoundationEssentials

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
    /// The slot whose values the answer ranked ("which state pays most"), for "and the lowest?" next.
    var rankedSlot: String?

    /// Puts `lead` before this answer: its lines, templates, records and sources first, its query before this one's.
    mutating func prepend(_ lead: Composition) {
        lines.insert(contentsOf: lead.lines, at: 0)
        templates.insert(contentsOf: lead.templates, at: 0)
        records.insert(contentsOf: lead.records, at: 0)
        query = lead.query + "; " + query
        let own = sourceIDs
        sourceIDs = lead.sourceIDs
        for id in own { cite(id) }
    }

    mutating func cite(_ id: String) {
        if !id.isEmpty && !sourceIDs.contains(id) { sourceIDs.append(id) }
    }

    mutating func use(_ figure: SalaryFigure) {
        cite(figure.source)
        records.append(figure.record)
    }
}

/// Fills `{name}` placeholders of a template; unknown names stay as written. The values are a
/// short list searched in order, cheaper than hashing for the handful a template has.
func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
    let bytes = template.utf8
    var out = ""
    out.reserveCapacity(bytes.count + 64)
    var copied = bytes.startIndex
    var i = bytes.startIndex
    while i < bytes.endIndex {
        guard bytes[i] == UInt8(ascii: "{"), let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else {
            i = bytes.index(after: i)
            continue
        }
        let key = Substring(template.utf8[bytes.index(after: i)..<close])
        guard let value = values.first(where: { $0.key == key })?.value else {
            i = bytes.index(after: i)
            continue
        }
        out += Substring(template.utf8[copied..<i])
        out += value
        i = bytes.index(after: close)
        copied = i
    }
    out += Substring(template.utf8[copied..<bytes.endIndex])
    return out
}

/// Lays out rows as an aligned text table.
func table(_ rows: [[String]]) -> [String] {
    guard let width = rows.map(\.count).max() else { return [] }
    // Width in characters; ASCII cells (most) are measured by their byte count.
    let counts = rows.map { row in row.map { $0.utf8.allSatisfy { $0 < 0x80 } ? $0.utf8.count : $0.count } }
    var widths = [Int](repeating: 0, count: width)
    for row in counts { for (k, n) in row.enumerated() { widths[k] = max(widths[k], n) } }
    return rows.indices.map { r in
        var line = ""
        for (k, cell) in rows[r].enumerated() {
            if k > 0 { line += "  " }
            line += cell
            if k < rows[r].count - 1, counts[r][k] < widths[k] {
                line += String(repeating: " ", count: widths[k] - counts[r][k])
            }
        }
        return line
    }
}
