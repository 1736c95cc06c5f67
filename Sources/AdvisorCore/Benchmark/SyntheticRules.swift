/// Generated rule files for the scaling benchmark: rules that share the real features (`$pay`,
/// `@credential`, common words), so the posting lists the matcher walks really grow, each paired
/// with made-up words so they never win a real question.
public enum SyntheticRules {
    /// `count` rules in files of 100, intents `synthetic_0`, `synthetic_1`, ...
    /// - Parameter features: real rule terms to mix in (`$pay`, `@state`, `salary`).
    public static func files(count: Int, features: [String], seed: UInt64 = 42) -> [DataFile] {
        var random = SplitMix64(seed: seed)
        var files: [DataFile] = []
        var made = 0
        var fileIndex = 0
        while made < count {
            var text = "intent: synthetic_\(fileIndex)\nrules:\n"
            for _ in 0..<min(100, count - made) {
                let real = features.isEmpty ? word(&random) : features[Int(random.next() % UInt64(features.count))]
                let a = word(&random)
                let b = word(&random)
                let score = 1.0 + Double(random.next() % 300) / 100
                text += "  - {all: [[\"\(real)\"], [\(a), \(b)]], score: \(score)}\n"
                made += 1
            }
            files.append(DataFile(path: "Intents/rules/zz_synthetic_\(fileIndex).yaml", text: text))
            fileIndex += 1
        }
        return files
    }

    /// A made-up word of 3 syllables, such as "koravu".
    static func word(_ random: inout SplitMix64) -> String {
        let consonants = Array("bdfgklmnprstvz")
        let vowels = Array("aeiou")
        var out = "q"
        for _ in 0..<3 {
            out.append(consonants[Int(random.next() % UInt64(consonants.count))])
            out.append(vowels[Int(random.next() % UInt64(vowels.count))])
        }
        return out
    }
}

/// A small, fast, seeded random number generator (the output is the same on every machine).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
