/// A canonical slot value: text such as `CPC` or `NJ`, a whole number such as 5, or an amount of money
/// in cents (a wage the user names: "$21.75 an hour", "$45k").
public enum SlotValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)
    case money(cents: Int)

    /// The value as JSON writes it: money in dollars, with the cents only when there are some ("21.75", "45000").
    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .money(let cents):
            let rest = cents % 100
            return String(cents / 100) + (rest == 0 ? "" : (rest < 10 ? ".0" : ".") + String(rest))
        }
    }

    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    public var number: Int? { if case .number(let n) = self { return n } else { return nil } }
    public var cents: Int? { if case .money(let c) = self { return c } else { return nil } }
}

/// The slots of a query: each slot holds one value, or several in the order the user named them.
///
/// A query has a handful of slots, so they are kept as a short list in the order first set: looking one
/// up compares a few names instead of hashing, and a set of slots is one allocation, not a table and a list.
public struct Slots: Sendable, Hashable {
    private struct Entry: Sendable, Hashable {
        let name: String
        var values: [SlotValue]
    }

    private var entries: [Entry] = []

    public init() {}

    public subscript(slot: String) -> [SlotValue] {
        get { entries.first { $0.name == slot }?.values ?? [] }
        set {
            if let i = entries.firstIndex(where: { $0.name == slot }) {
                if newValue.isEmpty { entries.remove(at: i) } else { entries[i].values = newValue }
            } else if !newValue.isEmpty {
                entries.append(Entry(name: slot, values: newValue))
            }
        }
    }

    /// The single value of a slot, or its first value.
    public func first(_ slot: String) -> SlotValue? { self[slot].first }
    public func text(_ slot: String) -> String? { first(slot)?.text }
    public func number(_ slot: String) -> Int? { first(slot)?.number }
    public func cents(_ slot: String) -> Int? { first(slot)?.cents }
    public var isEmpty: Bool { entries.isEmpty }
    /// Slot names in the order they were first set.
    public var names: some RandomAccessCollection<String> { entries.lazy.map(\.name) }

    /// Adds a value at the end of a slot's list unless already there.
    public mutating func append(_ slot: String, _ value: SlotValue) {
        if let i = entries.firstIndex(where: { $0.name == slot }) {
            if !entries[i].values.contains(value) { entries[i].values.append(value) }
        } else {
            entries.append(Entry(name: slot, values: [value]))
        }
    }
}

extension SlotValue {
    /// Whether the value is written `text` (`description == text`, without making the string).
    func matches(_ text: String) -> Bool {
        switch self {
        case .text(let s): return s == text
        case .number(let n): return String(n) == text
        case .money: return description == text
        }
    }
}
