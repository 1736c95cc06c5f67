/// Everything the matcher found in one question: the basis of the answer and of `:why`.
public struct Analysis: Sendable {
    public var sanitized: String = ""
    /// Whether `sanitized` is all ASCII (its scalar offsets are byte offsets).
    var sanitizedIsASCII = true
    public var tokens: [Token] = []
    /// Each token's normalised text, listed once for everything that reads words.
    public var words: [String] = []
    /// Each token's id in the model's lexicon (-1: a word no rule or dictionary uses).
    var wordIDs: [Int32] = []
    /// Each word's id in the phrase lexicon, for the phrase lists (`PhraseList`; -1: in none of them).
    var phraseIDs: [Int32] = []
    /// Spelling fixes: typed word → corrected word.
    public var corrections: [(typed: String, corrected: String)] = []
    public var entities: [Entity] = []
    /// Numbers without a unit ("and with 3?").
    public var bareNumbers: [Int] = []
    /// Concepts and literal phrases present.
    public var features = FeatureSet()
    /// Intents ranked by score, best first.
    public var ranking: [IntentScore] = []
    public var isFollowUp = false
    public var hasReference = false
    /// The slot the question compares between the value it names and the one in focus (`focusComparison`), found
    /// once with the conversation's features.
    public var focusCompared: String? = nil
    public var ordinal: Int? = nil
    /// The aspect asked about (exam fee, study time...), if any: the first in `Intents/aspects.yaml` order.
    public var aspect: String? = nil
    /// Further aspects the same question asks about ("how many questions and how long is it"), in that order.
    public var moreAspects: [String] = []
    public var truncated = false
    /// The words of values the question took back ("ccs not cpc": "cpc"; `IntentMatcher.dropTakenBackValues`).
    public var takenBack: [ClosedRange<Int>] = []
    /// Follow-up words found while reading; they count only once a conversation has a previous question.
    var cues = FollowUpCues()

    /// Words that could continue a previous question.
    struct FollowUpCues: Sendable {
        var opener = false
        var reference = false
        var ordinal: Int? = nil
    }

    /// The normalised input, word by word.
    public var normalized: String { words.joined(separator: " ") }
}
