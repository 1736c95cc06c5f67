import Synchronization

/// Pay answers already written, by query.
///
/// A pay answer depends only on its query (the slots, and the slot a "which pays most" question
/// ranks) and on the knowledge base, which does not change while an advisor lives; a reload builds a
/// new advisor with an empty cache. So each query is composed once and then reused, by every
/// conversation and every thread. The cache holds at most `capacity` answers and starts afresh when
/// full, so odd queries (every amount a user might name) cannot grow it without bound.
final class CompositionCache: Sendable {
    /// What a pay answer is written from.
    struct Key: Hashable, Sendable {
        /// Which composer: a comparison (with the slot that holds the list) or a single query.
        let listSlot: String?
        let slots: Slots
        let rankSlot: String?
        /// A ranking from the lowest-paying value up ("which state pays the least").
        var lowestFirst = false
    }

    private let entries = Mutex<[Key: Composition]>([:])
    let capacity: Int

    /// A cache of at most `capacity` answers; 0 turns it off.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The cached answer for `key`, or the one `compose` writes (then kept for next time).
    func composition(for key: Key, _ compose: () -> Composition) -> Composition {
        guard capacity > 0 else { return compose() }
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let made = compose()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = made
        }
        return made
    }

    /// Answers cached now.
    var count: Int { entries.withLock { $0.count } }
}
