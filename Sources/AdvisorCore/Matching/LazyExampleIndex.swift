import Synchronization

/// The example index, built the first time a question needs it rather than at load.
///
/// Most questions are settled by a rule and never consult the examples; reading all 706 of them through
/// the matcher at load would cost every start-up (and every reload) about 5 ms for them. The examples are
/// still parsed at load, so a malformed examples file stops the load with its file, line and column.
final class LazyExampleIndex: Sendable {
    private let examples: [ExampleUtterance]
    private let matcher: IntentMatcher
    private let index = Mutex<ExampleIndex?>(nil)

    init(_ examples: [ExampleUtterance], matcher: IntentMatcher) {
        self.examples = examples
        self.matcher = matcher
    }

    /// See `ExampleIndex.nearest`; the first call builds the index (once, whichever thread asks first).
    func nearest(_ a: Analysis, leavingOut: String? = nil) -> ExampleIndex.Match? {
        let built = index.withLock { index in
            if let index { return index }
            let matcher = self.matcher
            let made = ExampleIndex(examples) { matcher.read($0) }
            index = made
            return made
        }
        return built.nearest(a, leavingOut: leavingOut)
    }
}
