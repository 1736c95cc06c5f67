import FoundationEssentials

extension Advisor {
    /// The composers of each kind of answer.
    final class Composers: Sendable {
        let salary: SalaryComposer
        let credentials: CredentialComposer
        let topics: TopicComposer
        /// Each source's short and full citation, by source id, worked out once.
        let citations: [String: (short: String, full: String)]

        init(_ kb: KnowledgeBase, model: IntentModel, facets: [String: WordTrie]) {
            let rank = FigureRanking(kb: kb)
            salary = SalaryComposer(kb: kb, rank: rank, names: model.slotValueNames)
            citations = kb.sources.mapValues { (rank.shortName($0), $0.full) }
            credentials = CredentialComposer(kb: kb)
            topics = TopicComposer(kb: kb, facets: facets)
        }
    }
}
