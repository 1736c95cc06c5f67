import AdvisorCore
import NIOCore

/// The conversations of one connection's users: least recently used first out, forgotten after idle time,
/// and counted against the server-wide `CountedBudget`.
struct SessionStore {
    private struct Entry {
        var conversation: Conversation
        var lastUsed: NIODeadline
    }

    private var entries: [String: Entry] = [:]
    private var lastSweep = NIODeadline.now()
    let maxSessions: Int
    let idleTimeout: TimeAmount
    let budget: CountedBudget

    init(maxSessions: Int, idleTimeout: TimeAmount, budget: CountedBudget) {
        self.maxSessions = max(1, maxSessions)
        self.idleTimeout = idleTimeout
        self.budget = budget
    }

    /// Conversations kept for this connection.
    var count: Int { entries.count }

    /// Runs `body` on a user's conversation, creating it if needed, and keeps the result when there is room.
    mutating func withConversation<T>(
        of user: String,
        now: NIODeadline = .now(),
        _ body: (inout Conversation) -> T
    ) -> T {
        sweep(now: now)
        if let index = entries.index(forKey: user) {
            // In place: one lookup, and the conversation is not moved out of the table and back.
            let result = body(&entries.values[index].conversation)
            entries.values[index].lastUsed = now
            return result
        }
        var conversation = Conversation()
        let result = body(&conversation)
        if entries.count >= maxSessions || !budget.acquire() {
            // No room: reuse this connection's least recently used slot, if it has one.
            guard evictLeastRecentlyUsed() else { return result }
        }
        entries[user] = Entry(conversation: conversation, lastUsed: now)
        return result
    }

    /// The last answer given to a user, if the conversation is still kept.
    func lastAnswer(of user: String) -> Answer? {
        entries[user]?.conversation.lastAnswer
    }

    /// Forgets a user's conversation.
    mutating func reset(_ user: String) {
        if entries.removeValue(forKey: user) != nil { budget.release(1) }
    }

    /// Forgets everything (the connection ended).
    mutating func removeAll() {
        budget.release(entries.count)
        entries.removeAll()
    }

    /// Removes the least recently used entry, keeping its budget slot for the caller.
    private mutating func evictLeastRecentlyUsed() -> Bool {
        guard let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) else { return false }
        entries.removeValue(forKey: oldest.key)
        return true
    }

    /// Forgets conversations idle longer than the timeout; scans at most every quarter of the timeout.
    private mutating func sweep(now: NIODeadline) {
        guard idleTimeout > .zero, now - lastSweep >= .nanoseconds(idleTimeout.nanoseconds / 4) else { return }
        lastSweep = now
        let before = entries.count
        entries = entries.filter { now - $0.value.lastUsed < idleTimeout }
        budget.release(before - entries.count)
    }
}
