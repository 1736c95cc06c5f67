/// A credential picked from those in focus by a published attribute ("the cheaper one", "the harder one").
extension Advisor {
    /// Narrows the credentials in question to the one a pick asks for (`credential_picks`): the one with the highest or
    /// lowest rank of the pick's attribute, among the credentials of the question or else the two discussed last ("ok how
    /// hard is the cheaper one" after the CCA's fee and the CCS's). Left alone when a credential has no ranked statement
    /// or two share the winning rank: nothing is picked on a guess.
    func applyCredentialPick(_ a: Analysis, _ conversation: Conversation, _ slots: inout Slots) {
        guard let pick = model.context.credentialPicks.first(where: { $0.asked(in: a.phraseIDs) }) else { return }
        var values = slots["credential"]
        if values.count < 2, let recent = conversation.recent["credential"], recent.count >= 2,
            values.allSatisfy(recent.suffix(2).contains)
        {
            values = Array(recent.suffix(2))
        }
        guard values.count > 1 else { return }
        var ranked: [(value: SlotValue, rank: Double)] = []
        for value in values {
            guard case .text(let code) = value,
                let statement = knowledge.credentials[code]?.items(pick.attribute).first,
                let rank = pick.rank(of: statement.text)
            else { return }
            ranked.append((value, rank))
        }
        let sorted = ranked.sorted { pick.highest ? $0.rank > $1.rank : $0.rank < $1.rank }
        guard sorted[0].rank != sorted[1].rank else { return }
        slots["credential"] = [sorted[0].value]
    }
}
