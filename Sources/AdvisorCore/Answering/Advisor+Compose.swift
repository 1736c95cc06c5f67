/// Routes an intent and its slots to the composer that writes the answer.
extension Advisor {
    func compose(
        intent: String,
        slots: inout Slots,
        analysis a: Analysis,
        aspects: [String],
        conversation: Conversation,
        followUp: Bool
    ) -> Composition {
        let words = a.words
        let credentials = composers.credentials
        var codes = slots["credential"].compactMap(\.text)
        // "how much is the exam" about risk adjustment: the credential whose published focus is that specialty.
        if codes.isEmpty, intent == "cert_exam" || intent == "cert_info", let specialty = slots.text("specialty"),
            let code = credentials.credential(forSpecialty: displayName("specialty", specialty))
        {
            codes = [code]
            slots["credential"] = [.text(code)]
        }
        switch intent {
        case "salary", "salary_compare":
            let rankSlot = rankedSlot(a) ?? (followUp ? rankedAgain(a, conversation: conversation) : nil)
            // A ranking asked again ("and the lowest?") ranks afresh: the value ranked first before, kept in focus for
            // "how much exactly", is not carried into it.
            if let rankSlot, !a.entities.contains(where: { $0.slot == rankSlot }),
                conversation.rankedSlot == rankSlot
            {
                slots[rankSlot] = []
            }
            var slots = slots
            // Credentials held, beside the number of them asked about, are no part of the pay query.
            if slots["credential"].count > 1, !Self.compares("credential", in: slots) { slots["credential"] = [] }
            // Sums quoted ("45k, what do I do to reach 60k") are judged, not compared.
            if let listSlot = slots.names.first(where: { Self.compares($0, in: slots) }) {
                return payAnswer(slots, listSlot: listSlot, rankSlot: rankSlot)
            }
            if intent == "salary_compare", rankSlot == nil, slots.names.allSatisfy({ $0 == "statistic" }) {
                // "do coders earn more than MAs?": only the coders' side has figures here.
                if let otherJob = otherJobFeature, a.features.contains(otherJob) {
                    var c = payAnswer(slots, listSlot: nil, rankSlot: nil)
                    c.lines.insert(knowledge.template("compare.other_job"), at: 0)
                    c.notes.append("another occupation named: the coders' figures alone")
                    return c
                }
                var c = payAnswer(slots, listSlot: nil, rankSlot: "credential")
                c.notes.append("no values to compare: ranked credentials")
                return c
            }
            if comparesWithNation(a, slots), let against = composers.salary.againstNation(slots) {
                var place = slots
                place["country"] = []
                var c = payAnswer(place, listSlot: nil, rankSlot: nil)
                c.prepend(against)
                return c
            }
            let lowestFirst = lowestFeature.map { a.features.contains($0) } ?? false
            return payAnswer(slots, listSlot: nil, rankSlot: rankSlot, lowestFirst: lowestFirst)
        case "cert_info":
            // "what's the CCA and roughly how many people hold it": what it is, then what was asked of it.
            guard !codes.isEmpty, !aspects.isEmpty else { return credentials.info(codes, words: words) }
            var c = examAnswer(codes, aspects: aspects, words: words)
            c.prepend(credentials.info(codes, words: words))
            return c
        case "cert_exam":
            // CEUs for several credentials held: the issuer's total first ("how many CEUs holding both CPC and CRC").
            if aspects.first == "renewal",
                let count = slots.number("credential_count") ?? (codes.count >= 2 ? codes.count : nil),
                let total = credentials.renewalTotal(codes, count: count, words: words)
            {
                guard !codes.isEmpty else { return total }
                var c = examAnswer(codes, aspects: aspects, words: words)
                c.prepend(total)
                return c
            }
            return examAnswer(codes, aspects: aspects, words: words)
        case "cert_recommend" where codes.count >= 2:
            // Between the credentials named or in focus: the asker's words and the values they carry decide.
            return credentials.recommend(among: codes, needs: needs(words, slots))
        case "cert_compare":
            if codes.count >= 2 {
                var c = composed.composition(for: .credentialComparison(codes: codes, aspects: aspects)) {
                    credentials.compare(codes, aspects: aspects)
                }
                // "CCS vs CPC, which should I pick for inpatient work?": the comparison, then the pick.
                if model.context.choiceWords.occurs(in: a.phraseIDs),
                    let line = credentials.pickLine(among: codes, needs: needs(words, slots))
                {
                    c.lines.append(line)
                    c.templates.append("cert.recommend_pick")
                }
                return c
            }
            return composers.topics.compose(intent: "cert_recommend", ids: a.wordIDs, slots: slots)
        case "job_outlook":
            var c = composers.topics.compose(intent: intent, ids: a.wordIDs, slots: slots)
            addStateEmployment(slots, to: &c)
            return c
        case "out_of_scope":
            var c = composers.topics.compose(intent: intent, ids: a.wordIDs, slots: slots)
            if c.lines.isEmpty { c.lines = [knowledge.template("fallback.out_of_scope")] }
            return c
        default:
            return composers.topics.compose(intent: intent, ids: a.wordIDs, slots: slots)
        }
    }

    /// A pay answer: a comparison over `listSlot`'s values, or one query; from the cache when the same
    /// query was answered before (the key is made from exactly what the composer reads).
    private func payAnswer(
        _ slots: Slots,
        listSlot: String?,
        rankSlot: String?,
        lowestFirst: Bool = false
    ) -> Composition {
        // The closure holds the composer alone: capturing `self` would copy the whole advisor per question.
        let salary = composers.salary
        let key = CompositionCache.Key.pay(
            listSlot: listSlot,
            slots: slots,
            rankSlot: rankSlot,
            lowestFirst: lowestFirst
        )
        return composed.composition(for: key) {
            if let listSlot { return salary.compare(slots, slot: listSlot, rankSlot: rankSlot) }
            return salary.compose(slots, rankSlot: rankSlot, lowestFirst: lowestFirst)
        }
    }

    /// The exam facts of `codes`, the aspects asked about in order; from the cache when asked before.
    private func examAnswer(_ codes: [String], aspects: [String], words: [String]) -> Composition {
        let credentials = composers.credentials
        let issuer = codes.isEmpty ? credentials.issuer(in: words) : nil
        return composed.composition(for: .exam(codes: codes, aspects: aspects, issuer: issuer)) {
            credentials.exam(codes, aspects: aspects, issuer: issuer)
        }
    }

    /// The slot a "which ... pays most" question ranks, from words like "state" or "city".
    func rankedSlot(_ a: Analysis) -> String? {
        rankFeatures.first { a.features.contains($0.feature) }?.slot
    }

    /// A pay question about one place that sets it against the nation ("is arizona above the national median", "ohio
    /// vs the US"; `national_words` and `national_compares` in Intents/context.yaml).
    func comparesWithNation(_ a: Analysis, _ slots: Slots) -> Bool {
        guard slots["state"].count + slots["metro"].count == 1,
            model.context.nationalCompares.occurs(in: a.phraseIDs)
        else { return false }
        return model.context.nationalWords.occurs(in: a.phraseIDs)
            || a.entities.contains { $0.slot == "country" && $0.value == .text("United States") }
    }

    /// A follow-up of a ranking that asks for another end of it without naming the slot ("and the lowest?" after
    /// "what's the highest paying state") ranks the same slot, unless it names a value of that slot.
    func rankedAgain(_ a: Analysis, conversation: Conversation) -> String? {
        guard let slot = conversation.rankedSlot, !a.entities.contains(where: { $0.slot == slot }),
            model.context.superlatives.occurs(in: a.phraseIDs)
        else { return nil }
        return slot
    }

    /// The concepts of "which ... pays most" words, in the order they are tried, with the slot each ranks.
    static let rankConcepts = [
        ("$rank_state", "state"), ("$rank_metro", "metro"), ("$rank_credential", "credential"),
        ("$rank_specialty", "specialty"), ("$rank_setting", "setting"),
    ]

    /// What a recommendation between credentials weighs: the question's words and the names of the setting, level,
    /// role and specialty it carries.
    private func needs(_ words: [String], _ slots: Slots) -> [String] {
        var needs = words
        for name in ["setting", "experience_level", "role", "specialty"] {
            for value in slots[name].compactMap(\.text) { needs.append(displayName(name, value)) }
        }
        return needs
    }

    /// A canonical slot value as people say it: "NJ" → "New Jersey".
    func displayName(_ slot: String, _ value: String) -> String { composers.salary.name(slot, value) }
}
