import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The built `advisor` binary chatting in a pseudo-terminal, with its own temporary HOME and state directory.
///
/// `swift test` builds every product before running tests, so the binary sits next to the test bundle.
/// Set `ADVISOR_BINARY` to test another build.
final class ChatSession {
    let terminal: PseudoTerminal
    let home: String
    let ownsHome: Bool

    /// Where the chat keeps its history in this session's state directory.
    var historyPath: String { home + "/state/advisor/history" }

    /// Starts the chat and waits for its first prompt.
    init(home: String? = nil, environment extra: [String: String] = [:], columns: UInt16 = 100) throws {
        let directory = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.home = directory
        ownsHome = home == nil
        var environment = [
            "HOME": directory, "XDG_STATE_HOME": directory + "/state", "TERM": "xterm", "PATH": "/usr/bin:/bin",
        ]
        for (key, value) in extra { environment[key] = value }
        terminal = try PseudoTerminal(executable: try Self.binary(), environment: environment, columns: columns)
        guard terminal.waitFor("advisor>") else {
            throw PseudoTerminal.SpawnError(description: "no prompt; output was: \(terminal.text())")
        }
    }

    deinit {
        if ownsHome { try? FileManager.default.removeItem(atPath: home) }
    }

    /// A new empty directory for a test to share between sessions; the test removes it.
    static func makeHome() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("repl-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Types a line and Enter; returns everything drawn until the next prompt.
    @discardableResult
    func ask(_ line: String) throws -> String {
        settle()
        let mark = terminal.transcript.count
        try terminal.send(line + "\r")
        guard terminal.waitFor("advisor>", after: mark + line.utf8.count) else {
            throw PseudoTerminal.SpawnError(
                description: "no prompt after \(line.prefix(40)); got: \(terminal.text(from: mark))"
            )
        }
        return terminal.text(from: mark)
    }

    /// Types keys without Enter; returns what was drawn in reply once `expect` appears (or the timeout passes).
    func type(_ keys: String, expect: String) throws -> String {
        let mark = terminal.transcript.count
        try terminal.send(keys)
        terminal.waitFor(expect, after: mark, timeout: .seconds(5))
        settle()
        return terminal.text(from: mark)
    }

    /// Reads until the program has drawn nothing for a moment (at most 5 s), so the next keys meet a waiting editor.
    func settle() {
        let deadline = ContinuousClock.now + .seconds(5)
        var count = -1
        while count != terminal.transcript.count && ContinuousClock.now < deadline {
            count = terminal.transcript.count
            guard terminal.drain(waitMilliseconds: 150) else { return }
        }
    }

    /// The history file's lines.
    func historyLines() -> [String] {
        guard let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// The advisor binary: `ADVISOR_BINARY`, else beside the running test bundle, else `.build/debug/advisor`.
    static func binary() throws -> String {
        var candidates: [String] = []
        if let path = ProcessInfo.processInfo.environment["ADVISOR_BINARY"] { candidates.append(path) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((exe as NSString).deletingLastPathComponent + "/advisor")
        }
        for argument in CommandLine.arguments.prefix(1) {
            candidates.append((argument as NSString).deletingLastPathComponent + "/advisor")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(root.path + "/.build/debug/advisor")
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw PseudoTerminal.SpawnError(
                description: "advisor binary not found (run `swift build` first); looked at \(candidates)"
            )
        }
        return found
    }
}
