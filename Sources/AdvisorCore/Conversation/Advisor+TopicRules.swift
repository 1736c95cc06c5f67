/// Which slots carry, compare and stand alone, and which intents share a topic.
extension Advisor {
    /// Intents whose answers are pay figures.
    static let payFigureIntents: Set<String> = ["salary", "salary_compare"]

    /// Intents about pay that give no figure: a bare count after them asks for one (`asksPayFigure`).
    static let payTalkIntents: Set<String> = ["salary_factors"]

    /// Intents a question of a few words that names nothing asks about the things in focus.
    static let bareFollowUpIntents: Set<String> = [
        "salary", "salary_compare", "cert_exam", "job_outlook", "cert_recommend",
    ]

    /// The slots that name a place: the only ones an out-of-scope question leaves in focus.
    static let placeSlots: Set<String> = ["state", "metro", "country", "region"]

    /// Slots whose several values make no comparison of pay: statistics asked together, sums quoted.
    static let notCompared: Set<String> = ["statistic", "amount"]

    /// Whether several values of `slot` make a comparison of pay. Credentials named beside a number of credentials
    /// are the ones held ("I have the CPC and CRC. what's the avg for people with 2 credentials?"): the pay asked
    /// about is the number's.
    static func compares(_ slot: String, in slots: Slots) -> Bool {
        guard slots[slot].count > 1, !notCompared.contains(slot) else { return false }
        return !(slot == "credential" && slots["credential_count"].count == 1)
    }

    /// Intents whose questions stand alone: a new one does not inherit the previous one's slots.
    static let standalone: Set<String> = ["salary", "salary_compare", "cert_info", "cert_exam", "cert_compare"]

    /// Intents that share a topic never need a clarifying question between them.
    static func related(_ a: String, _ b: String) -> Bool {
        intentFamilies.contains { $0.contains(a) && $0.contains(b) }
    }

    static let intentFamilies: [Set<String>] = [
        ["salary", "salary_compare", "salary_factors", "salary_tips", "benefits"],
        ["cert_info", "cert_exam", "cert_compare", "cert_recommend"],
        ["greeting", "help", "thanks", "goodbye"],
    ]
}
