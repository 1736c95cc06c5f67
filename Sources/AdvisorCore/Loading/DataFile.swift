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

    private static func readDirectory(_ root: String) throws(LoadError) -> [DataFile] {
        let manager = FileManager.default
        guard FileTree.isDirectory(root) == true else {
            throw LoadError(file: root, line: 0, column: 0, message: "no such data directory")
        }
        var files: [DataFile] = []
        for folder in ["Intents", "Knowledge"] {
            let base = root + "/" + folder
            guard FileTree.isDirectory(base) != nil else {
                throw LoadError(file: base, line: 0, column: 0, message: "missing folder \(folder)/")
            }
            for path in FileTree.dataFiles(under: base) {
                let relative = folder + "/" + path
                guard let data = manager.contents(atPath: base + "/" + path) else {
                    throw LoadError(file: relative, line: 0, column: 0, message: "cannot read the file")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw LoadError(file: relative, line: 0, column: 0, message: "the file is not valid UTF-8")
                }
                files.append(DataFile(path: relative, text: text))
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
