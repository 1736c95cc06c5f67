#if canImport(Glibc)
import Glibc
#endif

/// The example utterances of `Intents/examples/`, indexed by their words: the matcher's second opinion
/// for a question no rule is sure of.
///
/// Rules are precise but only know the phrasings someone wrote down; a user who asks "are there lots of
/// coding jobs out there right now" matches none of them. The index finds the example utterance that
/// shares the most telling words with the question (cosine of binary term vectors weighted by inverse
/// document frequency over the examples), so a new phrasing goes where similar ones were labelled to go.
/// Terms are the spelling-corrected words, lightly stemmed (a plural `s` dropped), with each entity's
/// words replaced by its slot (`@credential`), so "CIC" and "CRC" count as the same kind of word.
/// Only the terms a question holds are looked up (postings): no example is visited that shares none.
struct ExampleIndex: Sendable {
    /// One indexed example.
    struct Entry: Sendable {
        let intent: String
        let text: String
        /// `Intents/examples/job_outlook.yaml:12`
        let origin: String
        /// Length of the example's weighted term vector.
        let norm: Double
    }

    /// The intent whose examples are most like a question, how alike (0...1: the mean of its two closest
    /// examples), and the closest of them.
    struct Match: Sendable, Equatable {
        let intent: String
        let similarity: Double
        let origin: String
        let text: String
    }

    private var termIDs: [String: Int] = [:]
    /// Per term: the examples holding it.
    private var postings: [[Int32]] = []
    /// Per term: its weight, the log of how rare it is among the examples.
    private var weights: [Double] = []
    private(set) var entries: [Entry] = []
    /// Per entry: its intent's number in `intents`, so a search tallies intents in an array.
    private var intentOfEntry: [Int] = []
    /// The intents the examples are labelled with, each once.
    private var intents: [String] = []

    /// An index of no examples: it finds nothing.
    init() {}

    /// Indexes examples, each read the way a question is (`read` gives its words and entities).
    init(_ examples: [ExampleUtterance], read: (String) -> Analysis) {
        var termLists: [[Int]] = []
        termLists.reserveCapacity(examples.count)
        for example in examples {
            let terms = Self.terms(of: read(example.text)).map { term in
                if let id = termIDs[term] { return id }
                termIDs[term] = postings.count
                postings.append([])
                return postings.count - 1
            }
            for id in Set(terms) { postings[id].append(Int32(termLists.count)) }
            termLists.append(terms)
        }
        let count = Double(max(1, examples.count))
        weights = postings.map { list in log(count / Double(max(1, list.count))) + 0.1 }
        var intentIDs: [String: Int] = [:]
        for (example, terms) in zip(examples, termLists) {
            let squares = Set(terms).reduce(0.0) { $0 + weights[$1] * weights[$1] }
            entries.append(
                Entry(intent: example.intent, text: example.text, origin: example.origin, norm: squares.squareRoot())
            )
            if intentIDs[example.intent] == nil {
                intentIDs[example.intent] = intents.count
                intents.append(example.intent)
            }
            intentOfEntry.append(intentIDs[example.intent] ?? 0)
        }
    }

    /// The intent whose examples are most like the question, if any example shares a term with it; `leavingOut`
    /// skips the example of that origin (so an example can be tested against all the others).
    func nearest(_ a: Analysis, leavingOut: String? = nil) -> Match? {
        guard !entries.isEmpty else { return nil }
        // Dot products by example, in an array; `touched` lists the examples that share a term (every weight is
        // positive, so a nonzero dot marks one).
        var dots = [Double](repeating: 0, count: entries.count)
        var touched: [Int32] = []
        var squares = 0.0
        for term in Set(Self.terms(of: a)) {
            // Terms no example holds still make the question less like any of them.
            guard let id = termIDs[term] else {
                squares += Self.unknownTermWeight * Self.unknownTermWeight
                continue
            }
            let w = weights[id]
            squares += w * w
            for e in postings[id] {
                if dots[Int(e)] == 0 { touched.append(e) }
                dots[Int(e)] += w * w
            }
        }
        guard squares > 0, !touched.isEmpty else { return nil }
        // Per intent, its two examples most like the question: an intent is as alike as the mean of the two, so
        // one stray example that happens to share a rare word does not decide alone. (Neither depends on the order
        // the examples are visited in: the first is the most alike, the lowest index on a tie; the second is the
        // next value down, which may equal the first.)
        var top = [(first: (index: Int, similarity: Double), second: Double)?](repeating: nil, count: intents.count)
        let length = squares.squareRoot()
        for e in touched {
            let index = Int(e)
            let entry = entries[index]
            if let leavingOut, entry.origin == leavingOut { continue }
            let similarity = dots[index] / (length * max(entry.norm, 1e-9))
            let intent = intentOfEntry[index]
            guard var t = top[intent] else {
                top[intent] = ((index, similarity), 0)
                continue
            }
            if similarity > t.first.similarity || (similarity == t.first.similarity && index < t.first.index) {
                t.second = t.first.similarity
                t.first = (index, similarity)
            } else if similarity > t.second {
                t.second = similarity
            }
            top[intent] = t
        }
        var best: (intent: Int, index: Int, similarity: Double)? = nil
        for (intent, t) in top.enumerated() {
            guard let t else { continue }
            let similarity = (t.first.similarity + t.second) / 2
            if let b = best,
                similarity < b.similarity || (similarity == b.similarity && intents[intent] > intents[b.intent])
            {
                continue
            }
            best = (intent, t.first.index, similarity)
        }
        guard let best else { return nil }
        let entry = entries[best.index]
        return Match(intent: intents[best.intent], similarity: best.similarity, origin: entry.origin, text: entry.text)
    }

    /// The weight given to a word no example holds (as rare as a word held by one example of about 700).
    static let unknownTermWeight = 6.0

    /// A question's terms: its words, a plural `s` dropped, each entity's words as one `@slot` term.
    static func terms(of a: Analysis) -> [String] {
        var slotAt: [Int: String] = [:]
        for entity in a.entities {
            for k in entity.tokens { slotAt[k] = k == entity.tokens.lowerBound ? "@" + entity.slot : "" }
        }
        var out: [String] = []
        out.reserveCapacity(a.words.count)
        for (k, word) in a.words.enumerated() {
            if let slot = slotAt[k] {
                if !slot.isEmpty { out.append(slot) }
            } else if !word.isEmpty {
                out.append(stem(word))
            }
        }
        return out
    }

    /// Drops a plural `s` ("jobs" → "job", "certifications" → "certification"), not from "ss" or short words.
    static func stem(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count > 3, bytes.last == UInt8(ascii: "s") else { return word }
        let before = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return word }
        return String(word.dropLast())
    }
}
