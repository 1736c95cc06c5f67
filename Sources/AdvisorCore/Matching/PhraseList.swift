/// A list of phrases from `Intents/` (context words, number phrases) found in a question by word id.
///
/// Compiled at load over the model's phrase lexicon (`IntentModel.phraseLexicon`: the rules' lexicon and the words
/// of these lists), so a question's words are compared as integers (`Analysis.phraseIDs`), never hashed or compared
/// as strings, and a list is not scanned phrase by phrase.
struct PhraseList: Sendable {
    /// The phrases as listed, normalised.
    private(set) var phrases: [[String]]
    private var trie = WordTrie()

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
