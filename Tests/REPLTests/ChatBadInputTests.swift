import Foundation
import Testing

/// Bad input in the real chat: it says what went wrong once and keeps answering.
@Suite("Chat with bad input")
struct ChatBadInputTests {
    @Test("a pasted multi-line text is answered line by line")
    func pastedLines() throws {
        let chat = try ChatSession()
        let mark = chat.terminal.transcript.count
        try chat.terminal.send("hi\rwhat is CPC\rthanks\r")
        #expect(chat.terminal.waitFor("advisor>", after: chat.terminal.text(from: mark).utf8.count))
        #expect(chat.terminal.waitFor("Certified Professional Coder", after: mark))
        #expect(chat.terminal.waitFor("thanks", after: mark))
        try chat.terminal.send(":quit\r")
        #expect(chat.terminal.waitForExit() == 0)
        #expect(chat.historyLines() == ["hi", "what is CPC", "thanks", ":quit"])
    }

    @Test("a 100 KB line is refused with one message, and the next question is answered")
    func hugeLine() throws {
        let chat = try ChatSession()
        let mark = chat.terminal.transcript.count
        try chat.terminal.send(Array(String(repeating: "x", count: 100_000).utf8) + [13], timeout: .seconds(60))
        #expect(chat.terminal.waitFor("line too long (100000 bytes", after: mark, timeout: .seconds(30)))
        #expect(try chat.ask("hi").contains("Hi!"))
        #expect(chat.historyLines() == ["hi"])
    }

    @Test("binary garbage, escape sequences and unknown commands do not stop the chat")
    func garbage() throws {
        let chat = try ChatSession()
        let garbage: [UInt8] = [0xFF, 0xFE, 0x80, 0x41, 0xC3, 0x28, 0x07, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x42, 0x0D]
        try chat.terminal.send(garbage)
        try chat.ask("\u{1B}]0;title\u{07}hello")
        let unknown = try chat.ask(":frobnicate")
        #expect(unknown.contains("unknown command :frobnicate"))
        #expect(try chat.ask("what is CPC").contains("Certified Professional Coder"))
        try chat.terminal.send("\u{04}")
        #expect(chat.terminal.waitForExit() == 0)
        for line in chat.historyLines() {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    @Test("a history file that cannot be written is reported once; answers go on")
    func unwritableHistory() throws {
        let base = try ChatSession.makeHome()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // The history directory exists but the file is a dangling link into a regular file's "subdirectory":
        // every write fails with ENOTDIR (even as root), while reading finds no file.
        try FileManager.default.createDirectory(atPath: base + "/state/advisor", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: base + "/plain", contents: Data("x".utf8)))
        try FileManager.default.createSymbolicLink(
            atPath: base + "/state/advisor/history",
            withDestinationPath: base + "/plain/history"
        )
        let chat = try ChatSession(home: base)
        let first = try chat.ask("hi")
        #expect(first.contains("cannot save history"))
        #expect(first.contains("Hi!"))
        let second = try chat.ask("what is CPC")
        #expect(!second.contains("history"))
        #expect(second.contains("Certified Professional Coder"))
        let recalled = try chat.type(ChatEndToEndTests.up, expect: "what is CPC")
        #expect(recalled.contains("what is CPC"))
    }

    @Test("a history file that cannot be read is reported once, and is not overwritten")
    func unreadableHistory() throws {
        let base = try ChatSession.makeHome()
        defer { try? FileManager.default.removeItem(atPath: base) }
        // A directory where the history file should be: reading it fails with EISDIR.
        try FileManager.default.createDirectory(
            atPath: base + "/state/advisor/history",
            withIntermediateDirectories: true
        )
        let chat = try ChatSession(home: base)
        #expect(chat.terminal.text().contains("cannot read the history file"))
        let reply = try chat.ask("hi")
        #expect(reply.contains("Hi!"))
        #expect(!reply.contains("history"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: chat.historyPath, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }
}
