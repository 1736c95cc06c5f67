/// A credential (CPC, CCS...) and what is published about it, attribute by attribute.
public struct Credential: Sendable {
    /// One published statement with its source.
    public struct Item: Sendable {
        public let text: String
        public let source: String
    }

    public let code: String
    public let name: String
    public let issuer: String
    /// attribute → statements, the primary or newest first.
    public let attributes: [String: [Item]]
    public let origin: String

    public func items(_ attribute: String) -> [Item] { attributes[attribute] ?? [] }
}

/// An experience level and the years it spans.
public struct ExperienceLevel: Sendable {
    public let level: String
    public let label: String
    public let years: ClosedRange<Int>
    public let source: String
}

/// A topic section: one focused answer for a non-salary intent.
public struct TopicSection: Sendable {
    public let id: String
    public let intent: String
    public let facets: [[String]]
    /// Slot values every one of which the question or conversation must carry for the section to be chosen.
    public let when: [String: String]
    /// Slot values that favour the section when present, above a `when` condition met, without being required
    /// ("what cert would help" after moving into auditing: the role aimed at, not the setting worked in).
    public let prefer: [String: String]
    public let text: String
    public let sources: [String]
    /// Credentials this section recommends, first is preferred (cert_recommend).
    public let recommends: [String]
    public let origin: String
}
