import Foundation
import TestSupport
import Testing

/// The real built binary: `advisor --json` and plain batch input, bad lines included.
@Suite("advisor binary")
struct BinaryEndToEndTests {
    func run(_ arguments: [String], input: Data) throws -> (status: Int32, out: String) {
        let result = try BinaryRunner.run(arguments, in: FileManager.default.temporaryDirectory, input: input)
        return (result.status, result.stdout)
    }

    @Test("one JSON object per input line, in order; bad lines get an error and the next is answered")
    func jsonLines() throws {
        var input = Data()
        input += Data("cpc pay\n".utf8)
        input += Data("\n".utf8)
        input += Data([0xFF, 0xFE, 0x0A])
        input += Data((String(repeating: "x", count: 1_048_576) + "\n").utf8)
        input += Data("{\"text\": 5}\n{\"text\": \"and in texas\", \"user\": \"a\"}\n".utf8)
        input += Data("\u{1B}[31mwhat is the CRC\u{1B}[0m\n{broken\nthanks\n".utf8)
        let (status, out) = try run(["--json"], input: input)
        #expect(status == 0)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        guard lines.count == 9 else { return }
        #expect(lines[0].contains(#""intent":"salary""#) && lines[0].contains("63,095"))
        #expect(lines[1].contains(#""error":"empty question"#))
        #expect(lines[2].contains("not valid UTF-8"))
        #expect(lines[3].contains("line too long"))
        #expect(lines[4].contains("'text' must be a string"))
        #expect(lines[5].contains(#""intent""#))
        #expect(lines[6].contains(#""intent":"cert_info""#) && !lines[6].contains("\u{1B}"))
        #expect(lines[7].contains("not valid JSON"))
        #expect(lines[8].contains(#""intent":"thanks""#))
    }

    @Test("the same questions get the same bytes in every run, whatever the process's hash seed")
    func sameAnswersEveryRun() throws {
        // Answers that list the parts of an unpublished combination, and follow-ups that carry several slots: a
        // dictionary's order (seeded afresh in each process) once decided the order of their lines: about half the runs
        // differed, so eight runs agreeing by chance would be under 1 in 100.
        let questions = [
            "I'm a CPC with 9 years in hospital inpatient coding, is 58k fair?",
            "entry level remote CPC in Ohio",
            "CCS with 5 years at a physician office in Texas",
            "and with 10 years?",
            "what about a CIC in Florida with 3 years in a hospital",
            "senior CRC at an insurance company in Georgia",
            "COC with 12 years in outpatient coding in Arizona",
            "new CPC-A at a billing company in Michigan",
        ]
        let input = Data(questions.map { #"{"user":"a","text":"\#($0)"}"# + "\n" }.joined().utf8)
        let first = try run(["--json"], input: input)
        for _ in 0..<7 {
            let again = try run(["--json"], input: input)
            #expect(again.out == first.out)
        }
        #expect(first.out.split(separator: "\n").count == questions.count)
    }

    @Test("plain batch input: one answer per line group, works from any directory")
    func plainBatch() throws {
        let (status, out) = try run([], input: Data("how much is the CCA exam\nbye\n".utf8))
        #expect(status == 0)
        #expect(out.contains("$299") && out.contains("\n\n"))
    }

    @Test("ask answers one question")
    func ask() throws {
        let (status, out) = try run(["ask", "--json", "rhit vs rhia"], input: Data())
        #expect(status == 0 && out.contains(#""intent":"cert_compare""#))
    }

    @Test("a malformed data directory stops start-up with file, line and column")
    func badData() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let rules = root.appendingPathComponent("Intents/rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Knowledge"),
            withIntermediateDirectories: true
        )
        try Data("intent: greeting\nrules:\n  - {all: [hi], score: [}\n".utf8).write(
            to: rules.appendingPathComponent("g.yaml")
        )
        let result = try BinaryRunner.run(["ask", "--data", root.path, "hi"])
        let message = result.stderr
        #expect(result.status != 0)
        #expect(message.contains("Intents/rules/g.yaml:3:"))
    }
}
