/// A word of the normalised input, with where it came from in the original text.
public struct Token: Sendable, Equatable {
    /// Normalised (lower-case, folded, spelling-corrected) text.
    public var text: String
    /// The text as typed, before spelling correction.
    public var typed: String
    /// Character offsets of the token in the sanitised input.
    public var start: Int
    public var end: Int
    /// The word was written in capitals (used to tell "IN" the state from "in").
    public var isUpper: Bool
}
