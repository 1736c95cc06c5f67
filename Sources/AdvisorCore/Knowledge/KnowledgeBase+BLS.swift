/// Turns the BLS OEWS CSV files (copied verbatim from shared/data) into pay figures.
extension KnowledgeBase {
    /// CSV column → (statistic, unit).
    private static let columns: [(column: String, stat: String, unit: String)] = [
        ("annual_mean", "mean", "USD/year"), ("annual_median", "median", "USD/year"),
        ("annual_p10", "p10", "USD/year"), ("annual_p25", "p25", "USD/year"),
        ("annual_p75", "p75", "USD/year"), ("annual_p90", "p90", "USD/year"),
        ("hourly_mean", "mean", "USD/hour"), ("hourly_median", "median", "USD/hour"),
        ("hourly_p10", "p10", "USD/hour"), ("hourly_p25", "p25", "USD/hour"), ("hourly_p75", "p75", "USD/hour"),
        ("hourly_p90", "p90", "USD/hour"),
        ("employment", "employment", "jobs"),
    ]

    mutating func loadBLS(_ table: CSVTable) throws(LoadError) {
        let isOEWS = table.header.contains("annual_mean")
        guard isOEWS else { return }  // projections are quoted in topics/job_outlook.yaml
        guard table.header.contains("year") else {
            throw LoadError(file: table.file, line: 1, column: 1, message: "BLS file needs a 'year' column")
        }
        for row in table.rows {
            guard let year = table.value("year", in: row.fields) else {
                throw LoadError(file: table.file, line: row.line, column: 1, message: "missing year")
            }
            let sourceID = year.includes("2024") ? "bls-oews-2024" : year.includes("2023") ? "bls-oews-2023" : ""
            guard let source = sources[sourceID] else {
                throw LoadError(
                    file: table.file,
                    line: row.line,
                    column: 1,
                    message: "no BLS source for year '\(year)'"
                )
            }
            let citation = FigureRanking.citation(cites: nil, source: source, fallback: sourceID)
            var dims: [String: String] = [:]
            if let abbr = table.value("abbr", in: row.fields) { dims["state"] = abbr }
            for c in Self.columns {
                guard let cell = table.value(c.column, in: row.fields) else { continue }
                guard let value = Double(cell) else {
                    throw LoadError(
                        file: table.file,
                        line: row.line,
                        column: 1,
                        message: "'\(c.column)' is not a number: \(cell)"
                    )
                }
                figures.append(
                    SalaryFigure(
                        id: "bls-\(year)-\(dims["state"] ?? "US")-\(c.column)",
                        dimensions: dims,
                        stat: c.stat,
                        value: value,
                        low: nil,
                        high: nil,
                        unit: c.unit,
                        source: sourceID,
                        cites: nil,
                        year: year,
                        note: nil,
                        origin: "\(table.file):\(row.line)",
                        sourceRecord: sources[sourceID],
                        serial: figures.count,
                        citation: citation
                    )
                )
            }
        }
    }
}
