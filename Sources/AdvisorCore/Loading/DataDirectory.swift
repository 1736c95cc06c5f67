import FoundationEssentials

/// Reads a data directory: a file that cannot be used becomes a finding and the other files are still read,
/// so `advisor check` reports them all; loading (`DataSource.directory`) stops at the first.
public enum DataDirectory {
    /// A data directory that cannot be checked at all.
    public struct Missing: Error, Sendable, CustomStringConvertible {
        /// The directory given.
        public let root: String
        /// What is wrong with it.
        public let reason: String

        public var description: String { "\(root): \(reason)" }
    }

    /// Every `.yaml` and `.csv` file under `root/Intents` and `root/Knowledge`, and a finding per unreadable file.
    public static func read(_ root: String) throws(Missing) -> (files: [DataFile], findings: [Finding]) {
        guard let isDirectory = FileTree.isDirectory(root) else {
            throw Missing(root: root, reason: "no such directory")
        }
        guard isDirectory else {
            throw Missing(root: root, reason: "this is a file: give the directory that holds Intents/ and Knowledge/")
        }
        var files: [DataFile] = []
        var findings: [Finding] = []
        for folder in ["Intents", "Knowledge"] {
            let base = root + "/" + folder
            guard FileTree.isDirectory(base) != nil else {
                throw Missing(root: root, reason: "no \(folder)/ folder here: is it the data directory?")
            }
            for path in FileTree.dataFiles(under: base) {
                if let file = readFile(base + "/" + path, as: folder + "/" + path, into: &findings) {
                    files.append(file)
                }
            }
        }
        return (files.sorted { $0.path < $1.path }, findings.sorted())
    }

    /// Reads one file as UTF-8 text, or records why it cannot be used.
    static func readFile(_ path: String, as relative: String, into findings: inout [Finding]) -> DataFile? {
        func problem(_ message: String) -> DataFile? {
            findings.append(Finding(.error, .schema, file: relative, line: 1, column: 1, message))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return problem("cannot read the file") }
        if data.contains(0) { return problem("the file is binary (it holds NUL bytes), not YAML or CSV text") }
        guard let text = String(data: data, encoding: .utf8) else {
            return problem("the file is not valid UTF-8 text")
        }
        return DataFile(path: relative, text: text)
    }
}
