/// Words front doors offer for completion, read from the loaded data.
extension Advisor {
    /// The canonical values of a slot with their display names: `state` → `["CA": "California", ...]`.
    ///
    /// Empty for a slot the data does not list values for (numbers, for example).
    public func slotValueNames(_ slot: String) -> [String: String] {
        model.slotValueNames[slot] ?? [:]
    }
}
