/// Where a figure or a text comes from.
public struct Source: Sendable {
    public let id: String
    public let publisher: String
    public let title: String
    public let date: String
    public let kind: String
    public let reliability: String
    public let url: String?
    public let note: String?

    /// The full citation with reliability and address.
    public var full: String {
        var s = "\(publisher). \(title). \(date). [\(kind), reliability \(reliability)]"
        if let url { s += " \(url)" }
        if let note { s += " Note: \(note)" }
        return s
    }
}
