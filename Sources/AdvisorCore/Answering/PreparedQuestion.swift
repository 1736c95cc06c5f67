/// A question read without its conversation (see `Advisor.prepare`): ready to be answered in one.
public struct PreparedQuestion: Sendable {
    /// What reading found: words, spelling fixes, entities, features and follow-up cues.
    let read: Analysis

    /// What reading found, handed over without a copy.
    consuming func takeRead() -> Analysis { read }
}
