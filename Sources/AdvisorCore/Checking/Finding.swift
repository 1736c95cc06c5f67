/// One problem `advisor check` found in the data, located by file, line and column.
public struct Finding: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Errors break the data (CI fails on them); warnings point at data that works but is likely wrong.
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// Which check found the problem (tests and tools filter on it).
    public enum Check: String, Sendable, CaseIterable {
        /// A file that cannot be read or does not follow the schema.
        case schema
        /// An intent or slot name that does not exist.
        case unknownName
        /// A slot value outside its slot's dictionary.
        case slotValue
        /// The same rule, alias or record written twice.
        case duplicate
        /// One alias or rule condition claimed by two different meanings.
        case conflict
        /// An example utterance that no rule of its own intent matches.
        case exampleUnreached
        /// An example utterance that another intent's rule wins.
        case exampleCaptured
        /// An example utterance that reaches its intent with other slots than labelled.
        case exampleSlots
        /// A template that is missing, or names a field the code does not fill.
        case template
        /// A figure or statement without a source or a date.
        case provenance
        /// A record, section, template or concept that no question can reach.
        case unreachable
    }

    public var severity: Severity
    public let check: Check
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(_ severity: Severity, _ check: Check, file: String, line: Int, column: Int, _ message: String) {
        self.severity = severity
        self.check = check
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A finding from a loader error, which already carries its location.
    init(_ error: LoadError, check: Check = .schema, note: String = "") {
        let (file, line) = Self.split(error.file, line: error.line)
        self.init(.error, check, file: file, line: line, column: error.column, error.message + note)
    }

    /// Splits an origin such as `Knowledge/topics/x.yaml:12` into file and line.
    static func split(_ origin: String, line: Int = 0) -> (file: String, line: Int) {
        guard line == 0, let colon = origin.lastIndex(of: ":"), let n = Int(origin[origin.index(after: colon)...])
        else {
            return (origin, line)
        }
        return (String(origin[..<colon]), n)
    }

    /// `file:line:column: error: message`, the form editors and compilers use.
    public var description: String {
        "\(file):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(message)"
    }

    public static func < (a: Finding, b: Finding) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}
