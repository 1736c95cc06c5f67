import NIOCore
import NIOPosix

extension AdvisorService {
    /// Makes Swift concurrency run its tasks on NIO's event loops (the singleton group the server uses),
    /// so a connection's task reads, answers and writes on the loop that owns its socket, without a hop
    /// to a separate pool of threads and back for every batch of lines.
    ///
    /// Call it at most once, from the main thread, before any task starts (`advisor serve` does, first
    /// thing). Returns false when it could not be installed; the server then runs as well, with the hops.
    public static func runTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
