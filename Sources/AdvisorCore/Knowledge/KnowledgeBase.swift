import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// The knowledge base: sources, pay figures, credentials, experience levels and topic sections.
public struct KnowledgeBase: Sendable {
    public internal(set) var sources: [String: Source] = [:]
    public internal(set) var figures: [SalaryFigure] = []
    public internal(set) var credentials: [String: Credential] = [:]
    public internal(set) var credentialOrder: [String] = []
    /// CEUs per renewal by the number of an issuer's credentials held, by issuer (`Knowledge/renewal.yaml`).
    public internal(set) var renewal: [String: RenewalTable] = [:]
    public internal(set) var experience: [ExperienceLevel] = []
    public internal(set) var sections: [TopicSection] = []
    /// Answer templates by name, from `Intents/templates.yaml`.
    public internal(set) var templates: [String: String] = [:]
    /// The state each metro area lies in (`Knowledge/metros.yaml`).
    public internal(set) var metroStates: [String: String] = [:]
    /// Regions of the United States by their `region` value (`Knowledge/regions.yaml`).
    public internal(set) var regions: [String: Region] = [:]
    /// The words of each credential's focus (hyphenated words also split), and in how many credentials
    /// each word occurs: for "which certification covers PCS?".
    public internal(set) var focusTokens: [String: Set<String>] = [:]
    public internal(set) var focusFrequency: [String: Int] = [:]
    /// Short citation of each source, worked out once.
    public internal(set) var shortNames: [String: String] = [:]
    /// Figures indexed by their dimension signature ("credential=CPC|state=TX"). Every list of every
    /// index is kept in `FigureRanking` order, so ranking a looked-up list costs one pass.
    var figureIndex: [String: [SalaryFigure]] = [:]
    /// Figures indexed by each single dimension value ("credential=CPC").
    var dimensionIndex: [String: [SalaryFigure]] = [:]
    /// Figures with a single dimension, by slot.
    var singleSlotIndex: [String: [SalaryFigure]] = [:]
    /// The values of each slot that some annual figure names, in the order the files give them: what a ranking
    /// compares when no figure describes the slot alone (settings appear only beside a level of experience).
    var annualValues: [String: [String]] = [:]
    /// "Which state pays most?", answered once at load for every slot: see `SlotRanking`.
    var slotRankings: [String: SlotRanking] = [:]
    var sectionsByIntent: [String: [Int]] = [:]
    /// Weight of each facet of each section: rarer words within the intent weigh more.
    var facetWeights: [[Double]] = []
    /// Every facet of an intent's sections in one trie, so a question is read once per intent;
    /// a payload's number is `section * facetStride + facet`. The advisor compiles these over the
    /// matcher's word ids at load (`TopicComposer.compile`) and keeps only that form.
    var facetTries: [String: PhraseTrie] = [:]
    static let facetStride = 4096

    /// Every word a topic facet uses (part of the spelling vocabulary).
    var facetWords: Set<String> {
        var out = Set<String>()
        for s in sections { for f in s.facets { out.formUnion(f) } }
        return out
    }

    /// The experience level for a number of years.
    public func level(forYears years: Int) -> ExperienceLevel? {
        experience.first { $0.years.contains(years) }
            ?? experience.last.flatMap { years > $0.years.upperBound ? $0 : nil }
    }

    /// The first plausible four-digit year in the texts.
    static func firstYear(_ texts: [String?]) -> Int {
        for text in texts {
            guard let text else { continue }
            var digits = 0
            var count = 0
            for byte in text.utf8 {
                if byte >= 48 && byte <= 57 {
                    digits = digits * 10 + Int(byte - 48)
                    count += 1
                    if count == 4, digits > 1990, digits < 2100 { return digits }
                } else {
                    digits = 0
                    count = 0
                }
            }
        }
        return 0
    }

    static func signature(_ dims: [String: String]) -> String {
        dims.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    /// Figures whose dimensions are exactly these.
    public func figures(exactly dims: [String: String]) -> [SalaryFigure] {
        figureIndex[Self.signature(dims)] ?? []
    }

    /// Figures that include this dimension value among others.
    public func figures(with slot: String, _ value: String) -> [SalaryFigure] {
        dimensionIndex["\(slot)=\(value)"] ?? []
    }

    public func template(_ name: String) -> String { templates[name] ?? "{\(name)}" }

    /// Figures for a group one dimension narrower than `dims` (CPMA holders who work as auditors).
    public func figures(narrowerThan dims: [String: String]) -> [SalaryFigure] {
        guard
            let (slot, value) = dims.min(by: {
                (dimensionIndex["\($0.key)=\($0.value)"]?.count ?? 0)
                    < (dimensionIndex["\($1.key)=\($1.value)"]?.count ?? 0)
            })
        else {
            return []
        }
        return figures(with: slot, value).filter { f in
            f.dimensions.count == dims.count + 1 && dims.allSatisfy { f.dimensions[$0.key] == $0.value }
        }
    }

    /// Figures described by this one slot alone (every state's own figures, say).
    public func figures(bySlotAlone slot: String) -> [SalaryFigure] {
        singleSlotIndex[slot] ?? []
    }

    mutating func index() {
        figureIndex = [:]
        dimensionIndex = [:]
        singleSlotIndex = [:]
        let ranked = figures.sorted(by: FigureRanking.precedes)
        for f in ranked where f.dimensions.count == 1 {
            if let slot = f.dimensions.keys.first { singleSlotIndex[slot, default: []].append(f) }
        }
        for f in ranked {
            figureIndex[Self.signature(f.dimensions), default: []].append(f)
            for (k, v) in f.dimensions { dimensionIndex["\(k)=\(v)", default: []].append(f) }
        }
        shortNames = sources.mapValues { FigureRanking.shortName($0) }
        annualValues = [:]
        for f in figures where f.isAnnualUSD {
            for (k, v) in f.dimensions where !(annualValues[k]?.contains(v) ?? false) {
                annualValues[k, default: []].append(v)
            }
        }
        slotRankings = [:]
        for (slot, figures) in singleSlotIndex {
            slotRankings[slot] = SlotRanking(slot: slot, figures: figures, sources: sources)
        }
        focusTokens = [:]
        focusFrequency = [:]
        for (code, credential) in credentials {
            let text = credential.items("focus").map(\.text).joined(separator: " ")
            let words = Set(TextNormalizer.phrase(text).flatMap { $0.split(separator: "-").map(String.init) + [$0] })
            focusTokens[code] = words
            for w in words { focusFrequency[w, default: 0] += 1 }
        }
        sectionsByIntent = [:]
        for (i, s) in sections.enumerated() { sectionsByIntent[s.intent, default: []].append(i) }
        facetWeights = sections.map { _ in [] }
        for indices in sectionsByIntent.values {
            var frequency: [String: Int] = [:]
            for i in indices { for w in Set(sections[i].facets.joined()) { frequency[w, default: 0] += 1 } }
            let n = Double(indices.count)
            // The first section is the intent's overview: its facets are general and weigh little, however many
            // words they have ("should i get" no more than "which").
            for (position, i) in indices.enumerated() {
                facetWeights[i] = sections[i].facets.map { facet in
                    position == 0 ? 0.5 : facet.reduce(0) { $0 + log(1 + n / Double(frequency[$1] ?? 1)) }
                }
            }
        }
        facetTries = [:]
        for (i, s) in sections.enumerated() {
            for (k, facet) in s.facets.enumerated() where !facet.isEmpty && k < Self.facetStride {
                facetTries[s.intent, default: PhraseTrie()].insert(facet, .concept(i * Self.facetStride + k))
            }
        }
    }
}
