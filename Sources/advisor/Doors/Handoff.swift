import Foundation

/// A bounded queue that hands items from one thread to another in batches.
///
/// The consumer takes everything waiting at once, so a busy pipeline locks once per batch, not per
/// item; a producer blocks while `capacity` items wait, so memory stays bounded whatever the input.
final class Handoff<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds items, blocking while the queue is full.
    func put(_ items: [Element]) {
        guard !items.isEmpty else { return }
        condition.lock()
        while waiting.count >= capacity { condition.wait() }
        let wasEmpty = waiting.isEmpty
        waiting.append(contentsOf: items)
        if wasEmpty { condition.broadcast() }
        condition.unlock()
    }

    /// No more items will come; `take` returns nil once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Takes every waiting item, blocking until there is one; nil when closed and drained.
    func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !closed { condition.wait() }
        if waiting.isEmpty { return nil }
        let items = waiting
        waiting = []
        waiting.reserveCapacity(items.count)
        if items.count >= capacity { condition.broadcast() }
        return items
    }
}
