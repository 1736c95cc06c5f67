/// What a dictionary phrase stands for: a concept used by rules, or a slot value.
enum PhrasePayload: Sendable, Equatable {
    case concept(Int)
    case entity(slot: String, value: SlotValue, use: AliasUse)
}

/// When an alias of a slot value counts (the key it is listed under in `Intents/entities/`).
enum AliasUse: Sendable, Equatable {
    /// Wherever it stands (`aliases`).
    case anywhere
    /// Only beside a word like "in", in a list, or after a city (`context_aliases`: "IN", "OK").
    case inContext
    /// Only written with a capital and a period right after it (`abbreviations`: "Ill.", "Wash.", "Ga.").
    case abbreviated

    /// The keys of a slot value's aliases, each with the use it gives them.
    static let keys: [(key: String, use: AliasUse)] = [
        ("aliases", .anywhere), ("context_aliases", .inContext), ("abbreviations", .abbreviated),
    ]
}

/// A trie over token sequences, for longest-match lookup of multi-word phrases.
struct PhraseTrie: Sendable {
    private var children: [[String: Int]] = [[:]]
    private var payloads: [[PhrasePayload]] = [[]]

    mutating func insert(_ words: [String], _ payload: PhrasePayload) {
        var node = 0
        for word in words {
            if let next = children[node][word] {
                node = next
            } else {
                children.append([:])
                payloads.append([])
                children[node][word] = children.count - 1
                node = children.count - 1
            }
        }
        if !payloads[node].contains(payload) { payloads[node].append(payload) }
    }

    /// Calls `body` with the length and payloads of every phrase that starts at `start`, shortest
    /// first; allocates nothing.
    func forEachMatch(in words: [String], from start: Int, _ body: (Int, [PhrasePayload]) -> Void) {
        var node = 0
        var i = start
        while i < words.count, let next = children[node][words[i]] {
            node = next
            i += 1
            if !payloads[node].isEmpty { body(i - start, payloads[node]) }
        }
    }

    /// Every transition, for compiling into a `WordTrie`.
    var edges: [(parent: Int, word: String, child: Int)] {
        var out: [(Int, String, Int)] = []
        for (parent, map) in children.enumerated() { for (word, child) in map { out.append((parent, word, child)) } }
        return out
    }

    var nodePayloads: [[PhrasePayload]] { payloads }

    /// Every word that occurs in some phrase (the vocabulary for spelling correction).
    var words: Set<String> {
        var out = Set<String>()
        for map in children { out.formUnion(map.keys) }
        return out
    }
}
