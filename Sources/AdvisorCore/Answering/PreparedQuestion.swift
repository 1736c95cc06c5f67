/// A question read without its conversation (see `Advisor.prepare`): ready to be answered in one.
public struct PreparedQuestion: Sendable {
    /// What reading found: words, spelling fixes, entities, features and follow-up cues.
    let read: Analysis
    /// For a long message read for its question (`MessageParts`): the rest of it, read, whose values fill the slots the
    /// question leaves open.
    var background: Analysis? = nil
    /// For such a message: the whole of it, read again when the question alone says too little ("Is it worth it?").
    var message: String? = nil

    /// What reading found, handed over without a copy.
    consuming func takeRead() -> Analysis { read }
}
