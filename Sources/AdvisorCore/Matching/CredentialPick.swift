/// A choice of one of the credentials in focus by what is published about them: "how long to study for the harder
/// one" after the CCA and the CCS is about the CCS (`credential_picks` in Intents/context.yaml).
struct CredentialPick: Sendable {
    /// The phrases that ask for the pick ("the harder one"), compiled with the model's other phrase lists.
    var phrases: PhraseList
    /// The credential attribute compared (`difficulty`, `exam_fee` in Knowledge/credentials.yaml).
    let attribute: String
    /// The attribute's first statement, lower-cased, from lowest to highest (`low`, `medium`, `high`); when empty, the
    /// first amount the statement quotes ("$199 for AHIMA members ..." is 199) is compared instead.
    let ranks: [String]
    /// Whether the highest value is picked (else the lowest).
    let highest: Bool
    /// Where `attribute` is written, for the load error when no credential has it.
    let file: String
    let line: Int
    let column: Int

    /// Whether one of the phrases stands in the question (its `Analysis.phraseIDs`).
    func asked(in ids: [Int32]) -> Bool {
        phrases.occurs(in: ids)
    }

    /// The rank of a statement: its place in `ranks`, or the first amount it quotes; nil when it has neither.
    func rank(of statement: String) -> Double? {
        if ranks.isEmpty { return Self.firstAmount(in: statement) }
        return ranks.firstIndex(of: statement.lowercased()).map(Double.init)
    }

    /// The first dollar amount in `text`: "$1,299 for members" gives 1299.
    static func firstAmount(in text: String) -> Double? {
        guard let dollar = text.firstIndex(of: "$") else { return nil }
        let digits = text[text.index(after: dollar)...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber)
        return Double(String(digits))
    }
}
