import Synchronization

/// Pay and credential answers already written, by query.
///
/// A pay answer depends only on its query (the slots, and the slot a "which pays most" question
/// ranks), a credential's exam facts or a comparison of credentials only on the credentials and the
/// aspects asked about, and each on the knowledge base, which does not change while an advisor
/// lives; a reload builds a new advisor with an empty cache. So each query is composed once and
/// then reused, by every conversation and every thread. The cache holds at most `capacity` answers
/// and starts afresh when full, so odd queries (every amount a user might name) cannot grow it
/// without bound.
final class CompositionCache: Sendable {
    /// What an answer is written from.
    enum Key: Hashable, Sendable {
        /// A pay answer: a comparison over `listSlot`'s values, or one query (`listSlot` nil); `rankSlot` is the
        /// slot a "which pays most" question ranks, `lowestFirst` a ranking from the lowest-paying value up.
        case pay(listSlot: String?, slots: Slots, rankSlot: String?, lowestFirst: Bool)
        /// The exam facts of credentials (`CredentialComposer.exam`), the aspects asked about in order; with no
        /// credentials, those of the issuer named (or all).
        case exam(codes: [String], aspects: [String], issuer: String?)
        /// Credentials side by side (`CredentialComposer.compare`), the aspects asked about first.
        case credentialComparison(codes: [String], aspects: [String])
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
