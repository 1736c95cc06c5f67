/// The rest of a long message: the asker's situation, told around the question (`MessageParts`).
extension Advisor {
    /// Fills the slots the question left open from the rest of its message (`background_slots` in Intents/context.yaml;
    /// not for the intents of `background_not_for`, such as greetings): "I have my CPC and 3 years in. I live in Ohio.
    /// What could I make?" asks pay for a CPC with 3 years in Ohio. One value a slot, the last one told, or every value
    /// told when the question compares or points back to several (`plural_references`: "which of those pays best?");
    /// none where the question named a value of the slot's group (a place of its own, years or a level). Returns what
    /// it filled, for the trace.
    func addBackground(_ background: Analysis, of question: Analysis, to slots: inout Slots, intent: String) -> [String]
    {
        let context = model.context
        guard !context.backgroundNotFor.contains(intent) else { return [] }
        // "which of those 3 pays best?", "how do they compare": every value told, not the last.
        let plural = context.pluralReferences.occurs(in: question.phraseIDs)
        var filled: [String] = []
        for name in context.backgroundSlots where slots[name].isEmpty {
            let group = Self.exclusiveGroups.first { $0.contains(name) } ?? [name]
            guard !group.contains(where: { !slots[$0].isEmpty }) else { continue }
            var values: [SlotValue] = []
            for e in background.entities where e.slot == name {
                if plural {
                    if !values.contains(e.value) { values.append(e.value) }
                } else {
                    values = [e.value]
                }
            }
            guard !values.isEmpty else { continue }
            slots[name] = values
            filled.append("\(name) = " + values.map(\.description).joined(separator: ", "))
        }
        return filled
    }

    /// The whole of a long message, read, when its question says too little alone: no rule reads the question and it is
    /// short or leans on the story ("what will they ask?" after "I have my first coding interview Tuesday"); or only a
    /// weak rule does, and the whole message reads far more surely ("how do people break in??" after "every posting
    /// wants 2 years") or, leant on, as out of scope; or the whole reads out of scope more surely than
    /// `story_out_of_scope` and than the question reads ("I'm getting into Google ads. What's a good CPC to aim for?").
    /// Nil when the question stands on its own.
    func wholeMessage(_ message: String, over question: Analysis, _ conversation: Conversation) -> Analysis? {
        let s = model.settings
        let top = question.ranking.first
        let score = top?.score ?? 0
        // A strong rule reads the question alone, in scope or out ("what are the prerequisites for pharmacy school?"),
        // unless the story shows its words mean another trade's ("I'm getting into Google ads. What's a good CPC?").
        let strong = score >= s.clearIntent
        if strong, top?.intent == "out_of_scope" { return nil }
        let leans = model.context.storyReferences.occurs(in: question.phraseIDs)
        let says = score >= s.outOfScopeBelow && top?.intent != "out_of_scope"
        let whole = matcher.analyze(matcher.read(message), conversation: conversation)
        if !strong, !says, leans || question.words.count <= s.shortQuestionWords * 2 { return whole }
        guard let best = whole.ranking.first else { return nil }
        // The story says the message is about something else ("got a $2,400 ER bill coded level 5 ... can you recode
        // it"), or reads far more surely than a question a weak rule reads.
        if best.intent == "out_of_scope" {
            return (leans && !strong || best.score >= s.storyOutOfScope) && best.score > score ? whole : nil
        }
        return !strong && best.score >= s.clearIntent && score < s.clearIntent / 2 ? whole : nil
    }

}
