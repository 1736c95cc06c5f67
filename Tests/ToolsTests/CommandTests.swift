import Foundation
import TestSupport
import Testing

/// The real binary: `check` and `eval` on good data and on bad input (missing, empty, not JSON or
/// YAML, binary): a clear message and a non-zero exit, never a crash.
@Suite("advisor check and eval commands", .serialized)
struct CommandTests {
    func expectClean(_ r: BinaryRunner.Result, status: Int32, _ message: String) {
        #expect(r.status == status, "exit \(r.status): \(r.stderr) \(r.stdout.suffix(300))")
        #expect((r.stderr + r.stdout).contains(message), "no '\(message)' in: \(r.stderr) \(r.stdout.suffix(300))")
        #expect(
            !r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("backtrace")
        )
    }

    @Test("check on the repository's data: no errors, exit 0")
    func checkRealData() throws {
        let r = try BinaryRunner.run(["check", "--data", Fixture.packageRoot.path])
        expectClean(r, status: 0, "advisor check: 0 errors")
    }

    @Test("check on broken data files: each reported as file:line:column, exit 1")
    func checkBrokenFiles() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try BinaryRunner.copyData(to: dir)
        try Data().write(to: dir.appendingPathComponent("Intents/rules/zzz_empty.yaml"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(
            to: dir.appendingPathComponent("Knowledge/topics/zzz_binary.yaml")
        )
        try Data("{\"a\": [1,\n".utf8).write(to: dir.appendingPathComponent("Intents/lexicon/zzz_json.yaml"))
        try Data([0xFF, 0xFE, 0x41]).write(to: dir.appendingPathComponent("Knowledge/sources/zzz_latin1.yaml"))
        let r = try BinaryRunner.run(["check", "--data", dir.path, "--errors-only"])
        expectClean(r, status: 1, "4 errors")
        #expect(r.stdout.contains("Intents/rules/zzz_empty.yaml:1:1: error: the file is empty"))
        #expect(r.stdout.contains("Knowledge/topics/zzz_binary.yaml:1:1: error: the file is binary"))
        #expect(r.stdout.contains("Intents/lexicon/zzz_json.yaml:2:1: error: YAML"))
        #expect(r.stdout.contains("Knowledge/sources/zzz_latin1.yaml:1:1: error: the file is not valid UTF-8"))
    }

    @Test("check on a missing directory or on a file: a message, exit 2")
    func checkMissing() throws {
        expectClean(try BinaryRunner.run(["check", "--data", "/nonexistent/data"]), status: 2, "no such directory")
        expectClean(try BinaryRunner.run(["check", "--data", BinaryRunner.binary.path]), status: 2, "is a file")
    }

    @Test("eval on a missing, empty, non-JSON, binary or unlabelled file: a message, exit 2")
    func evalBadInput() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, Data, String)] = [
            ("empty.jsonl", Data(), "is empty"),
            ("yaml.yaml", Data("intent: salary\ntext: hi\n".utf8), "not a JSON object"),
            ("binary.jsonl", Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]), "binary"),
            ("latin1.jsonl", Data([0xFF, 0xFE, 0x41]), "not UTF-8"),
            ("unlabelled.jsonl", Data("{\"text\": \"hi\"}\n".utf8), "needs 'text' and 'intent'"),
        ]
        for (name, data, message) in cases {
            let url = dir.appendingPathComponent(name)
            try data.write(to: url)
            expectClean(try BinaryRunner.run(["eval", url.path]), status: 2, message)
        }
        expectClean(
            try BinaryRunner.run(["eval", dir.appendingPathComponent("missing.jsonl").path]),
            status: 2,
            "no such file"
        )
    }

    @Test("eval on a small labelled file: summary, per-intent scores and a readable failure")
    func evalSmall() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("small.jsonl")
        let lines = [
            #"{"id": "a", "text": "hi", "intent": "greeting", "alt": [], "slots": {}, "must": []}"#,
            #"{"id": "b", "text": "what's the weather", "intent": "out_of_scope", "alt": [], "slots": {}, "must": []}"#,
            #"{"id": "c", "text": "hi there", "intent": "goodbye", "alt": [], "slots": {}, "must": []}"#,
            #"{"id": "d", "turns": [{"text": "what is the CPC", "intent": "cert_info", "slots": {"credential": "CPC"}, "must": [["AAPC"]]}]}"#,
        ]
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let r = try BinaryRunner.run(["eval", url.path])
        expectClean(r, status: 0, "questions: 3")
        #expect(r.stdout.contains("intent_acc: 0.667"))
        #expect(r.stdout.contains("dialogue_turn_acc: 1.000"))
        #expect(r.stdout.contains("1× goodbye → greeting"))
        #expect(r.stdout.contains("expected: goodbye {}"))
        let json = try BinaryRunner.run(["eval", "--json", url.path])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["failures"] as? [Any])?.count == 1)
    }
}
