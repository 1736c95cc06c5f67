/// A region of the United States ("the Midwest"): its states, and whose definition that is.
///
/// No figure is published for a region here, so answers about one list its states' figures.
public struct Region: Sendable {
    /// The `region` slot's canonical value ("midwest").
    public let id: String
    /// Whose region it is, as the answer says it: "the Census Bureau's Midwest region".
    public let definition: String
    /// The source of the definition, when it has one (common-usage regions have none).
    public let source: String?
    /// Two-letter codes, in the order the file lists them.
    public let states: [String]
}
