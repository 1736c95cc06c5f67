/// Corrects misspelt words against the rule and entity vocabulary with a symmetric-delete index
/// built at load time: each vocabulary word's deletion variants are hashed into one sorted array, so
/// a lookup costs a few binary searches whatever the vocabulary's size.
struct SpellingCorrector: Sendable {
    /// Words that are correct as they are: the vocabulary, and common English words.
    private let vocabulary: Set<String>
    /// Common English words: preferred when two corrections are equally close.
    private let english: WordSet
    private let words: [[UInt8]]
    /// Whether each of `words` is also a common English word.
    private let isEnglishWord: [Bool]
    /// Each deletion variant as one number: the top bits of its hash, then its word's index into `words` in the low
    /// `wordBits` bits; sorted, so a variant's words are a run found by binary search. (Plain integers sort several
    /// times faster than pairs at load; the bits of the hash given up only let a rare extra candidate through, which
    /// the edit distance then rejects.)
    private let index: [UInt64]
    private static let wordBits: UInt64 = 20
    private static let wordMask: UInt64 = (1 << wordBits) - 1
    /// Vocabulary words by their letters without vowels ("slry" → "salary", "wrk" → "work"), for words typed
    /// without vowels; a spelling two words share ("mny": many, money) is left out.
    private let withoutVowels: [String: String]
    static let minimumLength = 4

    init(vocabulary: Set<String>, english: WordSet) {
        self.vocabulary = vocabulary
        self.english = english
        let candidates = vocabulary.filter(Self.isCandidate).sorted()
        words = candidates.map { Array($0.utf8) }
        isEnglishWord = candidates.map { english.contains($0) }
        // Exactly as many entries as deletion variants: the index keeps no spare capacity.
        var keys: [UInt64] = []
        keys.reserveCapacity(
            words.reduce(0) { total, word in
                let n = word.count
                return total + 1 + n + (Self.maxDistance(n) >= 2 ? n * (n - 1) / 2 : 0)
            }
        )
        // A million words fit; words past that (no vocabulary here comes near) are simply not corrected towards.
        for (i, word) in words.enumerated() where i <= Int(Self.wordMask) {
            Self.forEachDeletion(of: word, depth: Self.maxDistance(word.count)) {
                keys.append(($0 & ~Self.wordMask) | UInt64(i))
            }
        }
        Self.radixSort(&keys)
        index = keys
        var skeletons: [String: String] = [:]
        for word in candidates {
            let skeleton = String(word.filter { !Self.vowels.contains($0) })
            guard skeleton.count >= 3, skeleton.count < word.count else { continue }
            skeletons[skeleton] = skeletons[skeleton] == nil ? word : ""
        }
        withoutVowels = skeletons.filter { !$0.value.isEmpty }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Whether a vocabulary word is one misspellings are corrected towards: letters only, four or more. Lower-case
    /// ASCII words (nearly all) are checked on their bytes.
    static func isCandidate(_ word: String) -> Bool {
        let bytes = word.utf8
        if bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { return bytes.count >= minimumLength }
        return word.count >= minimumLength && word.allSatisfy(\.isLetter)
    }

    /// Sorts the index's keys in four passes of 16 bits (least significant first), several times faster at load
    /// than a comparison sort of the same plain integers.
    static func radixSort(_ keys: inout [UInt64]) {
        guard keys.count > 1 else { return }
        var buffer = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for i in counts.indices { counts[i] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            var total = 0
            for i in counts.indices {
                let n = counts[i]
                counts[i] = total
                total += n
            }
            for key in keys {
                let digit = Int((key >> shift) & 0xFFFF)
                buffer[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &buffer)
        }
    }

    static func maxDistance(_ length: Int) -> Int { length >= 8 ? 2 : 1 }

    func isKnown(_ word: String) -> Bool { english.contains(word) || vocabulary.contains(word) }

    /// The correction for a word, or nil when it is known, too short, or has no close match. Words typed without
    /// vowels ("slry", "mch") and three-letter words missing one vowel ("mke", "mak") are read as the one
    /// vocabulary word they can be; other words need four letters.
    func correct(_ word: String) -> String? {
        guard word.utf8.count >= 3, !isKnown(word) else { return nil }
        if let plain = stretchedBack(word) { return plain }
        if word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            let vowelless = !word.utf8.contains { $0 == 0x61 || $0 == 0x65 || $0 == 0x69 || $0 == 0x6F || $0 == 0x75 }
            if vowelless, let full = withoutVowels[word] { return full }
            if word.utf8.count == 3, let full = oneVowelAdded(word) { return full }
        }
        guard word.utf8.count >= Self.minimumLength, word.count >= Self.minimumLength,
            word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) || word.allSatisfy(\.isLetter)
        else { return nil }
        let typed = Array(word.utf8)
        let limit = Self.maxDistance(typed.count)
        var best: (word: Int, distance: Int, sameStart: Bool, isEnglish: Bool)? = nil
        var seen: [Int32] = []
        Self.forEachDeletion(of: typed, depth: limit) { fullHash in
            let hash = fullHash & ~Self.wordMask
            var i = lowerBound(hash)
            while i < index.count, index[i] & ~Self.wordMask == hash {
                let w = Int32(index[i] & Self.wordMask)
                i += 1
                guard !seen.contains(w) else { continue }
                seen.append(w)
                let candidate = words[Int(w)]
                let d = Self.distance(typed, candidate)
                guard d <= min(limit, Self.maxDistance(candidate.count)) else { continue }
                let sameStart = candidate.first == typed.first
                let isEnglish = isEnglishWord[Int(w)]
                if let b = best {
                    let tie = d == b.distance && sameStart == b.sameStart
                    let better =
                        d < b.distance || (d == b.distance && sameStart && !b.sameStart)
                        || (tie && isEnglish && !b.isEnglish)
                        || (tie && isEnglish == b.isEnglish && candidate.lexicographicallyPrecedes(words[b.word]))
                    if !better { continue }
                }
                best = (Int(w), d, sameStart, isEnglish)
            }
        }
        return best.map { String(decoding: words[$0.word], as: UTF8.self) }
    }

    /// A word with a letter held for emphasis ("helloooo", "sooo", "plsss") as the known word it stretches: each run
    /// of three or more of one letter cut to two letters ("coool" → "cool"), or else to one ("sooo" → "so"); nil for
    /// other words.
    func stretchedBack(_ word: String) -> String? {
        // Most unknown words hold no run: they leave without a copy of their bytes being made.
        var (before, last, runs): (UInt8, UInt8, Bool) = (0, 0, false)
        for byte in word.utf8 {
            if byte == last, byte == before {
                runs = true
                break
            }
            (before, last) = (last, byte)
        }
        guard runs else { return nil }
        let bytes = Array(word.utf8)
        for keep in [2, 1] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var start = 0
            while start < bytes.count {
                var end = start + 1
                while end < bytes.count, bytes[end] == bytes[start] { end += 1 }
                out.append(contentsOf: repeatElement(bytes[start], count: end - start >= 3 ? keep : end - start))
                start = end
            }
            let candidate = String(decoding: out, as: UTF8.self)
            if isKnown(candidate) { return candidate }
        }
        return nil
    }

    /// The one four-letter vocabulary word that a three-letter word is with one vowel put back: "mke" → "make".
    private func oneVowelAdded(_ word: String) -> String? {
        let letters = Array(word)
        var found: String? = nil
        for position in 0...letters.count {
            for vowel in Self.vowels {
                var candidate = letters
                candidate.insert(vowel, at: position)
                let full = String(candidate)
                guard full != found, vocabulary.contains(full), full.allSatisfy(\.isLetter) else { continue }
                if found != nil { return nil }
                found = full
            }
        }
        return found
    }

    private func lowerBound(_ hash: UInt64) -> Int {
        var (low, high) = (0, index.count)
        while low < high {
            let mid = (low + high) / 2
            if index[mid] < hash { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Calls `body` with the hash of the word and of every variant with up to `depth` bytes deleted.
    static func forEachDeletion(of word: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
        body(hash(word, skipping: -1, -1))
        guard depth >= 1 else { return }
        for i in word.indices {
            body(hash(word, skipping: i, -1))
            guard depth >= 2 else { continue }
            for j in (i + 1)..<word.count { body(hash(word, skipping: i, j)) }
        }
    }

    /// FNV-1a over the bytes of `word` except positions `a` and `b`.
    static func hash(_ word: [UInt8], skipping a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (k, byte) in word.enumerated() where k != a && k != b {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return h ^ UInt64(word.count - (a >= 0 ? 1 : 0) - (b >= 0 ? 1 : 0))
    }

    /// Damerau–Levenshtein distance (optimal string alignment) between byte strings.
    static func distance(_ x: [UInt8], _ y: [UInt8]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let width = y.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: (x.count + 1) * width) { d in
            d.initialize(repeating: 0)
            return distance(x, y, width: width, d)
        }
    }

    private static func distance(_ x: [UInt8], _ y: [UInt8], width: Int, _ d: UnsafeMutableBufferPointer<Int>) -> Int {
        for i in 0...x.count { d[i * width] = i }
        for j in 0...y.count { d[j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    v = min(v, d[(i - 2) * width + j - 2] + 1)
                }
                d[i * width + j] = v
            }
        }
        return d[x.count * width + y.count]
    }

}
