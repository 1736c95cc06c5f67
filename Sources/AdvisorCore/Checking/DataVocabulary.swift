/// The names the data defines, read from the YAML itself so they are known even when loading fails:
/// intents (one per rule file), slots, and each slot's dictionary of canonical values and aliases.
struct DataVocabulary {
    /// One alias as written, with the value it stands for.
    struct Alias {
        let phrase: String
        let slot: String
        let value: String
        let use: AliasUse
        let node: YAMLNode

        /// Whether the alias counts only in some places (`context_aliases`, `abbreviations`).
        var needsContext: Bool { use != .anywhere }
    }

    var intents: Set<String> = []
    /// Each `narrows` written in `Intents/entities/`: the slot and the broader value it names.
    var narrows: [(slot: String, value: String, node: YAMLNode)] = []
    let slots = IntentModel.knownSlots
    /// Slots whose values are whole numbers.
    static let numericSlots: Set<String> = ["experience_years", "credential_count", "amount"]
    /// Slots beyond the contract (Knowledge/README.md): figures may use values their dictionaries lack yet.
    static let extensionSlots: Set<String> = ["group", "education", "role"]
    /// Intents whose answers state no facts, so their sections need no source.
    static let smallTalk: Set<String> = ["greeting", "goodbye", "thanks", "help", "out_of_scope"]
    /// slot → canonical value → where it is defined.
    var values: [String: [String: YAMLNode]] = [:]
    var aliases: [Alias] = []

    init(_ parsed: [String: YAMLNode]) {
        for path in parsed.keys.sorted() {
            guard let root = parsed[path] else { continue }
            if path.hasPrefix("Intents/rules/"), let intent = try? root["intent"]?.string() {
                intents.insert(intent)
            }
            guard path.hasPrefix("Intents/entities/"), let slot = try? root["slot"]?.string(),
                let list = try? root["values"]?.list()
            else { continue }
            for item in list {
                guard let valueNode = item["value"], let value = try? valueNode.string() else { continue }
                values[slot, default: [:]][value] = values[slot]?[value] ?? valueNode
                if let node = item["narrows"], let broader = try? node.string() {
                    narrows.append((slot, broader, node))
                }
                for (key, use) in AliasUse.keys {
                    for alias in (try? item[key]?.list()) ?? [] {
                        guard let phrase = try? alias.string() else { continue }
                        aliases.append(
                            Alias(phrase: phrase, slot: slot, value: value, use: use, node: alias)
                        )
                    }
                }
            }
        }
    }

    /// Why a slot value is not acceptable, or nil when it is.
    func problem(slot: String, value: String) -> String? {
        if Self.numericSlots.contains(slot) {
            return Int(value) == nil ? "slot '\(slot)' takes a whole number, not '\(value)'" : nil
        }
        guard let known = values[slot] else { return nil }
        guard known[value] == nil else { return nil }
        let close = known.keys.filter { $0.lowercased() == value.lowercased() }.first
        let hint = close.map { " (did you mean '\($0)'?)" } ?? ""
        return "'\(value)' is not a value of slot '\(slot)'\(hint): Intents/entities/ defines no such value"
    }
}
