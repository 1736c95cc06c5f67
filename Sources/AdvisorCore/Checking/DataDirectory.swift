import FoundationEssentials

/// Reads a data directory for `advisor check`: unlike `DataSource.files()`, a file that cannot be
/// read becomes a finding and the other files are still checked.
public enum DataDirectory {
    /// A data directory that cannot be checked at all.
    public struct Missing: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Every `.yaml` and `.csv` file under `root/Intents` and `root/Knowledge`, and a finding per unreadable file.
    public static func read(_ root: String) throws(Missing) -> (files: [DataFile], findings: [Finding]) {
        guard let isDirectory = FileTree.isDirectory(root) else {
            throw Missing(description: "\(root): no such directory")
        }
        guard isDirectory else {
            throw Missing(description: "\(root) is a file: give the directory that holds Intents/ and Knowledge/")
        }
        var files: [DataFile] = []
        var findings: [Finding] = []
        for folder in ["Intents", "Knowledge"] {
            let base = root + "/" + folder
            guard FileTree.isDirectory(base) != nil else {
                throw Missing(description: "\(root) has no \(folder)/ folder: is it the data directory?")
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
