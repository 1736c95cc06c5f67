import AdvisorCore
import Foundation
import TestSupport

/// Small broken copies of the real data, built in memory: the real files with one edit each.
enum Fixture {
    static let real: [DataFile] = {
        do {
            return try DataSource.embedded.files()
        } catch {
            fatalError("embedded data does not read: \(error)")
        }
    }()

    /// The real data checked once for all tests.
    static let realReport = DataChecker(files: real).run()

    /// The real files with text appended to one file (created when missing).
    static func appending(_ text: String, to path: String) -> [DataFile] {
        var files = real.filter { $0.path != path }
        let old = real.first { $0.path == path }?.text ?? ""
        files.append(DataFile(path: path, text: old + (old.hasSuffix("\n") || old.isEmpty ? "" : "\n") + text))
        return files
    }

    /// The real files with one file replaced.
    static func replacing(_ path: String, with text: String) -> [DataFile] {
        real.filter { $0.path != path } + [DataFile(path: path, text: text)]
    }

    /// The real files with a substring of one file replaced; the substring must be there.
    static func editing(_ path: String, _ old: String, _ new: String) -> [DataFile] {
        guard let file = real.first(where: { $0.path == path }), file.text.contains(old) else {
            fatalError("\(path) does not contain \(old)")
        }
        return replacing(path, with: file.text.replacingOccurrences(of: old, with: new))
    }

    static func check(_ files: [DataFile]) -> CheckReport { DataChecker(files: files).run() }

    /// 1-based line of the first line of a file containing a text.
    static func line(of text: String, in files: [DataFile], _ path: String) -> Int {
        let lines = (files.first { $0.path == path }?.text ?? "").split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }

    /// The package root.
    static var packageRoot: URL { BinaryRunner.packageRoot }
}
