/// The compiled matching rules: vocabularies, phrase tries and the rule index, built once at load.
public struct IntentModel: Sendable {
    var intents: [String] = []
    var conceptIDs: [String: Int] = [:]
    var conceptNames: [String] = []
    /// Phrase tries by word, while loading; compiled into the `WordTrie`s below, then emptied.
    var entityTrie = PhraseTrie()
    /// The value a narrower one is a case of (`narrows` in `Intents/entities/`: the CPC-A is a CPC still to prove
    /// its experience).
    var broaderValue: [SlotValue: SlotValue] = [:]
    /// The other way round: the one narrower value of a broader one (the CPC's is the CPC-A).
    var narrowerValue: [SlotValue: SlotValue] = [:]
    /// Words of `abbreviations` and of the other aliases, while loading: words only abbreviations use ("tenn",
    /// "mich") are no words the speller corrects towards ("mch" is "much", not Michigan).
    var abbreviationWords: Set<String> = []
    var otherAliasWords: Set<String> = []
    var conceptTrie = PhraseTrie()
    var literalTrie = PhraseTrie()
    var featureIDs: [String: Int] = [:]
    var featureNames: [String] = []
    var rules: [Rule] = []
    /// What scoring needs of each rule, without the strings: its intent's index, group count and score.
    var ruleShapes: [(intent: Int, groups: Int, score: Double)] = []
    /// The rules filed by feature for scoring (see `RuleIndex`).
    var ruleIndex = RuleIndex()
    var numbers = NumberGrammar()
    var context = ContextWords()
    var slots: Set<String> = []
    var speller = SpellingCorrector(vocabulary: [], english: WordSet())
    var settings = MatcherSettings()
    /// Aspect phrases per intent: intent → aspect → phrases.
    var aspects: [String: [(aspect: String, phrases: [[String]])]] = [:]
    /// All aspect phrases in one trie; a payload's number indexes `aspectNames` (file order = priority).
    var aspectTrie = PhraseTrie()
    var aspectNames: [String] = []
    /// Concept id → the feature id of `$concept` (nil when no rule uses it).
    var conceptFeatures: [Int?] = []
    /// Word ids, and the tries compiled over them: the answer path hashes each word once.
    var lexicon = Lexicon([])
    /// The lexicon and, after its words, the other words of the phrase lists (`PhraseList`): a word keeps its
    /// lexicon id, so a question's ids are looked up again only where the lexicon gave none.
    var phraseLexicon = Lexicon([])
    /// Chat shorthand and the word it stands for ("u" → "you"), from `Intents/shorthand.yaml`.
    var shorthand: [String: String] = [:]
    /// Spoken names of letters and the letter ("see" → "c"), from `Intents/shorthand.yaml`: a credential spelled
    /// out letter by letter ("c r c", "see pee see") is read as one word.
    var letterNames: [String: String] = [:]
    /// Two-word phrases read as one word ("makes sense" → "sensible": not a question about pay).
    var pairShorthand: [String: String] = [:]
    /// Per word id: whether a two-word shorthand starts with the word.
    var startsPairShorthand: [Bool] = []
    /// Per word id: the word its shorthand stands for, and that word's id (-1: not shorthand).
    var shorthandWord: [String?] = []
    var shorthandID: [Int32] = []
    /// Per word id: the letter the word is or names (0: none).
    var wordLetter: [UInt8] = []
    var entityWords = WordTrie()
    var conceptWords = WordTrie()
    var literalWords = WordTrie()
    var aspectWords = WordTrie()
    var numberPhraseWords = WordTrie()
    var openerWords = WordTrie()
    var referenceWords = WordTrie()
    var ordinalWords = WordTrie()
    /// Per word id: the feature id of the word as a literal rule term (-1 for none), and whether the
    /// word refers back to the previous answer ("it", "that").
    var wordFeature: [Int32] = []
    var isReferenceWord: [Bool] = []
    /// Per word id: the value of a number word ("five" → 5), or -1.
    var wordNumber: [Int32] = []
    /// Feature ids looked up once at load, not per question: `@slot` and `~slot` per slot, `^intent`
    /// per intent, and the `#` markers.
    var slotFeatures: [String: (at: Int?, tilde: Int?)] = [:]
    var intentFeatures: [String: Int] = [:]
    var intentIndex: [String: Int] = [:]
    var markers = Markers()
    /// Canonical values per slot with their display names.
    var slotValueNames: [String: [String: String]] = [:]

    mutating func feature(_ name: String) -> Int {
        if let id = featureIDs[name] { return id }
        featureIDs[name] = featureNames.count
        featureNames.append(name)
        return featureNames.count - 1
    }

    /// The ids of words in `phraseLexicon`, given their lexicon ids (-1: none).
    func phraseIDs(_ words: [String], lexiconIDs: [Int32]) -> [Int32] {
        guard phraseLexicon.count > lexicon.count else { return lexiconIDs }
        var ids = lexiconIDs
        for k in ids.indices where ids[k] < 0 { ids[k] = phraseLexicon.id(words[k]) ?? -1 }
        return ids
    }

    func featureID(_ name: String) -> Int? { featureIDs[name] }
}

/// Feature ids of the `#` markers a question can carry (nil when no rule uses one).
struct Markers: Sendable {
    var followUp: Int?
    var reference: Int?
    var compare: Int?
    var number: Int?
    var code: Int?
}

/// Thresholds of the matcher, from `Intents/settings.yaml`.
public struct MatcherSettings: Sendable {
    /// Below this score the question is out of scope.
    public var outOfScopeBelow = 1.0
    /// Two intents closer than this (relative) ask for clarification.
    public var clarifyMargin = 0.04
    /// Added to the previous intent when the question is a follow-up.
    public var followUpBonus = 1.0
    /// Weight of the other rules that matched, added to the best one.
    public var supportWeight = 0.2
    /// A rule this strong for another intent cancels the follow-up bonus.
    public var clearIntent = 3.5
    /// The most the other rules can add.
    public var supportCap = 1.0
    /// A question no rule is sure of goes to the intent of its nearest example utterance when the two are at
    /// least this alike (0...1; above 1: never).
    public var nearestExampleAbove = 0.4
    /// The same for a question that uses a word of the field (`$domain`: "coder", "CEUs", "billing"): it is about
    /// the field even when it reads less like any example.
    public var nearestExampleInDomainAbove = 0.4
    /// The most words a query typed like a search has: such a query may end (or open, before a word of the field)
    /// with a lower-case state code ("cpc pay ga", "wa coder pay").
    public var keywordQueryWords = 5
    /// The most words a question comparing a value with the one in focus may have without a reference ("and compared
    /// to a CPC?").
    public var shortComparisonWords = 6
    /// A message of at least this many words and two sentences or more is read for its question (`MessageParts`):
    /// the intent from the sentence that asks, open slots from the rest.
    public var longMessageWords = 25
    /// A question sentence shorter than this takes the sentence before it along ("Is it worth it?").
    public var shortQuestionWords = 5
    /// A long message whose whole reads out of scope this surely is, even when its question alone reads clearly in
    /// scope ("I'm getting into Google ads. What's a good CPC to aim for?"; above the highest score: never).
    public var storyOutOfScope = 6.0
    /// Of two questions in one message ("crc salary, and is the exam hard?"), the first is answered when it reads as its
    /// own topic at least this surely.
    public var firstQuestionAbove = 3.0
}
