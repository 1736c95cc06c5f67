/// A phrase trie over interned word ids, compiled at load from a `PhraseTrie`: every transition
/// (node, word) → child lives in one open-addressing table with a multiplicative hash, so walking a
/// question costs a few integer probes per word and hashes no strings.
struct WordTrie: Sendable {
    /// `(node + 1) << 32 | word` of each slot; 0 marks an empty slot.
    private var keys: [UInt64]
    private var children: [Int32]
    private var shift: UInt64
    private var payloads: [[PhrasePayload]]
    /// A bit per word id: some phrase starts with the word. Most words of a question start none, and this answers
    /// them from a few cache lines instead of a probe into the table.
    private var startBits: [UInt64]
    /// A bit per node: some phrase ends there (its payloads are not empty).
    private var endBits: [UInt64]

    /// A trie with no phrases.
    init() { self.init(PhraseTrie(), lexicon: Lexicon([])) }

    /// Compiles `trie`, numbering its words with `lexicon` (every word of the trie must be in it).
    init(_ trie: PhraseTrie, lexicon: Lexicon) {
        let edges = trie.edges
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 { bits += 1 }
        shift = 64 - bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        children = [Int32](repeating: 0, count: 1 << bits)
        payloads = trie.nodePayloads
        startBits = [UInt64](repeating: 0, count: (lexicon.count + 63) / 64)
        endBits = [UInt64](repeating: 0, count: (payloads.count + 63) / 64)
        for (node, p) in payloads.enumerated() where !p.isEmpty { endBits[node >> 6] |= 1 << UInt64(node & 63) }
        for edge in edges {
            guard let word = lexicon.id(edge.word) else { continue }
            if edge.parent == 0 { startBits[Int(word) >> 6] |= 1 << UInt64(word & 63) }
            let key = Self.key(Int32(edge.parent), word)
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            children[slot] = Int32(edge.child)
        }
    }

    private static func key(_ node: Int32, _ word: Int32) -> UInt64 {
        (UInt64(UInt32(node) &+ 1) << 32) | UInt64(UInt32(bitPattern: word))
    }

    /// The node reached from `node` by `word`, or nil.
    @inline(__always)
    func child(_ node: Int32, _ word: Int32) -> Int32? {
        guard word >= 0 else { return nil }
        if node == 0 {
            let w = Int(word)
            guard w >> 6 < startBits.count, startBits[w >> 6] & (1 << UInt64(w & 63)) != 0 else { return nil }
        }
        let key = Self.key(node, word)
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let k = keys[slot]
            if k == key { return children[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Calls `body` with the length and payloads of every phrase that starts at `start`, shortest
    /// first; allocates nothing.
    @inline(__always)
    func forEachMatch(in ids: [Int32], from start: Int, _ body: (Int, [PhrasePayload]) -> Void) {
        var node: Int32 = 0
        var i = start
        while i < ids.count, let next = child(node, ids[i]) {
            node = next
            i += 1
            if ends(at: next) { body(i - start, payloads[Int(next)]) }
        }
    }

    /// The phrases that start at `start`, longest first, written into `found` (cleared first).
    func matches(in ids: [Int32], from start: Int, into found: inout [(length: Int, node: Int32)]) {
        found.removeAll(keepingCapacity: true)
        var node: Int32 = 0
        var i = start
        while i < ids.count, let next = child(node, ids[i]) {
            node = next
            i += 1
            if ends(at: next) { found.append((i - start, next)) }
        }
        found.reverse()
    }

    @inline(__always)
    private func ends(at node: Int32) -> Bool {
        let n = Int(node)
        return endBits[n >> 6] & (1 << UInt64(n & 63)) != 0
    }

    /// The payloads of a node returned by `matches`.
    func payloads(of node: Int32) -> [PhrasePayload] { payloads[Int(node)] }
}

/// Numbers every word the rules, dictionaries and context phrases use; a word outside it gets no id.
///
/// Looked up once per word of every question: an open-addressing table of `WordHash` hashes.
struct Lexicon: Sendable {
    private(set) var words: [String] = []
    /// Word id + 1 per slot (0: empty); the size is a power of two at least twice the word count.
    private var table: [Int32] = [0]

    init(_ words: some Sequence<String>) {
        var seen = Set<String>()
        for word in words where seen.insert(word).inserted { self.words.append(word) }
        var size = 16
        while size < self.words.count * 2 { size <<= 1 }
        table = [Int32](repeating: 0, count: size)
        for (id, word) in self.words.enumerated() {
            var slot = Self.slot(word, mask: size - 1)
            while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(id + 1)
        }
    }

    func id(_ word: String) -> Int32? {
        let mask = table.count - 1
        var slot = Self.slot(word, mask: mask)
        while true {
            let entry = table[slot]
            if entry == 0 { return nil }
            if words[Int(entry - 1)] == word { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    var count: Int { words.count }

    private static func slot(_ word: String, mask: Int) -> Int {
        Int(truncatingIfNeeded: WordHash.of(word.utf8)) & mask
    }
}
