/// A large, fixed set of words (the English word list) kept as one byte buffer with an
/// open-addressing index of `WordHash` hashes: built in one pass at start-up, with no string per word.
struct WordSet: Sendable {
    private let bytes: [UInt8]
    /// Start and end offsets into `bytes` of each word.
    private let spans: [(start: Int32, end: Int32)]
    /// Word index + 1 per slot; 0 marks an empty slot.
    private let table: [Int32]

    /// The words of `text`, one per line (a trailing CR is dropped, empty lines are skipped).
    init(lines text: String) {
        let bytes = Array(text.utf8)
        var spans: [(start: Int32, end: Int32)] = []
        spans.reserveCapacity(bytes.count / 8)
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\n") {
            var end = i
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            if end > start { spans.append((Int32(start), Int32(end))) }
            start = i + 1
        }
        var size = 16
        while size < spans.count * 2 { size <<= 1 }
        var table = [Int32](repeating: 0, count: size)
        for (k, span) in spans.enumerated() {
            var slot = Int(WordHash.of(bytes[Int(span.start)..<Int(span.end)]) & UInt64(size - 1))
            while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(k + 1)
        }
        self.bytes = bytes
        self.spans = spans
        self.table = table
    }

    init() {
        bytes = []
        spans = []
        table = [0]
    }

    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0) }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let mask = table.count - 1
        var slot = Int(WordHash.of(word) & UInt64(mask))
        while table[slot] != 0 {
            let span = spans[Int(table[slot]) - 1]
            if span.end - span.start == word.count, bytes[Int(span.start)..<Int(span.end)].elementsEqual(word) {
                return true
            }
            slot = (slot + 1) & mask
        }
        return false
    }
}
