import NIOConcurrencyHelpers

/// A server-wide count of something connections hold, capped: kept conversations (`SessionStore`), and
/// connections closing lingering (`LingeringCloseHandler`).
public final class CountedBudget: Sendable {
    private let used = NIOLockedValueBox(0)
    public let limit: Int

    public init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Takes one slot if any is free.
    func acquire() -> Bool {
        used.withLockedValue { used in
            guard used < limit else { return false }
            used += 1
            return true
        }
    }

    /// Gives back slots.
    func release(_ count: Int) {
        guard count > 0 else { return }
        used.withLockedValue { $0 = max(0, $0 - count) }
    }

    /// Slots held right now across all connections.
    public var inUse: Int { used.withLockedValue { $0 } }
}
