extension String {
    /// The text's lines, split at LF and at CR LF, empty lines kept (line `k` of the file is element `k - 1`).
    ///
    /// Splitting a `String` at the character "\n" alone misses every CR LF: Swift reads CR LF as one
    /// character, so a file saved with Windows line endings would come back as a single line.
    public var lineSlices: [Substring] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}
