import Testing
import Yams

@testable import AdvisorCore

/// The fast YAML parser must read every data file exactly as a full YAML library does.
@Suite("YAML parser")
struct YAMLParserTests {
    static let files = (try? DataSource.embedded.files().filter { $0.path.hasSuffix(".yaml") }) ?? []

    @Test("every data file parses to the same tree as Yams", arguments: files.map(\.path))
    func agreesWithYams(path: String) throws {
        let file = try #require(Self.files.first { $0.path == path })
        var parser = YAMLParser(file: file.path, text: file.text)
        let mine = try #require(try parser.parse())
        let reference = try #require(try Yams.compose(yaml: file.text))
        #expect(Self.describe(mine) == Self.describe(reference), "\(path) differs")
    }

    @Test("errors name the line and column")
    func locatedErrors() {
        var parser = YAMLParser(file: "x.yaml", text: "a: 1\nb: [1, 2\n")
        #expect(throws: LoadError.self) { try parser.parse() }
        var unterminated = YAMLParser(file: "x.yaml", text: "a: \"open\n")
        do {
            _ = try unterminated.parse()
            Issue.record("an unterminated string must fail")
        } catch {
            #expect(error.line == 1 && error.column == 4)
        }
        var duplicate = YAMLParser(file: "x.yaml", text: "a: 1\na: 2\n")
        #expect(throws: LoadError.self) { try duplicate.parse() }
    }

    @Test("block scalars, quotes and multi-line flow")
    func features() throws {
        let text = """
            # comment
            text: |
              line one
              line two
            list: ["a, b", 'it''s', plain # note
              , {k: v}]
            folded: >-
              one
              two
            """
        var parser = YAMLParser(file: "x.yaml", text: text)
        let value = try #require(try parser.parse())
        let expected = "{text:\"line one\nline two\n\",list:[\"a, b\",\"it's\",\"plain\",{k:\"v\"}],folded:\"one two\"}"
        #expect(Self.describe(value) == expected)
    }

    static func describe(_ v: YAMLValue) -> String {
        switch v.kind {
        case .scalar(let s): return "\"" + s + "\""
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .mapping(let entries):
            return "{"
                + entries.map { (YAMLParser.text($0.key) ?? "?") + ":" + describe($0.value) }.joined(separator: ",")
                + "}"
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "\"" + s.string + "\""
        case .sequence(let s): return "[" + s.map(describe).joined(separator: ",") + "]"
        case .mapping(let m):
            return "{" + m.map { ($0.key.string ?? "?") + ":" + describe($0.value) }.joined(separator: ",") + "}"
        case .alias: return "*alias"
        }
    }
}
