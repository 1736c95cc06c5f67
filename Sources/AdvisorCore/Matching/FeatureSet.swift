/// The feature ids present in a question, as a bit set: inserting and testing hash nothing, and
/// iteration goes in id order.
public struct FeatureSet: Sendable, Equatable {
    private var bits: [UInt64] = []

    public init() {}

    /// An empty set with room for features `0..<capacity`: inserting them allocates nothing more.
    public init(capacity: Int) {
        bits = [UInt64](repeating: 0, count: (max(0, capacity) + 63) / 64)
    }

    /// Sets are equal when they hold the same features, however much room each has.
    public static func == (lhs: FeatureSet, rhs: FeatureSet) -> Bool {
        let (short, long) = lhs.bits.count <= rhs.bits.count ? (lhs.bits, rhs.bits) : (rhs.bits, lhs.bits)
        return short.indices.allSatisfy { short[$0] == long[$0] } && long[short.count...].allSatisfy { $0 == 0 }
    }

    public mutating func insert(_ feature: Int) {
        let word = feature >> 6
        if word >= bits.count { bits.append(contentsOf: repeatElement(0, count: word - bits.count + 1)) }
        bits[word] |= 1 << UInt64(feature & 63)
    }

    public func contains(_ feature: Int) -> Bool {
        let word = feature >> 6
        return word < bits.count && bits[word] & (1 << UInt64(feature & 63)) != 0
    }

    public var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }

    /// Calls `body` with each feature id, smallest first.
    public func forEachFeature(_ body: (Int) -> Void) {
        for (w, word) in bits.enumerated() {
            var rest = word
            while rest != 0 {
                body(w << 6 | rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
    }
}
