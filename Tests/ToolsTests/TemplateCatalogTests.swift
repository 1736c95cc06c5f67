import Foundation
import Testing

@testable import AdvisorCore

/// The template catalog `advisor check` uses must list exactly the templates the code looks up.
@Suite("TemplateCatalog")
struct TemplateCatalogTests {
    @Test("every template name looked up in Sources/AdvisorCore is in the catalog, and no other")
    func catalogMatchesSources() throws {
        let sources = Fixture.packageRoot.appendingPathComponent("Sources/AdvisorCore")
        var used = Set<String>()
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift", !url.path.contains("/Checking/") else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n")
            where line.contains("template(") && !line.contains("templates.append") {
                for piece in line.components(separatedBy: "template(").dropFirst() {
                    let call = piece.prefix { $0 != ")" }
                    for literal in call.components(separatedBy: "\"").enumerated() where literal.offset % 2 == 1 {
                        let name = String(literal.element)
                        if !name.hasSuffix(".") { used.insert(name) }
                    }
                }
            }
        }
        #expect(used.count > 15)
        #expect(
            used == Set(TemplateCatalog.fields.keys),
            "in code only: \(used.subtracting(TemplateCatalog.fields.keys)); in catalog only: \(Set(TemplateCatalog.fields.keys).subtracting(used))"
        )
    }

    @Test("placeholders are read in order and odd braces are ignored")
    func placeholders() {
        #expect(TemplateCatalog.placeholders("{a} and {b_c} {not a field} {}") == ["a", "b_c"])
    }
}
