/// The one list of what the Swift code asks of the data: every template it looks up, with the
/// `{fields}` it fills, and the concepts it reads directly. `advisor check` compares
/// `Intents/templates.yaml` with it; a test compares it with the sources, so it cannot drift.
enum TemplateCatalog {
    /// Template name → fields the code fills.
    static let fields: [String: Set<String>] = [
        "salary.headline": ["subject", "value", "stat", "period", "source"],
        "salary.percentiles": ["subject", "distribution", "source"],
        "salary.no_percentiles": ["subject"],
        "salary.years": ["years", "label", "range"],
        "salary.none": ["subject"],
        "salary.related": ["subject"],
        "salary.combination": ["subject"],
        "salary.estimate": ["estimate", "base", "what", "place", "state_mean", "us_mean", "ratio"],
        "salary.judge": ["amount", "where", "period", "place"],
        "salary.ranking": ["what"],
        "salary.ranking_lowest": ["what"],
        "salary.region": ["region", "definition", "period", "order"],
        "salary.region_none": ["region"],
        "salary.region_published": ["region"],
        "salary.ranking_conflict": ["value", "figure", "source"],
        "salary.against_nation": [
            "place", "stat", "value", "national", "difference", "percent", "direction", "source",
        ],
        "salary.level_with_nation": ["place", "stat", "value", "national", "source"],
        "compare.title": ["what"],
        "compare.none": ["what"],
        "compare.metro_fallback": ["metros", "states"],
        "compare.without": ["what"],
        "compare.same_band": ["label"],
        "compare.verdict": ["top", "low", "difference", "stat", "source"],
        "compare.tie": ["top", "low", "difference", "stat", "source"],
        "compare.verdict_mixed": ["top", "low", "difference"],
        "salary.metro_fallback": ["metro", "state"],
        "compare.no_common": [],
        "compare.weak_common": ["source"],
        "outlook.state_jobs": ["state", "jobs", "source"],
        "compare.other_job": [],
        "cert.info": ["code", "name", "issuer"],
        "cert.renewal_total": ["count", "issuer", "credentials", "ceus", "period", "source"],
        "cert.unknown": ["code"],
        "cert.all": [],
        "cert.matching": [],
        "cert.by_issuer": ["issuer"],
        "cert.compare": ["what"],
        "cert.recommend_between": ["what"],
        "cert.recommend_pick": ["code", "because"],
        "cert.recommend_either": [],
        "topic.none": ["intent"],
        "clarify": ["first", "second"],
        "input.truncated": [],
        "fallback.out_of_scope": [],
    ]

    /// Templates looked up by a prefix and a name from the data: `intent.<intent>` names an intent in
    /// clarifying questions.
    static let intentPrefix = "intent."
    /// Templates a rule shows above its answer (`lead:` in Intents/rules/); they take no fields.
    static let leadPrefix = "lead."

    /// Concepts the code reads by name (`Advisor.rankedSlot`), so no rule needs to use them.
    static let conceptsUsedByCode: Set<String> = [
        "$rank_state", "$rank_metro", "$rank_credential", "$rank_specialty", "$rank_setting", "$other_job",
        "$rank_lowest",
    ]

    /// The `{placeholders}` of a template, in order.
    static func placeholders(_ template: String) -> [String] {
        var out: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                out.append(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }
}
