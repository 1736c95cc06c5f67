/// Slot resolution: what the user named, plus what a follow-up carries over from the conversation.
extension Advisor {
    static let exclusiveGroups: [Set<String>] = [placeSlots, ["experience_years", "experience_level"]]
    static let compareIntents: Set<String> = ["salary_compare", "cert_compare"]
    /// Intents about credentials where "both" or "the two" means the two credentials discussed last.
    static let pairIntents: Set<String> = ["cert_recommend", "cert_exam", "cert_info"]

    func resolveSlots(_ a: Analysis, conversation: Conversation, followUp: Bool, intent: String) -> Slots {
        var slots = Slots()
        for e in a.entities { slots.append(e.slot, e.value) }
        let focus = conversation.focus
        // "2 certifications ... more than those with 1": a bare number joins the numeric slot named.
        let numeric = Conversation.numberSlots.filter { !slots[$0].isEmpty }
        if numeric.count == 1, !a.bareNumbers.isEmpty, matcher.hasComparisonWord(a) {
            for n in a.bareNumbers { slots.append(numeric[0], .number(n)) }
        }
        if followUp {
            // "add CIC to that": named values join the list in focus instead of replacing it.
            if a.tokens.contains(where: { model.context.additive.contains($0.text) }) {
                for name in slots.names where !focus[name].isEmpty && name != "statistic" {
                    var list = focus[name]
                    for v in slots[name] where !list.contains(v) { list.append(v) }
                    slots[name] = list
                }
            }
            let ranked = rankedSlot(a)
            // "and nationally?" after California's median asks the nation's, not California's again.
            let asksNational =
                model.context.nationalWords.occurs(in: a.phraseIDs)
                && !model.context.nationalCompares.occurs(in: a.phraseIDs)
            // A topic named alone ("pay", "exam fee?") after a comparison goes on with what was compared.
            let topicAlone = a.words.count <= 2 && a.entities.isEmpty
            // A comparison that names nothing compares what is in focus ("which exam is harder" after the CIC and the
            // CCS), unless it ranks ("which state pays the most").
            let comparesFocus =
                Self.compareIntents.contains(intent) && a.entities.isEmpty
                && !model.context.superlatives.occurs(in: a.phraseIDs)
            for name in focus.names where slots[name].isEmpty {
                // Lists carry only into an explicit follow-up ("which pays more?"), a topic named alone or a
                // comparison, not a new question, and never into a ranking of that slot ("and which state pays the
                // least" after DC vs Maryland ranks every state).
                if focus[name].count > 1, !(a.isFollowUp || topicAlone || comparesFocus) || name == ranked { continue }
                // Nor does a single value: "what's the highest paying state then" after Texas ranks every state.
                if name == ranked, model.context.superlatives.occurs(in: a.phraseIDs) { continue }
                // Naming a new place (or experience) replaces the old one of any kind.
                if let group = Self.exclusiveGroups.first(where: { $0.contains(name) }),
                    group.contains(where: { !slots[$0].isEmpty })
                {
                    // A metro inside the state in focus narrows it: "in Phoenix specifically?" after Arizona.
                    let metroInState =
                        name == "state" && slots["metro"].count == 1 && slots["state"].isEmpty
                        && slots.text("metro").flatMap { knowledge.metroStates[$0] } == focus.text("state")
                    if !(name == "country" && slots["metro"].isEmpty == false) && !metroInState { continue }
                }
                if name == "amount" { continue }
                if asksNational, Self.placeSlots.contains(name) { continue }
                if name == "statistic", !intent.hasPrefix("salary") { continue }
                slots[name] = focus[name]
            }
            // "what about the whole state" after New York City: the state the metro in focus lies in.
            if slots["state"].isEmpty, slots["metro"].count == 1,
                let state = slots.text("metro").flatMap({ knowledge.metroStates[$0] }),
                model.context.wholeState.occurs(in: a.phraseIDs)
            {
                slots["metro"] = []
                slots["state"] = [.text(state)]
            }
            // A bare number fills the number slot in focus ("and with 3?"); bare numbers compared fill it as a list
            // ("so 3 vs 1, how big is the gap").
            if let n = a.bareNumbers.last, let name = conversation.numberInFocus,
                slots["credential_count"] == focus["credential_count"],
                slots["experience_years"] == focus["experience_years"]
            {
                // One number compared with the one in focus ("vs just 1?" after 3 credentials) makes a pair
                // (`compare_with_focus`; "3 or more" is one count).
                if a.bareNumbers.count > 1, matcher.hasComparisonWord(a) {
                    Self.fillNumber(name, a.bareNumbers.map { .number($0) }, &slots)
                } else if model.context.compareWithFocus.occurs(in: a.phraseIDs),
                    !model.context.pairReferences.occurs(in: a.phraseIDs),
                    focus[name].count == 1, focus[name] != [.number(n)]
                {
                    Self.fillNumber(name, focus[name] + [.number(n)], &slots)
                } else {
                    Self.fillNumber(name, [.number(n)], &slots)
                }
            }
        } else if a.bareNumbers.count == 1, let n = a.bareNumbers.first, let name = conversation.numberInFocus,
            Conversation.numberSlots.allSatisfy({ slots[$0].isEmpty }),
            model.context.numberHolders.occurs(in: a.phraseIDs)
        {
            // "how many ceus would i need with 3" after pay with 2 credentials: the count in focus, on a new topic.
            Self.fillNumber(name, [.number(n)], &slots)
        }
        // "the first one", "the latter": pick from a list in focus (and compare it with nothing).
        var picked = false
        if let ordinal = a.ordinal {
            for (name, list) in conversation.lists.sorted(by: { $0.key < $1.key })
            where a.entities.allSatisfy({ $0.slot != name }) {
                slots[name] = [list[min(ordinal, list.count - 1)]]
                picked = true
                break
            }
        }
        // "what equipment do employers expect me to have" after remote pay: remote work keeps the setting in focus.
        if let kept = model.context.keptByTopic[intent], slots[kept].isEmpty, !focus[kept].isEmpty {
            slots[kept] = focus[kept]
        }
        // "what would I make there" after a question about something else: the place discussed last; "around here"
        // and "in my area" point to it in a new question too.
        if !Self.placeSlots.contains(where: { !slots[$0].isEmpty }),
            (followUp || a.isFollowUp) && model.context.placeReferences.occurs(in: a.phraseIDs)
                || model.context.localReferences.occurs(in: a.phraseIDs),
            let name = conversation.changeOrder.last(where: { Self.placeSlots.contains($0) }),
            let place = conversation.recent[name]?.last
        {
            slots[name] = [place]
        }
        // "and the other one?" after the CIC and then the CCS... named again: the value before the one in focus.
        if followUp, model.context.otherReferences.occurs(in: a.phraseIDs) {
            for name in conversation.changeOrder.reversed() where slots[name] == focus[name] && focus[name].count == 1 {
                guard let recent = conversation.recent[name], recent.count >= 2,
                    let other = recent.last(where: { $0 != focus[name][0] })
                else { continue }
                slots[name] = [other]
                break
            }
        }
        // "which of the two should a beginner take" after the CCA and then the CCS, "how many CEUs holding both", "which
        // one should i take first" (`choice_among`): the two credentials discussed last.
        if Self.pairIntents.contains(intent), slots["credential"].count < 2, a.isFollowUp,
            model.context.pairReferences.occurs(in: a.phraseIDs) || model.context.choiceAmong.occurs(in: a.phraseIDs),
            let recent = conversation.recent["credential"], recent.count >= 2
        {
            let named = slots["credential"]
            slots["credential"] =
                named.count == 1 && !recent.suffix(2).contains(named[0])
                ? [recent[recent.count - 1], named[0]] : Array(recent.suffix(2))
        }
        // "which one's more in demand" after orthopedic and then cardiology coders' pay: the two values of the slot
        // changed last, on a topic that is neither a comparison nor about credentials (those have their own readings).
        if !Self.compareIntents.contains(intent), !Self.pairIntents.contains(intent), a.entities.isEmpty,
            model.context.choiceAmong.occurs(in: a.phraseIDs)
        {
            for name in conversation.changeOrder.reversed() where name != "statistic" {
                guard let recent = conversation.recent[name], recent.count >= 2, slots[name].count <= 1 else {
                    continue
                }
                slots[name] = Array(recent.suffix(2))
                break
            }
        }
        // "what's the pay difference between them" after "cpb or cpc, which should i get" (answered with one of the two,
        // which is then in focus): a comparison of the two the last list held.
        if Self.compareIntents.contains(intent), a.isFollowUp, !slots.names.contains(where: { slots[$0].count > 1 }),
            model.context.pairReferences.occurs(in: a.phraseIDs)
        {
            for (name, list) in conversation.lists.sorted(by: { $0.key < $1.key })
            where slots[name].count < 2 && slots[name].allSatisfy(list.contains) {
                slots[name] = list
                break
            }
        }
        // "is it harder than the CPC?" after the COC: the value in focus, then the one named; "so illinois is
        // better?" after Indiana: the value named before the comparison word first.
        if !picked, Self.compareIntents.contains(intent), let name = a.focusCompared,
            slots[name].count == 1, let held = focus[name].last(where: { $0 != slots[name][0] })
        {
            let compares = model.context.compareWithFocus
            // "and cdeo, hows that different" names the new value after the one in focus (`after_focus`).
            let namedFirst =
                a.entities.first { $0.slot == name }.map { e in
                    let before = a.words[..<e.tokens.lowerBound]
                    return !before.contains { compares.contains($0) || model.context.afterFocus.contains($0) }
                        && a.words[e.tokens.upperBound...].contains { compares.contains($0) }
                } ?? false
            slots[name] = namedFirst ? [slots[name][0], held] : [held, slots[name][0]]
        }
        // "which is higher?" after two answers: compare the slot that changed last ("rank them": every value kept).
        if !picked, Self.compareIntents.contains(intent), !slots.names.contains(where: { slots[$0].count > 1 }) {
            // "which of those pays best" compares every value discussed, and so does a superlative naming none ("ok so
            // which is highest" after three states asked one by one); "those two", "both" the last two.
            let all =
                (matcher.model.context.compareAllRecent.occurs(in: a.phraseIDs)
                    || a.entities.isEmpty && model.context.superlatives.occurs(in: a.phraseIDs))
                && !a.words.contains { $0 == "two" || $0 == "both" }
            for name in conversation.changeOrder.reversed() {
                guard let recent = conversation.recent[name], recent.count >= 2, name != "statistic" else { continue }
                let named = slots[name]
                if all, named.count <= 1 {
                    slots[name] = recent + named.filter { !recent.contains($0) }
                } else if named.count == 1, let last = recent.last(where: { $0 != named[0] }) {
                    slots[name] = [last, named[0]]
                } else if named.isEmpty {
                    // After a comparison of several ("nj vs ny vs pa"), "which has the best 90th percentile" asks
                    // among all of them.
                    slots[name] = focus[name].count > 2 ? focus[name] : Array(recent.suffix(2))
                }
                // The two answers compared shared the rest of their question ("which state pays more?" after a CPC
                // in Ohio and in Michigan compares the CPC's pay): single values in focus carry, except places or
                // experience of another kind than the slot compared.
                if slots[name].count > 1 {
                    let group = Self.exclusiveGroups.first { $0.contains(name) } ?? [name]
                    for other in focus.names
                    where slots[other].isEmpty && focus[other].count == 1 && !group.contains(other)
                        && other != "amount"
                    {
                        slots[other] = focus[other]
                    }
                }
                break
            }
        }
        // "is $23/hr normal in Minnesota?": an hourly wage asks about hourly pay, unless a statistic is named.
        if slots["statistic"].isEmpty, intent == "salary" || intent == "salary_compare",
            let cents = slots.cents("amount"), cents < SalaryComposer.hourlyBelowCents
        {
            slots["statistic"] = [.text("hourly")]
        }
        return slots
    }

    /// Fills the number slot in focus with bare numbers; years replace the experience level named before.
    static func fillNumber(_ name: String, _ values: [SlotValue], _ slots: inout Slots) {
        slots[name] = values
        if name == "experience_years" { slots["experience_level"] = [] }
    }

    /// "I hold both CPC and CIC. What should someone like me be making?": credentials held, with nothing to compare
    /// them by, are a number of credentials, and a pay question about them compares nothing.
    func readHeldCredentials(_ a: Analysis, intent: inout String, slots: inout Slots) {
        guard intent == "salary" || intent == "salary_compare", slots["credential"].count > 1 else { return }
        if slots["credential_count"].isEmpty, !matcher.hasComparisonWord(a),
            model.context.heldWords.occurs(in: a.phraseIDs)
        {
            slots["credential_count"] = [.number(slots["credential"].count)]
        }
        if intent == "salary_compare", !slots.names.contains(where: { Self.compares($0, in: slots) }) {
            intent = "salary"
        }
    }

    /// A single value swapped along `narrows` (Intents/entities/): pay "once the a is gone" after a CPC-A's is the
    /// CPC's (`narrower_left`; "how much more will I make once the A is gone" compares the CPC-A with the CPC), and an
    /// aspect of the narrower value, "how do i get the A off" after the CPC, is about the CPC-A (`narrower_aspects`).
    func applyNarrows(_ a: Analysis, intent: String, _ slots: inout Slots) {
        let pay = Self.payFigureIntents.contains(intent)
        let narrowing = !pay && a.aspect.map { model.context.narrowerAspects.contains($0) } == true
        guard pay || narrowing else { return }
        for name in slots.names where slots[name].count == 1 {
            guard let value = slots[name].first else { continue }
            if narrowing {
                if let narrower = model.narrowerValue[value] { slots[name] = [narrower] }
            } else if let broader = model.broaderValue[value],
                // The phrases are looked for only when a narrower value is there to leave; "how much more once it's
                // gone" compares the two instead.
                model.context.narrowerLeft.occurs(in: a.phraseIDs)
            {
                slots[name] = matcher.hasComparisonWord(a) ? [value, broader] : [broader]
            }
        }
    }
}
