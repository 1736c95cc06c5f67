import Foundation
import NIOConcurrencyHelpers

/// The real `advisor serve` binary in a child process, with its standard error collected.
final class ServerProcess: Sendable {
    let process: Process
    private let stderrText = NIOLockedValueBox("")
    private let stdoutText = NIOLockedValueBox("")

    /// The built `advisor` executable, next to the test bundle.
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("advisor")
    }

    init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        self.process = process
        let stderrText = self.stderrText
        let stdoutText = self.stdoutText
        errors.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            stderrText.withLockedValue { $0 += text }
        }
        output.fileHandleForReading.readabilityHandler = { handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            stdoutText.withLockedValue { $0 += text }
        }
        try process.run()
    }

    var standardError: String { stderrText.withLockedValue { $0 } }
    var standardOutput: String { stdoutText.withLockedValue { $0 } }

    /// Waits until standard error contains `text` (count times); false on timeout.
    func waitForLog(_ text: String, count: Int = 1, seconds: Double = 20) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if standardError.components(separatedBy: text).count - 1 >= count { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// The port from the "listening" log line.
    func port() async throws -> Int? {
        guard try await waitForLog(" listening") else { return nil }
        let line = standardError.split(separator: "\n").first { $0.contains(" listening") } ?? ""
        guard let range = line.range(of: #"port=\d+"#, options: .regularExpression) else { return nil }
        return Int(line[range].dropFirst(5))
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to exit; kills it after the timeout.
    func waitForExit(seconds: Double = 20) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}
