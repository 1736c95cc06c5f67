#if canImport(Glibc)
import Glibc
#endif

/// Gives freed heap memory back to the system after a burst of connections has closed.
///
/// glibc keeps freed memory in its per-thread arenas, so without this the server's resident size would
/// stay at its peak after, say, 5,000 clients come and go.
enum MemoryTrimmer {
    #if canImport(Glibc)
    private typealias TrimFunction = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim`, which the Glibc module does not export.
    private static let mallocTrim: TrimFunction? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: TrimFunction.self)
    }()
    #endif

    /// Returns free heap pages to the system (glibc only; elsewhere nothing to do).
    static func trim() {
        #if canImport(Glibc)
        _ = mallocTrim?(0)
        #endif
    }

    /// Every `interval`, trims when at least `drop` connections closed since the busiest moment of the
    /// previous interval.
    static func run(registry: ConnectionRegistry, interval: Duration = .seconds(5), drop: Int = 256) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            if registry.peakSinceLastLook() - registry.count >= drop { trim() }
        }
    }
}
