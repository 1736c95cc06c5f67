/// Templates: the ones the code needs must exist, fill only fields the code provides, and every
/// template written should be one some code path names.
extension CheckRun {
    mutating func checkTemplates() {
        let path = "Intents/templates.yaml"
        guard let root = parsed[path], let entries = try? root.entries() else {
            if files.contains(where: { $0.path == path }) == false {
                findings.append(
                    Finding(.error, .template, file: path, line: 1, column: 1, "the templates file is missing")
                )
            }
            return
        }
        var written: Set<String> = []
        var leads: Set<String> = []
        for root in yaml("Intents/rules/") {
            for item in (try? root["rules"]?.list()) ?? [] {
                if let name = try? item["lead"]?.string() { leads.insert(name) }
            }
        }
        for entry in entries {
            written.insert(entry.key)
            let text = (try? entry.value.string()) ?? ""
            if let fields = TemplateCatalog.fields[entry.key] {
                for name in TemplateCatalog.placeholders(text) where !fields.contains(name) {
                    let known = fields.isEmpty ? "none" : fields.sorted().joined(separator: ", ")
                    add(
                        .error,
                        .template,
                        entry.value,
                        "template '\(entry.key)' refers to {\(name)}, a field the code does not fill (it fills: \(known))"
                    )
                }
            } else if entry.key.hasPrefix(TemplateCatalog.intentPrefix) {
                let intent = String(entry.key.dropFirst(TemplateCatalog.intentPrefix.count))
                if !vocabulary.intents.contains(intent) {
                    add(
                        .warning,
                        .unknownName,
                        entry.keyNode,
                        "template '\(entry.key)' names intent '\(intent)', which has no rules"
                    )
                }
                for name in TemplateCatalog.placeholders(text) {
                    add(
                        .error,
                        .template,
                        entry.value,
                        "template '\(entry.key)' refers to {\(name)}: intent names take no fields"
                    )
                }
            } else if entry.key.hasPrefix(TemplateCatalog.leadPrefix) {
                if !leads.contains(entry.key) {
                    add(.warning, .unreachable, entry.keyNode, "template '\(entry.key)' is the lead of no rule")
                }
                for name in TemplateCatalog.placeholders(text) {
                    add(
                        .error,
                        .template,
                        entry.value,
                        "template '\(entry.key)' refers to {\(name)}: leads take no fields"
                    )
                }
            } else {
                add(.warning, .unreachable, entry.keyNode, "template '\(entry.key)' is not used by any code path")
            }
        }
        for name in TemplateCatalog.fields.keys.sorted() where !written.contains(name) {
            findings.append(
                Finding(
                    .error,
                    .template,
                    file: path,
                    line: 1,
                    column: 1,
                    "template '\(name)' is missing: the code needs it"
                )
            )
        }
        for intent in vocabulary.intents.sorted() where intent != "out_of_scope" {
            let name = TemplateCatalog.intentPrefix + intent
            if !written.contains(name) {
                findings.append(
                    Finding(
                        .warning,
                        .template,
                        file: path,
                        line: 1,
                        column: 1,
                        "template '\(name)' is missing: a clarifying question about '\(intent)' would show {\(name)}"
                    )
                )
            }
        }
    }
}
