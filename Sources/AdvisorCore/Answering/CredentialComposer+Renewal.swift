/// "How many CEUs with 3 AAPC credentials?": the total an issuer asks for the number of its credentials held.
extension CredentialComposer {
    /// The line giving the CEUs due for `count` credentials of one issuer: the issuer of the credentials named, or
    /// the one the words name ("aapc"); nil when neither or no table is published for it.
    func renewalTotal(_ codes: [String], count: Int, words: [String]) -> Composition? {
        let issuers = Set(codes.compactMap { kb.credentials[$0]?.issuer })
        let issuer: String?
        if issuers.count == 1 {
            issuer = issuers.first
        } else if issuers.isEmpty {
            issuer = words.lazy.map { $0.uppercased() }.first { kb.renewal[$0] != nil }
        } else {
            issuer = nil
        }
        guard let issuer, let table = kb.renewal[issuer], let ceus = table.ceus(holding: count),
            let source = kb.sources[table.source]
        else { return nil }
        var c = Composition()
        c.templates.append("cert.renewal_total")
        c.query = "renewal \(issuer) holding \(count)"
        c.lines.append(
            fill(
                kb.template("cert.renewal_total"),
                [
                    "count": String(count), "issuer": issuer, "ceus": String(ceus), "period": table.period,
                    "credentials": count == 1 ? "credential" : "credentials",
                    "source": kb.shortNames[source.id] ?? FigureRanking.shortName(source),
                ]
            )
        )
        c.cite(table.source)
        c.records.append("renewal \(issuer) (Knowledge/renewal.yaml)")
        return c
    }
}
