/// The knowledge base: sources, pay figures, credentials, experience levels and topic sections.
public struct KnowledgeBase: Sendable {
    public internal(set) var sources: [String: Source] = [:]
    public internal(set) var figures: [SalaryFigure] = []
    public internal(set) var credentials: [String: Credential] = [:]
    public internal(set) var credentialOrder: [String] = []
    public internal(set) var experience: [ExperienceLevel] = []
    public internal(set) var sections: [TopicSection] = []
    /// Answer templates by name, from `Intents/templates.yaml`.
    public internal(set) var templates: [String: String] = [:]
    /// The state each metro area lies in (`Knowledge/metros.yaml`).
    public internal(set) var metroStates: [String: String] = [:]
    /// Figures indexed by their dimension signature ("credential=CPC|state=TX").
    var figureIndex: [String: [Int]] = [:]
    /// Figures indexed by each single dimension value ("credential=CPC").
    var dimensionIndex: [String: [Int]] = [:]
    var sectionsByIntent: [String: [Int]] = [:]
    /// Weight of each facet of each section: rarer words within the intent weigh more.
    var facetWeights: [[Double]] = []

    /// Every word a topic facet uses (part of the spelling vocabulary).
    var facetWords: Set<String> {
        var out = Set<String>()
        for s in sections { for f in s.facets { out.formUnion(f) } }
        return out
    }

    /// The experience level for a number of years.
    public func level(forYears years: Int) -> ExperienceLevel? {
        experience.first { $0.years.contains(years) } ?? experience.last.flatMap { years > $0.years.upperBound ? $0 : nil }
    }

    static func signature(_ dims: [String: String]) -> String {
        dims.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
    }

    /// Figures whose dimensions are exactly these.
    public func figures(exactly dims: [String: String]) -> [SalaryFigure] {
        (figureIndex[Self.signature(dims)] ?? []).map { figures[$0] }
    }

    /// Figures that include this dimension value among others.
    public func figures(with slot: String, _ value: String) -> [SalaryFigure] {
        (dimensionIndex["\(slot)=\(value)"] ?? []).map { figures[$0] }
    }

    public func template(_ name: String) -> String { templates[name] ?? "{\(name)}" }

    mutating func index() {
        figureIndex = [:]
        dimensionIndex = [:]
        for (i, f) in figures.enumerated() {
            figureIndex[Self.signature(f.dimensions), default: []].append(i)
            for (k, v) in f.dimensions { dimensionIndex["\(k)=\(v)", default: []].append(i) }
        }
        sectionsByIntent = [:]
        for (i, s) in sections.enumerated() { sectionsByIntent[s.intent, default: []].append(i) }
        facetWeights = sections.map { _ in [] }
        for indices in sectionsByIntent.values {
            var frequency: [String: Int] = [:]
            for i in indices { for w in Set(sections[i].facets.joined()) { frequency[w, default: 0] += 1 } }
            let n = Double(indices.count)
            // The first section is the intent's overview: its facets are general and weigh little.
            for (position, i) in indices.enumerated() {
                facetWeights[i] = sections[i].facets.map { facet in
                    position == 0
                        ? 0.5 * Double(facet.count) : facet.reduce(0) { $0 + log(1 + n / Double(frequency[$1] ?? 1)) }
                }
            }
        }
    }
}

import Foundation
