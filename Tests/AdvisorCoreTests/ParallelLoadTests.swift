import Testing

@testable import AdvisorCore

/// The knowledge base loads on another thread while the rules compile (`ParallelLoad`); errors must read as they did
/// when the two loaded in turn.
@Suite("Parallel load")
struct ParallelLoadTests {
    /// The embedded files with some replaced by broken text.
    static func files(breaking paths: [String]) throws -> [DataFile] {
        try DataSource.embedded.files().map { file in
            paths.contains(file.path) ? DataFile(path: file.path, text: "values: [\n") : file
        }
    }

    @Test("a broken knowledge file is the error reported, even when a rules file is broken too")
    func knowledgeErrorFirst() throws {
        let both = try Self.files(breaking: ["Knowledge/credentials.yaml", "Intents/rules/salary.yaml"])
        #expect(both.contains { $0.path == "Knowledge/credentials.yaml" })
        #expect(both.contains { $0.path == "Intents/rules/salary.yaml" })
        let error = #expect(throws: LoadError.self) { try Advisor(source: .files(both)) }
        #expect(error?.file == "Knowledge/credentials.yaml")
        let rulesOnly = try Self.files(breaking: ["Intents/rules/salary.yaml"])
        let rulesError = #expect(throws: LoadError.self) { try Advisor(source: .files(rulesOnly)) }
        #expect(rulesError?.file == "Intents/rules/salary.yaml")
    }

    @Test("the value is returned to every caller; an error is thrown to every caller")
    func valueAndError() throws {
        let load = ParallelLoad { () throws(LoadError) in 42 }
        #expect(try load.value() == 42)
        #expect(try load.value() == 42)
        let failing = ParallelLoad { () throws(LoadError) -> Int in
            throw LoadError(file: "Knowledge/x.yaml", line: 3, column: 1, message: "broken")
        }
        #expect(throws: LoadError(file: "Knowledge/x.yaml", line: 3, column: 1, message: "broken")) {
            try failing.value()
        }
        #expect(throws: LoadError.self) { try failing.value() }
    }
}
