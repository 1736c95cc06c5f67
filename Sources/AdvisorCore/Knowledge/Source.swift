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

    /// The full citation with reliability and address, worked out once.
    public let full: String

    init(
        id: String,
        publisher: String,
        title: String,
        date: String,
        kind: String,
        reliability: String,
        url: String?,
        note: String?
    ) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.date = date
        self.kind = kind
        self.reliability = reliability
        self.url = url
        self.note = note
        var s = "\(publisher). \(title). \(date). [\(kind), reliability \(reliability)]"
        if let url { s += " \(url)" }
        if let note { s += " Note: \(note)" }
        full = s
    }
}
