import Dispatch
import Synchronization

/// Loading work started on another thread, so two independent parts of the data load on two cores at once.
///
/// The advisor reads its knowledge base this way while it compiles the rules; `value()` waits for the result.
final class ParallelLoad<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, LoadError>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a thread of the system's pool.
    init(_ work: @escaping @Sendable () throws(LoadError) -> Value) {
        DispatchQueue.global().async { [self] in
            let outcome = Result<Value, LoadError>(catching: work)
            self.result.withLock { $0 = outcome }
            self.finished.signal()
        }
    }

    /// Waits for the work to finish, and returns its value or throws its error (any number of times).
    func value() throws(LoadError) -> Value {
        finished.wait()
        finished.signal()
        guard let outcome = result.withLock({ $0 }) else {
            throw LoadError(file: "", line: 0, column: 0, message: "loading finished without a result")
        }
        return try outcome.get()
    }
}
