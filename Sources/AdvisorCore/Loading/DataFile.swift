import FoundationEssentials

/// One data file of `Intents/` or `Knowledge/`, with the path it is reported under.
public struct DataFile: Sendable {
    /// Path relative to the data root, such as `Intents/rules/salary.yaml`.
    public let path: String
    /// The file's UTF-8 text.
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Where the advisor's rules and knowledge come from.
public enum DataSource: Sendable {
    /// The copy embedded in the binary at build time.
    case embedded
    /// A directory holding `Intents/` and `Knowledge/`.
    case directory(String)
    /// Files already read, such as data built in memory by `advisor check` or `advisor bench`.
    case files([DataFile])

    /// Reads every data file, sorted by path.
    public func files() throws(LoadError) -> [DataFile] {
        switch self {
        case .embedded:
            return EmbeddedData.files.map { DataFile(path: $0.path, text: $0.text) }.sorted { $0.path < $1.path }
        case .directory(let root):
            return try Self.readDirectory(root)
        case .files(let files): return files.sorted { $0.path < $1.path }
        }
    }

    /// The files of a data directory; the first problem `advisor check` would report about reading them
    /// (a missing folder, an unreadable, binary or non-UTF-8 file) stops the load.
    private static func readDirectory(_ root: String) throws(LoadError) -> [DataFile] {
        let read: (files: [DataFile], findings: [Finding])
        do {
            read = try DataDirectory.read(root)
        } catch {
            throw LoadError(file: root, line: 0, column: 0, message: error.reason)
        }
        if let problem = read.findings.first {
            throw LoadError(file: problem.file, line: problem.line, column: problem.column, message: problem.message)
        }
        return read.files
    }
}
