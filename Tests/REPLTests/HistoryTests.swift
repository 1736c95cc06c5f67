import AdvisorREPL
import Foundation
import Testing

/// The history file on a real file system: appended per line, capped, and failing politely.
///
/// Each test gets its own directory, removed when the test ends.
@Suite("History")
final class HistoryTests {
    let directory: String

    init() throws {
        directory = try ChatSession.makeHome()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test("the path follows XDG_STATE_HOME, then HOME")
    func path() {
        #expect(History.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/advisor/history")
        #expect(
            History.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                == "/h/.local/state/advisor/history"
        )
        #expect(History.defaultPath(environment: [:]) == nil)
    }

    @Test("each entry is on disk as soon as it is added, and a new session loads it")
    func appendAndLoad() throws {
        let path = directory + "/deep/er/history"
        let first = History(path: path)
        try first.load()
        #expect(try first.add("  what is CPC  ") == "what is CPC")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "what is CPC\n")
        #expect(try first.add("what is CPC") == nil)  // the same as the previous entry
        try first.add("café 😀 “quoted”\u{1B}[31m")
        let second = History(path: path)
        try second.load()
        #expect(second.entries == ["what is CPC", "café 😀 “quoted” [31m"])
    }

    @Test("the file is capped: past a quarter over capacity it is rewritten with the newest entries")
    func cap() throws {
        let path = directory + "/history"
        let history = History(path: path, capacity: 8)
        for i in 1...10 { try history.add("question \(i)") }
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 10)
        try history.add("question 11")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.first == "question 4")
        #expect(history.entries.count == 8)
    }

    @Test("a full disk is reported once, then entries stay in memory")
    func fullDisk() throws {
        let path = directory + "/history"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/full")
        let history = History(path: path)
        #expect(throws: HistoryError.cannotWrite(path: path, reason: "No space left on device")) {
            try history.add("hi")
        }
        #expect(!history.isSaving)
        #expect(try history.add("again") == "again")
        #expect(history.entries == ["hi", "again"])
    }

    @Test("an unreadable file is reported and never overwritten")
    func unreadable() throws {
        let path = directory + "/history"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let history = History(path: path)
        #expect(throws: HistoryError.cannotRead(path: path, reason: "Is a directory")) { try history.load() }
        #expect(try history.add("hi") == "hi")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("a missing file is an empty history; no path keeps history in memory")
    func missing() throws {
        let history = History(path: directory + "/none/history")
        try history.load()
        #expect(history.entries.isEmpty)
        let memory = History(path: nil)
        try memory.add("hi")
        #expect(memory.entries == ["hi"] && !memory.isSaving)
    }
}
