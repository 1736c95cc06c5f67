/// One user's conversation: what was discussed, so follow-ups ("and in Texas?") make sense.
/// A value type: each front door keeps one per user and passes it to `Advisor.answer`.
public struct Conversation: Sendable {
    /// The intent of the previous answer.
    public internal(set) var lastIntent: String?
    /// The slots in focus: carried into follow-ups, replaced only where the user names a new value.
    public internal(set) var focus = Slots()
    /// Recent distinct values of each slot, oldest first (for "which is higher?").
    public internal(set) var recent: [String: [SlotValue]] = [:]
    /// Slots in the order they last changed, most recent last.
    public internal(set) var changeOrder: [String] = []
    /// The aspect of the last answer (exam fee, study time...), carried into follow-ups.
    public internal(set) var aspect: String?
    /// The last answer, for `:why` and `:sources`.
    public internal(set) var lastAnswer: Answer?
    public internal(set) var turns = 0
    /// The last list named for each slot ("cpc or cca"), for "the second one".
    public internal(set) var lists: [String: [SlotValue]] = [:]
    /// The slot the last answer ranked ("which state pays most"): "and the lowest?" ranks it again.
    public internal(set) var rankedSlot: String?
    /// The second of two questions asked in one message, left for later ("crc salary, and is the exam hard?": the pay
    /// is answered, "is the exam hard" waits for "the other thing i asked"), with the turn it was asked on.
    public internal(set) var pendingQuestion: (text: String, turn: Int)?

    public init() {}

    /// The number slot the last question talked about without a value ("does having more certs pay off";
    /// `counted_topics` in Intents/context.yaml).
    public internal(set) var countedSlot: String?

    /// The number slot in focus, credentials before years: the slot a bare number ("and with 3?") fills.
    var numberInFocus: String? {
        Self.numberSlots.first { !focus[$0].isEmpty } ?? countedSlot
    }

    static let numberSlots = ["credential_count", "experience_years"]

    /// Records a turn's slots and intent.
    mutating func remember(intent: String, slots: Slots, aspect: String?, answer: Answer, rankedSlot: String? = nil) {
        self.rankedSlot = rankedSlot
        for name in answer.slots.names where answer.slots[name].count > 1 { lists[name] = answer.slots[name] }
        for name in slots.names {
            let values = slots[name]
            if values != focus[name] {
                changeOrder.removeAll { $0 == name }
                changeOrder.append(name)
            }
            // In place: the list is not copied out of the table and back.
            Self.note(values, in: &recent[name, default: []])
        }
        focus = slots
        // A list stands until the talk moves to a value outside it: "the second one" after "CPC or CCA" and then
        // "what about the CRC?" no longer picks from the CPC and the CCA.
        for (name, list) in lists where !focus[name].allSatisfy(list.contains) { lists[name] = nil }
        lastIntent = intent
        self.aspect = aspect
        lastAnswer = answer
        turns += 1
    }

    /// Moves `values` to the end of a slot's recent list (most recent last) and keeps its last four.
    private static func note(_ values: [SlotValue], in list: inout [SlotValue]) {
        for v in values {
            list.removeAll { $0 == v }
            list.append(v)
        }
        if list.count > 4 { list.removeFirst(list.count - 4) }
    }
}
