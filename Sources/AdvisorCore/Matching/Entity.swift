/// A slot value found in the question, with the words it came from.
public struct Entity: Sendable, Equatable {
    public let slot: String
    public let value: SlotValue
    /// Token range [first, last] in the normalised input.
    public let tokens: ClosedRange<Int>
    /// Character range in the sanitised input.
    public let span: Range<Int>
    /// The words as typed.
    public let text: String
}

/// An intent and its score, with the rule that contributed most.
public struct IntentScore: Sendable, Equatable {
    public let intent: String
    public let score: Double
    /// `Intents/rules/salary.yaml:12`
    public let rule: String
    public let ruleText: String
    /// The template the rule shows above its answer (`lead:`), if any.
    public var lead: String? = nil
}
