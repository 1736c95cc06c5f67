import Foundation
import TestSupport

/// Directories for runs of the binary on a copy of the data.
extension BinaryRunner {
    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-tools-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Copies the real Intents/ and Knowledge/ into a directory.
    static func copyData(to directory: URL) throws {
        for folder in ["Intents", "Knowledge"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent(folder),
                to: directory.appendingPathComponent(folder)
            )
        }
    }
}
