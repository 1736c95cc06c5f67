#if canImport(Glibc)
import Glibc
#endif

/// A bounded queue that hands items from one thread to another in batches.
///
/// The consumer takes everything waiting at once, so a busy pipeline locks once per batch, not per
/// item; a producer blocks while `capacity` items wait, so memory stays bounded whatever the input.
final class Handoff<Element: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var waiting: [Element] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    private func lock() { pthread_mutex_lock(mutex) }
    private func unlock() { pthread_mutex_unlock(mutex) }
    private func wait() { pthread_cond_wait(condition, mutex) }
    private func wakeAll() { pthread_cond_broadcast(condition) }

    /// Adds items, blocking while the queue is full.
    func put(_ items: [Element]) {
        guard !items.isEmpty else { return }
        lock()
        while waiting.count >= capacity { wait() }
        let wasEmpty = waiting.isEmpty
        waiting.append(contentsOf: items)
        if wasEmpty { wakeAll() }
        unlock()
    }

    /// No more items will come; `take` returns nil once the queue is empty.
    func close() {
        lock()
        closed = true
        wakeAll()
        unlock()
    }

    /// Takes every waiting item, blocking until there is one; nil when closed and drained.
    func take() -> [Element]? {
        lock()
        defer { unlock() }
        while waiting.isEmpty && !closed { wait() }
        if waiting.isEmpty { return nil }
        let items = waiting
        waiting = []
        waiting.reserveCapacity(items.count)
        if items.count >= capacity { wakeAll() }
        return items
    }
}
