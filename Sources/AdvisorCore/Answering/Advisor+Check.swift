/// Load-time checks across files.
extension Advisor {
    /// What the code needs of the data beyond what each file checks alone: the templates it always uses, the lead
    /// templates rules name, and intents that sections name.
    static func check(_ model: IntentModel, _ kb: KnowledgeBase) throws(LoadError) {
        for name in [
            "salary.headline", "salary.none", "salary.combination", "compare.title", "cert.info", "cert.unknown",
            "fallback.out_of_scope",
        ]
        where kb.templates[name] == nil {
            throw LoadError(file: "Intents/templates.yaml", line: 0, column: 0, message: "missing template '\(name)'")
        }
        for rule in model.rules {
            guard let lead = rule.lead, kb.templates[lead.template] == nil else { continue }
            throw LoadError(
                file: lead.file,
                line: lead.line,
                column: lead.column,
                message: "rule names lead template '\(lead.template)', which Intents/templates.yaml does not have"
            )
        }
        for pick in model.context.credentialPicks
        where !kb.credentials.values.contains(where: { !$0.items(pick.attribute).isEmpty }) {
            throw LoadError(
                file: pick.file,
                line: pick.line,
                column: pick.column,
                message: "credential_picks compares '\(pick.attribute)', which no credential in Knowledge/ states"
            )
        }
        for s in kb.sections where !model.intents.contains(s.intent) {
            throw LoadError(
                file: s.origin,
                line: 0,
                column: 0,
                message: "section '\(s.id)' names unknown intent '\(s.intent)'"
            )
        }
    }
}
