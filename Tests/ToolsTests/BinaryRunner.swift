import Foundation

/// Runs the real built `advisor` binary and captures what it prints.
enum BinaryRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL { Fixture.packageRoot.appendingPathComponent(".build/debug/advisor") }

    static func run(_ arguments: [String], in directory: URL? = nil, executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

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
                at: Fixture.packageRoot.appendingPathComponent(folder),
                to: directory.appendingPathComponent(folder)
            )
        }
    }
}
