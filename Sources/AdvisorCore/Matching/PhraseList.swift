/// A list of phrases from `Intents/` (context words, number phrases) found in a question by word id.
///
/// Compiled at load over the model's phrase lexicon (`IntentModel.phraseLexicon`: the rules' lexicon and the words
/// of these lists), so a question's words are compared as integers (`Analysis.phraseIDs`), never hashed or compared
/// as strings, and a list is not scanned phrase by phrase.
struct PhraseList: Sendable {
    /// The phrases as listed, normalised.
    private(set) var phrases: [[String]]
    private var trie = WordTrie()
    /// Whether `compile` ran: a list left out of `IntentModel`'s list of lists would match nothing.
    private(set) var isCompiled = false

    init(_ phrases: [[String]] = []) {
        self.phrases = phrases.filter { !$0.isEmpty }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Every word of the phrases.
    var words: Set<String> { Set(phrases.joined()) }

    /// Numbers the phrases with `lexicon`, which must hold every word of them.
    mutating func compile(over lexicon: Lexicon) {
        var phraseTrie = PhraseTrie()
        for (n, phrase) in phrases.enumerated() { phraseTrie.insert(phrase, .concept(n)) }
        trie = WordTrie(phraseTrie, lexicon: lexicon)
        isCompiled = true
    }

    /// Whether a phrase of the list stands anywhere in the words `ids`.
    func occurs(in ids: [Int32]) -> Bool {
        ids.indices.contains { longest(in: ids, at: $0) > 0 }
    }

    /// Whether a phrase of the list stands wholly inside `range` of the words `ids`.
    func occurs(in ids: [Int32], within range: Range<Int>) -> Bool {
        for start in range {
            var found = false
            trie.forEachMatch(in: ids, from: start) { length, _ in
                if start + length <= range.upperBound { found = true }
            }
            if found { return true }
        }
        return false
    }

    /// The length in words of the longest phrase of the list that starts at `start` (0: none).
    func longest(in ids: [Int32], at start: Int) -> Int {
        var length = 0
        trie.forEachMatch(in: ids, from: start) { n, _ in length = n }
        return length
    }
}

/// A set of single words from `Intents/context.yaml` tested in a question by word id, like `PhraseList`: "does
/// any word of the question belong to the list" is a bit test per word, not a string hash per word.
struct WordList: Sendable {
    /// The words as listed, normalised.
    private(set) var words: Set<String>
    /// A bit per id of `IntentModel.phraseLexicon`.
    private var bits: [UInt64] = []
    /// Whether `compile` ran: a list left out of `IntentModel`'s list of lists would match nothing.
    private(set) var isCompiled = false

    init(_ words: Set<String> = []) {
        self.words = words
    }

    var isEmpty: Bool { words.isEmpty }

    /// Whether `word` is in the list.
    func contains(_ word: String) -> Bool { words.contains(word) }

    /// Numbers the words with `lexicon`, which must hold every one of them.
    mutating func compile(over lexicon: Lexicon) {
        bits = [UInt64](repeating: 0, count: (lexicon.count + 63) / 64)
        for word in words {
            guard let id = lexicon.id(word) else { continue }
            bits[Int(id) >> 6] |= 1 << UInt64(id & 63)
        }
        isCompiled = true
    }

    /// Whether a word of the list stands anywhere in the words `ids` (`Analysis.phraseIDs`).
    func occurs(in ids: [Int32]) -> Bool {
        ids.contains { contains(id: $0) }
    }

    /// Whether the word numbered `id` in the phrase lexicon is in the list.
    @inline(__always)
    func contains(id: Int32) -> Bool {
        let n = Int(id)
        return n >= 0 && n >> 6 < bits.count && bits[n >> 6] & (1 << UInt64(n & 63)) != 0
    }
}
