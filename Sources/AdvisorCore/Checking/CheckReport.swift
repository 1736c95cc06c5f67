/// What `advisor check` found: every finding, sorted by file and line, and what was covered.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    /// Data files read.
    public var files: Int
    /// Example utterances run through the advisor (0 when the data did not load).
    public var examples: Int
    /// Whether the rules and knowledge compiled (semantic checks need them).
    public var loaded: Bool

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }

    /// Findings of one check, for tests and filters.
    public func findings(_ check: Finding.Check) -> [Finding] { findings.filter { $0.check == check } }

    /// The same report with every warning counted as an error (`advisor check --strict`).
    public func strict() -> CheckReport {
        var copy = self
        for i in copy.findings.indices { copy.findings[i].severity = .error }
        return copy
    }
}
