import Foundation
import Testing

@testable import AdvisorCore

/// Data read from a directory (`--data`, a reload) must give the answers the embedded copy gives, whatever
/// line endings its files were saved with.
@Suite struct DataSourceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test("the repository's data directory answers exactly as the embedded copy")
    func directoryMatchesEmbedded() throws {
        let fromDirectory = try Advisor(source: .directory(Self.root))
        let questions = try QuestionFile.read(Self.root + "/Tests/Probes/set1_single.jsonl")
        #expect(questions.count > 100)
        var embeddedTurn = Conversation()
        var directoryTurn = Conversation()
        for question in questions {
            let expected = JSONWriter.answer(AdvisorFixture.shared.answer(question, in: &embeddedTurn))
            let got = JSONWriter.answer(fromDirectory.answer(question, in: &directoryTurn))
            #expect(got == expected, "\(question)")
        }
        // The BLS files are saved with CR LF line endings: their figures must lead.
        var fresh = Conversation()
        #expect(fromDirectory.answer("medical coder salary", in: &fresh).text.includes("BLS OEWS May 2024"))
    }

    @Test("a CSV file reads the same with CR LF as with LF line endings")
    func csvLineEndings() throws {
        let lf = "year,abbr,annual_mean\nMay 2024,TX,50000\nMay 2024,\"OH\",51000\n"
        let plainLF = "year,abbr,annual_mean\nMay 2024,TX,50000\nMay 2024,OH,51000\n"
        for text in [lf, plainLF] {
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            let a = try CSVTable(file: "a.csv", text: text)
            let b = try CSVTable(file: "b.csv", text: crlf)
            #expect(a.header == ["year", "abbr", "annual_mean"])
            #expect(b.header == a.header)
            #expect(b.rows.map(\.fields) == a.rows.map(\.fields))
            #expect(b.rows.map(\.line) == a.rows.map(\.line))
            #expect(a.rows.count == 2)
        }
    }

    @Test("a question file with CR LF line endings gives one question per line")
    func questionFileLineEndings() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("{\"text\": \"cpc pay\"}\r\nwhat is cpt\r\n\r\n{\"text\": \"and in Texas?\"}\r\n".utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect(try QuestionFile.read(path) == ["cpc pay", "what is cpt", "and in Texas?"])
    }
}
