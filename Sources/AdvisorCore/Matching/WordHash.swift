/// The hash of the project's open-addressing word tables (`WordSet`, `Lexicon`): FNV-1a over a word's
/// UTF-8 bytes, with the high bits folded into the low ones the tables index with. Cheaper for short
/// words than the standard library's seeded hashing of a `String`.
enum WordHash {
    @inline(__always)
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
