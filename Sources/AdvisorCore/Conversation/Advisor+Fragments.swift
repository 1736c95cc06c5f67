/// Fragments: questions that only name values ("remote?", "texas 48k?", "what about Sacramento"), which go on with the
/// question before them.
extension Advisor {
    /// Whether a question only names values, one per slot, with at most a few linking words (`fragment_words` in
    /// Intents/context.yaml): "remote?", "what about remote", "in Ohio with a CCA".
    /// A statistic or an amount counts as a value only with `payValuesToo`.
    func namesOnlyValues(_ a: Analysis, payValuesToo: Bool = false) -> Bool {
        // A statistic ("hourly?", "median?"), an amount or a value named with a word of pay ("starting pay") asks for
        // pay, whatever the topic was.
        guard !a.entities.isEmpty,
            payValuesToo
                || (!a.entities.contains(where: { $0.slot == "statistic" || $0.slot == "amount" })
                    && !(payFeature.map { a.features.contains($0) } ?? false))
        else { return false }
        for (n, e) in a.entities.enumerated() where a.entities[..<n].contains(where: { $0.slot == e.slot }) {
            return false
        }
        // Entities are few and in order: a word is covered when one of them spans it, or a value taken back did
        // ("no wait, ccs not cpc"), or it is a bare number, which fills the number slot in focus ("whats the average
        // with 2").
        return a.words.indices.allSatisfy { k in
            a.entities.contains { $0.tokens.contains(k) } || model.context.fragmentWords.contains(a.words[k])
                || a.takenBack.contains { $0.contains(k) }
                || (!a.bareNumbers.isEmpty && model.numbers.value(of: a.words[k]) != nil)
        }
    }

    /// Whether a question names only values with a sum ("texas 48k?") or only statistics ("and the median?"): it asks
    /// for pay, and goes on with the question before it as any fragment does.
    func namesOnlyPayValues(_ a: Analysis) -> Bool {
        (a.entities.contains { $0.slot == "amount" } || a.entities.allSatisfy { $0.slot == "statistic" })
            && namesOnlyValues(a, payValuesToo: true)
    }

    /// The topic a comparison narrows to when a question names one value of the slot compared, and nothing else
    /// ("what about Sacramento" after San Jose vs San Francisco: Sacramento's pay; `compared_value_narrows`). A
    /// value of another slot ("and in Texas?" after CPC vs CCS) keeps the comparison.
    /// So does another place in place of the places compared ("what about California as a whole" after San Francisco
    /// vs San Jose, "what about just NJ" after Trenton vs San Francisco).
    func narrowedComparison(_ a: Analysis, _ conversation: Conversation) -> String? {
        guard let last = conversation.lastIntent, let narrowed = model.context.comparedValueNarrows[last],
            a.entities.count == 1
        else { return nil }
        let named = a.entities[0]
        if conversation.focus[named.slot].count > 1 { return narrowed }
        // A place in place of the places compared ("what about just NJ as a whole" after Trenton vs San Francisco):
        // places exclude each other, so the one named is asked about alone.
        guard let group = Self.exclusiveGroups.first(where: { $0.contains(named.slot) }) else { return nil }
        let replacesCompared = group.contains { $0 != named.slot && conversation.focus[$0].count > 1 }
        return replacesCompared ? narrowed : nil
    }

    /// Whether the whole message only asks to go on with the previous answer ("why?", "tell me more"; `go_on` in
    /// Intents/context.yaml).
    func asksToGoOn(_ a: Analysis) -> Bool {
        guard (1...6).contains(a.words.count), a.entities.isEmpty else { return false }
        return model.context.goOn.contains(a.words.count == 1 ? a.words[0] : a.words.joined(separator: " "))
    }

    /// Whether a fragment asks for a pay figure: it names only values with a sum or a statistic, or only statistics and
    /// a bare number for the number slot in focus ("whats the average with 3 or more" after more credentials), or,
    /// after pay talk that gives no figure (`payTalkIntents`), a bare number alone in a few words ("does having more
    /// certs = more money", then "like w/ 3+").
    func asksPayFigure(_ a: Analysis, _ numericFocus: Bool, after last: String) -> Bool {
        guard numericFocus, !a.bareNumbers.isEmpty else { return namesOnlyPayValues(a) }
        if a.entities.isEmpty {
            return Self.payTalkIntents.contains(last) && a.words.count < model.settings.shortQuestionWords
        }
        return namesOnlyPayValues(a) || a.entities.allSatisfy { $0.slot == "statistic" }
    }

    /// The number slot a question talks about without a value ("does having more certs pay off";
    /// `counted_topics`), when it names no number itself. (A loop, not a lazy map: its escaping closure would copy the
    /// whole advisor per answer.)
    func countedTopic(_ ids: [Int32], _ slots: Slots) -> String? {
        guard Conversation.numberSlots.allSatisfy({ slots[$0].isEmpty }) else { return nil }
        for id in ids {
            for topic in model.context.countedTopics where topic.words.contains(id: id) { return topic.slot }
        }
        return nil
    }

    /// Whether a question uses a pay word (`$pay`).
    func asksPay(_ a: Analysis) -> Bool {
        payFeature.map { a.features.contains($0) } ?? false
    }
}
