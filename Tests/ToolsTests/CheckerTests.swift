import AdvisorCore
import Testing

/// Each check of `advisor check` fires on a small broken fixture and stays silent on the real data.
@Suite("DataChecker")
struct CheckerTests {
    /// Findings of one check in one file.
    func hits(_ report: CheckReport, _ check: Finding.Check, _ path: String) -> [Finding] {
        report.findings(check).filter { $0.file == path }
    }

    @Test("the real data has no errors and the example check ran")
    func realDataClean() {
        let report = Fixture.realReport
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5).map(\.description))")
        #expect(report.loaded)
        #expect(report.examples > 500)
        for check in [Finding.Check.schema, .unknownName, .conflict, .template] {
            #expect(report.findings(check).filter { $0.severity == .error }.isEmpty, "\(check)")
        }
    }

    @Test("schema: an unknown key in a rule is an error at its line and column, and other checks still run")
    func schemaUnknownKey() {
        let files = Fixture.appending("  - {all: [zebra], scor: 2.0}\n", to: "Intents/rules/thanks.yaml")
        let report = Fixture.check(files)
        let found = hits(report, .schema, "Intents/rules/thanks.yaml")
        #expect(found.count == 1)
        #expect(found.first?.line == Fixture.line(of: "scor:", in: files, "Intents/rules/thanks.yaml"))
        #expect(found.first?.message.contains("unknown key 'scor'") == true)
        #expect(found.first?.severity == .error)
        #expect(report.loaded, "the broken file is set aside and the rest still loads")
        #expect(report.examples > 500)
    }

    @Test("schema: YAML syntax errors and empty files are each reported")
    func schemaSyntaxAndEmpty() {
        var files = Fixture.replacing("Intents/rules/zzz_broken.yaml", with: "intent: [unclosed\n")
        files.append(DataFile(path: "Knowledge/topics/zzz_empty.yaml", text: ""))
        let report = Fixture.check(files)
        #expect(hits(report, .schema, "Intents/rules/zzz_broken.yaml").first?.message.contains("YAML") == true)
        #expect(hits(report, .schema, "Knowledge/topics/zzz_empty.yaml").first?.message.contains("empty") == true)
    }

    @Test("unknown intents and slots in examples and topics")
    func unknownNames() {
        var files = Fixture.replacing(
            "Intents/examples/zzz.yaml",
            with: "intent: astrology\nexamples:\n  - {text: \"read my stars\", slots: {}}\n"
        )
        files = files.filter { $0.path != "Intents/examples/thanks.yaml" }
        files += [
            DataFile(
                path: "Intents/examples/thanks.yaml",
                text: "intent: thanks\nexamples:\n  - {text: \"thanks a lot\", slots: {colour: red}}\n"
            ),
            DataFile(
                path: "Knowledge/topics/zzz.yaml",
                text:
                    "intent: thanks\nsections:\n  - id: zzz-planet\n    when: {planet: mars}\n    text: hi\n    sources: [guide-003]\n"
            ),
        ]
        let report = Fixture.check(files)
        #expect(hits(report, .unknownName, "Intents/examples/zzz.yaml").first?.message.contains("astrology") == true)
        #expect(hits(report, .unknownName, "Intents/examples/thanks.yaml").first?.message.contains("colour") == true)
        #expect(hits(report, .unknownName, "Knowledge/topics/zzz.yaml").first?.message.contains("planet") == true)
    }

    @Test("a topic in value_continues that is not an intent is an error at its line")
    func valueContinuesNamesIntents() {
        let files = Fixture.editing("Intents/context.yaml", "value_continues: [salary,", "value_continues: [salaryy,")
        let found = hits(Fixture.check(files), .unknownName, "Intents/context.yaml")
        #expect(found.first?.message.contains("salaryy") == true)
        #expect(found.first?.line == Fixture.line(of: "value_continues:", in: files, "Intents/context.yaml"))
        #expect(hits(Fixture.realReport, .unknownName, "Intents/context.yaml").isEmpty)
    }

    @Test("slot values outside their dictionaries: examples, topic conditions, figures")
    func slotValues() {
        var files = Fixture.appending(
            "  - {text: \"cpx pay\", slots: {credential: CPX}}\n",
            to: "Intents/examples/salary.yaml"
        )
        files =
            files.filter { $0.path != "Knowledge/topics/zzz.yaml" } + [
                DataFile(
                    path: "Knowledge/topics/zzz.yaml",
                    text:
                        "intent: thanks\nsections:\n  - id: zzz-state\n    when: {state: XX}\n    text: hi\n    sources: [guide-003]\n"
                )
            ]
        files.append(
            DataFile(
                path: "Knowledge/salary/zzz.yaml",
                text:
                    "- {id: zzz-fig, where: {state: ZZ}, stat: mean, value: 1, unit: USD/year, source: bls-oews-2024, year: 2024}\n"
            )
        )
        let report = Fixture.check(files)
        let example = hits(report, .slotValue, "Intents/examples/salary.yaml")
        #expect(example.count == 1 && example[0].severity == .error && example[0].message.contains("CPX"))
        #expect(example.first?.line == Fixture.line(of: "cpx pay", in: files, "Intents/examples/salary.yaml"))
        #expect(hits(report, .slotValue, "Knowledge/topics/zzz.yaml").first?.message.contains("'XX'") == true)
        #expect(hits(report, .slotValue, "Knowledge/salary/zzz.yaml").first?.severity == .error)
    }

    /// The first rule of an intent's real rules file, as a line to append to a rules file.
    static func firstRule(of intent: String) -> String {
        let text = Fixture.real.first { $0.path == "Intents/rules/\(intent).yaml" }?.text ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("  - {all:") }
        return (line.map(String.init) ?? "") + "\n"
    }

    @Test("duplicate aliases, rules and examples are warnings")
    func duplicates() {
        var files = Fixture.editing("Intents/entities/credentials.yaml", "aliases: [cic, ", "aliases: [cic, cic, ")
        files = files.filter { $0.path != "Intents/rules/thanks.yaml" }
        let rules = Fixture.real.first { $0.path == "Intents/rules/thanks.yaml" }?.text ?? ""
        files.append(DataFile(path: "Intents/rules/thanks.yaml", text: rules + Self.firstRule(of: "thanks")))
        files = files.filter { $0.path != "Intents/examples/thanks.yaml" }
        let examples = Fixture.real.first { $0.path == "Intents/examples/thanks.yaml" }?.text ?? ""
        files.append(
            DataFile(path: "Intents/examples/thanks.yaml", text: examples + "  - {text: \"Thank you!\", slots: {}}\n")
        )
        let report = Fixture.check(files)
        #expect(hits(report, .duplicate, "Intents/entities/credentials.yaml").contains { $0.message.contains("'cic'") })
        #expect(hits(report, .duplicate, "Intents/rules/thanks.yaml").count == 1)
        #expect(hits(report, .duplicate, "Intents/examples/thanks.yaml").count == 1)
        #expect(report.findings(.duplicate).allSatisfy { $0.severity == .warning })
    }

    @Test("conflicts: one alias for two credentials, one condition for two intents, one example for two intents")
    func conflicts() {
        var files = Fixture.editing("Intents/entities/credentials.yaml", "aliases: [cic, ", "aliases: [cic, cpc, ")
        files = files.filter { $0.path != "Intents/rules/goodbye.yaml" && $0.path != "Intents/examples/goodbye.yaml" }
        let rules = Fixture.real.first { $0.path == "Intents/rules/goodbye.yaml" }?.text ?? ""
        files.append(DataFile(path: "Intents/rules/goodbye.yaml", text: rules + Self.firstRule(of: "thanks")))
        let examples = Fixture.real.first { $0.path == "Intents/examples/goodbye.yaml" }?.text ?? ""
        files.append(
            DataFile(path: "Intents/examples/goodbye.yaml", text: examples + "  - {text: \"thank you\", slots: {}}\n")
        )
        let report = Fixture.check(files)
        let alias = hits(report, .conflict, "Intents/entities/credentials.yaml")
        #expect(
            alias.count == 1 && alias[0].severity == .error && alias[0].message.contains("CPC")
                && alias[0].message.contains("CIC")
        )
        // Files are read in path order: goodbye's copy comes first, so the finding stands at thanks'.
        #expect(hits(report, .conflict, "Intents/rules/thanks.yaml").first?.message.contains("'goodbye'") == true)
        #expect(hits(report, .conflict, "Intents/examples/thanks.yaml").first?.message.contains("'goodbye'") == true)
    }

    @Test("examples: one no rule of its intent reaches, one another intent captures, one with wrong slots")
    func examples() {
        var files = Fixture.appending(
            "  - {all: [zebra], score: 1.5}\n",
            to: "Intents/rules/thanks.yaml"
        )
        files = files.filter { $0.path != "Intents/rules/greeting.yaml" }
        let greeting = Fixture.real.first { $0.path == "Intents/rules/greeting.yaml" }?.text ?? ""
        files.append(
            DataFile(path: "Intents/rules/greeting.yaml", text: greeting + "  - {all: [zebra, striped], score: 9.0}\n")
        )
        files = files.filter { $0.path != "Intents/examples/thanks.yaml" }
        let examples = Fixture.real.first { $0.path == "Intents/examples/thanks.yaml" }?.text ?? ""
        let added = """
              - {text: "zebra striped", slots: {}}
              - {text: "quartz obelisk", slots: {}}
              - {text: "zebra thanks", slots: {credential: CPC}}

            """
        files.append(DataFile(path: "Intents/examples/thanks.yaml", text: examples + added))
        let report = Fixture.check(files)
        let path = "Intents/examples/thanks.yaml"
        let captured = hits(report, .exampleCaptured, path).filter { $0.message.contains("zebra striped") }
        #expect(captured.count == 1 && captured[0].message.contains("'greeting'"))
        #expect(captured.first?.line == Fixture.line(of: "zebra striped", in: files, path))
        #expect(hits(report, .exampleUnreached, path).contains { $0.message.contains("quartz obelisk") })
        #expect(
            hits(report, .exampleSlots, path).contains {
                $0.message.contains("zebra thanks") && $0.message.contains("CPC")
            }
        )
    }

    @Test("templates: an unknown field and a missing template are errors; an unused template is a warning")
    func templates() {
        var files = Fixture.editing(
            "Intents/templates.yaml",
            "compare.tie: \"{top} and {low} are level",
            "compare.tie: \"{top} and {planet} are level"
        )
        files = files.map { f in
            guard f.path == "Intents/templates.yaml" else { return f }
            let text = f.text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("compare.none:") }.joined(separator: "\n")
            return DataFile(path: f.path, text: text + "zzz.unused: \"never shown\"\n")
        }
        let report = Fixture.check(files)
        let found = hits(report, .template, "Intents/templates.yaml")
        #expect(found.contains { $0.severity == .error && $0.message.contains("{planet}") })
        #expect(found.contains { $0.severity == .error && $0.message.contains("'compare.none' is missing") })
        #expect(hits(report, .unreachable, "Intents/templates.yaml").contains { $0.message.contains("zzz.unused") })
    }

    @Test("provenance: a figure with no date, a credential statement with no source")
    func provenance() {
        var files = Fixture.real
        files.append(
            DataFile(
                path: "Knowledge/salary/zzz.yaml",
                text:
                    "- {id: zzz-undated, where: {credential: CPC}, stat: mean, value: 1, unit: USD/year, source: guide-001}\n"
            )
        )
        files = files.map { f in
            f.path == "Knowledge/credentials.yaml"
                ? DataFile(
                    path: f.path,
                    text: f.text.replacingOccurrences(
                        of: "  study_time:\n    - {text: \"3-5 months\", source: guide-003}",
                        with: "  study_time:\n    - \"3-5 months\""
                    )
                )
                : f
        }
        let report = Fixture.check(files)
        #expect(hits(report, .provenance, "Knowledge/salary/zzz.yaml").first?.message.contains("zzz-undated") == true)
        #expect(
            hits(report, .provenance, "Knowledge/credentials.yaml").contains { $0.message.contains("CPC study_time") }
        )
    }

    @Test(
        "unreachable: a credential without alias, a section after a default, a concept no rule uses, an off-slot figure"
    )
    func unreachable() {
        var files = Fixture.appending(
            "- credential: ZZQ\n  name: Zed\n  issuer: AAPC\n  focus: [{text: \"z\", source: guide-003}]\n",
            to: "Knowledge/credentials.yaml"
        )
        files.append(
            DataFile(
                path: "Knowledge/topics/zzz.yaml",
                text:
                    "intent: thanks\nsections:\n  - id: zzz-a\n    text: a\n    sources: [guide-003]\n  - id: zzz-b\n    text: b\n    sources: [guide-003]\n"
            )
        )
        files.append(DataFile(path: "Intents/lexicon/zzz.yaml", text: "zzz_unused: [quokka]\n"))
        files.append(
            DataFile(
                path: "Knowledge/salary/zzz.yaml",
                text:
                    "- {id: zzz-moon, where: {planet: moon}, stat: mean, value: 1, unit: USD/year, source: bls-oews-2024, year: 2024}\n"
            )
        )
        let report = Fixture.check(files)
        #expect(hits(report, .unreachable, "Knowledge/credentials.yaml").contains { $0.message.contains("ZZQ") })
        #expect(hits(report, .unreachable, "Knowledge/topics/zzz.yaml").contains { $0.message.contains("zzz-b") })
        #expect(!hits(report, .unreachable, "Knowledge/topics/zzz.yaml").contains { $0.message.contains("zzz-a") })
        #expect(hits(report, .unreachable, "Intents/lexicon/zzz.yaml").contains { $0.message.contains("zzz_unused") })
        #expect(hits(report, .unreachable, "Knowledge/salary/zzz.yaml").contains { $0.message.contains("'planet'") })
    }

    @Test("each finding of the fixtures is absent from the real data")
    func silentOnRealData() {
        let real = Fixture.realReport.findings
        #expect(!real.contains { $0.file.contains("zzz") })
        #expect(!real.contains { $0.message.contains("'cic'") || $0.message.contains("{planet}") })
        #expect(real.findings(.schema).isEmpty)
        #expect(real.findings(.unknownName).isEmpty)
    }
}

extension Array where Element == Finding {
    func findings(_ check: Finding.Check) -> [Finding] { filter { $0.check == check } }
}
