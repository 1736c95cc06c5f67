/// An example utterance of `Intents/examples/<intent>.yaml`: `intent:` + `examples: [{text, slots}]`.
public struct ExampleUtterance: Sendable {
    public let intent: String
    public let text: String
    /// The labelled slots; numbers for numeric slots, lists where several values are named.
    public let slots: Slots
    /// `Intents/examples/salary.yaml:12`
    public let origin: String

    /// Every example of the data, in file order; a malformed file throws with file:line:column.
    public static func all(in files: [DataFile]) throws(LoadError) -> [ExampleUtterance] {
        var out: [ExampleUtterance] = []
        for file in files where file.path.hasPrefix("Intents/examples/") && file.path.hasSuffix(".yaml") {
            let root = try YAMLNode.parse(file)
            let intent = try root.required("intent").string()
            for item in try root.required("examples").list() {
                try item.allowKeys(["text", "slots"])
                var slots = Slots()
                if let map = item["slots"], map.node.mapping != nil {
                    for entry in try map.entries() {
                        for value in try entry.value.strings() {
                            let numeric = DataVocabulary.numericSlots.contains(entry.key)
                            slots.append(
                                entry.key,
                                numeric ? Int(value).map { .number($0) } ?? .text(value) : .text(value)
                            )
                        }
                    }
                }
                out.append(
                    ExampleUtterance(
                        intent: intent,
                        text: try item.required("text").string(),
                        slots: slots,
                        origin: "\(item.file):\(item.line)"
                    )
                )
            }
        }
        return out
    }
}
