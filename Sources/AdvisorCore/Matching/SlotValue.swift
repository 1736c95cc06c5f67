/// A canonical slot value: text such as `CPC` or `NJ`, or a whole number such as 5.
public enum SlotValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case number(Int)

    public var description: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return String(n)
        }
    }

    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    public var number: Int? { if case .number(let n) = self { return n } else { return nil } }
}

/// The slots of a query: each slot holds one value, or several in the order the user named them.
public struct Slots: Sendable, Hashable {
    public private(set) var values: [String: [SlotValue]] = [:]
    /// Slot names in the order they were first set.
    public private(set) var order: [String] = []

    public init() {}

    public subscript(slot: String) -> [SlotValue] {
        get { values[slot] ?? [] }
        set {
            if newValue.isEmpty {
                values[slot] = nil
                order.removeAll { $0 == slot }
            } else {
                if values[slot] == nil { order.append(slot) }
                values[slot] = newValue
            }
        }
    }

    /// The single value of a slot, or its first value.
    public func first(_ slot: String) -> SlotValue? { values[slot]?.first }
    public func text(_ slot: String) -> String? { values[slot]?.first?.text }
    public func number(_ slot: String) -> Int? { values[slot]?.first?.number }
    public var isEmpty: Bool { values.isEmpty }
    public var names: [String] { order }

    /// Adds a value at the end of a slot's list unless already there.
    public mutating func append(_ slot: String, _ value: SlotValue) {
        var list = self[slot]
        if !list.contains(value) { list.append(value) }
        self[slot] = list
    }
}

extension SlotValue {
    /// Whether the value is written `text` (`description == text`, without making the string).
    func matches(_ text: String) -> Bool {
        switch self {
        case .text(let s): return s == text
        case .number(let n): return String(n) == text
        }
    }
}
