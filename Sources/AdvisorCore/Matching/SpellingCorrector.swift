/// Corrects misspelt words against the rule and entity vocabulary, using a symmetric-delete
/// index built at load time (lookup cost does not grow with the vocabulary).
struct SpellingCorrector: Sendable {
    /// Words that are correct as they are (the vocabulary plus common English words).
    private let known: Set<String>
    /// Deletion variants → vocabulary words.
    private var deletes: [String: [String]] = [:]
    static let minimumLength = 4

    init(vocabulary: Set<String>, english: Set<String>) {
        known = vocabulary.union(english)
        for word in vocabulary where word.count >= Self.minimumLength && word.allSatisfy(\.isLetter) {
            for variant in Self.deletions(of: word, depth: Self.maxDistance(word.count)) {
                deletes[variant, default: []].append(word)
            }
        }
    }

    static func maxDistance(_ length: Int) -> Int { length >= 8 ? 2 : 1 }

    func isKnown(_ word: String) -> Bool { known.contains(word) }

    /// The correction for a word, or nil when it is known, too short, or has no close match.
    func correct(_ word: String) -> String? {
        guard word.count >= Self.minimumLength, !known.contains(word), word.allSatisfy(\.isLetter) else { return nil }
        let limit = Self.maxDistance(word.count)
        var best: (word: String, distance: Int, sameStart: Bool)? = nil
        for variant in Self.deletions(of: word, depth: limit) {
            guard let candidates = deletes[variant] else { continue }
            for candidate in candidates {
                let d = Self.distance(word, candidate)
                guard d <= min(limit, Self.maxDistance(candidate.count)) else { continue }
                let sameStart = candidate.first == word.first
                if let b = best {
                    if d < b.distance || (d == b.distance && sameStart && !b.sameStart)
                        || (d == b.distance && sameStart == b.sameStart && candidate < b.word)
                    {
                        best = (candidate, d, sameStart)
                    }
                } else {
                    best = (candidate, d, sameStart)
                }
            }
        }
        return best?.word
    }

    /// The word itself and every string reachable by deleting up to `depth` characters.
    static func deletions(of word: String, depth: Int) -> Set<String> {
        var result: Set<String> = [word]
        var frontier: Set<String> = [word]
        for _ in 0..<depth {
            var next = Set<String>()
            for w in frontier where w.count > 1 {
                let chars = Array(w)
                for i in chars.indices {
                    var c = chars
                    c.remove(at: i)
                    next.insert(String(c))
                }
            }
            result.formUnion(next)
            frontier = next
        }
        return result
    }

    /// Damerau–Levenshtein distance (optimal string alignment).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
