/// Features: concepts, literal phrases, markers, follow-up cues and the aspect asked about.
extension IntentMatcher {
    /// `valueless`: words of a `not_values` phrase, where no concept starts (their literal words still count).
    func collectFeatures(_ words: [String], _ ids: [Int32], _ a: inout Analysis, valueless: [Int]) {
        // Concepts match at every length and position: "how much does" is both $cost and $howmuch.
        for (k, id) in ids.enumerated() where id >= 0 {
            if valueless.isEmpty || !valueless.contains(k) {
                model.conceptWords.forEachMatch(in: ids, from: k) { _, payloads in
                    for case .concept(let c) in payloads {
                        if let f = model.conceptFeatures[c] { a.features.insert(f) }
                    }
                }
            }
            let f = model.wordFeature[Int(id)]
            if f >= 0 { a.features.insert(Int(f)) }
            model.literalWords.forEachMatch(in: ids, from: k) { _, payloads in
                for case .concept(let f) in payloads { a.features.insert(f) }
            }
        }
        let markers = model.markers
        var compare = false
        for (n, entity) in a.entities.enumerated() {
            insertSlotFeatures(entity.slot, into: &a.features)
            // Two different values of one slot (statistics and amounts aside) make a comparison.
            if !compare, entity.slot != "statistic", entity.slot != "amount" {
                compare = a.entities[..<n].contains { $0.slot == entity.slot && $0.value != entity.value }
            }
        }
        // "2 certs vs 1", "10 years than someone with 2": a bare number joins the numeric slot named (as the slots
        // do, `Advisor.resolveSlots`), which makes a comparison too.
        if !compare, !a.bareNumbers.isEmpty, hasComparisonWord(a) {
            compare = a.entities.contains { e in
                (e.slot == "credential_count" || e.slot == "experience_years")
                    && a.bareNumbers.contains { .number($0) != e.value }
            }
        }
        if !a.bareNumbers.isEmpty, let f = markers.number { a.features.insert(f) }
        if let f = markers.code,
            words.indices.contains(where: { k in
                Self.looksLikeCode(words[k])
                    && !a.entities.contains { $0.slot == "amount" && $0.tokens.lowerBound == k }
            })
        {
            a.features.insert(f)
        }
        if compare, let f = markers.compare { a.features.insert(f) }
    }

    /// Whether the question has a word that makes numbers or values a comparison (`comparison_words`).
    func hasComparisonWord(_ a: Analysis) -> Bool {
        model.context.comparisonWords.occurs(in: a.phraseIDs)
    }

    /// Words that refer back ("that", "it", "the second one") or open a follow-up ("and", "what about").
    func followUpCues(_ words: [String], _ ids: [Int32]) -> Analysis.FollowUpCues {
        var opener = false
        for start in 0..<min(2, words.count) where !opener {
            model.openerWords.forEachMatch(in: ids, from: start) { _, _ in opener = true }
        }
        var reference = false
        var ordinal: Int? = nil
        for k in words.indices {
            // "is there", "are there": existential, not a reference to a place
            if !reference, ids[k] >= 0, model.isReferenceWord[Int(ids[k])],
                !(words[k] == "there" && k > 0 && ["is", "are", "was", "were", "any"].contains(words[k - 1]))
            {
                reference = true
            }
            if !reference { model.referenceWords.forEachMatch(in: ids, from: k) { _, _ in reference = true } }
            if ordinal == nil {
                model.ordinalWords.forEachMatch(in: ids, from: k) { _, payloads in
                    if case .concept(let index) = payloads[payloads.count - 1] { ordinal = index }
                }
            }
        }
        return Analysis.FollowUpCues(opener: opener, reference: reference, ordinal: ordinal)
    }

    /// The cues found by `followUpCues`, applied when the conversation has a previous question.
    func applyFollowUp(_ a: inout Analysis) {
        let cues = a.cues
        if let ordinal = cues.ordinal { a.ordinal = ordinal }
        a.hasReference =
            cues.reference || a.ordinal != nil || model.context.referenceConcepts.contains { a.features.contains($0) }
        a.isFollowUp = cues.opener || a.hasReference
        if a.isFollowUp, let f = model.markers.followUp { a.features.insert(f) }
        if a.hasReference, let f = model.markers.reference { a.features.insert(f) }
    }

    /// The features of what is in focus: the conversation's slots, and those the rest of a long message tells.
    func addContextFeatures(_ a: inout Analysis, _ conversation: Conversation, background: Analysis?) {
        for slot in conversation.focus.names {
            if let f = model.slotFeatures[slot]?.tilde { a.features.insert(f) }
        }
        for e in background?.entities ?? [] {
            if let f = model.slotFeatures[e.slot]?.tilde { a.features.insert(f) }
        }
        a.focusCompared = focusComparison(a, conversation)
        if a.focusCompared != nil, let f = model.markers.compare { a.features.insert(f) }
        // "so 3 vs 1?" after coders with 3 credentials: bare numbers compared in the number slot in focus.
        if a.bareNumbers.count > 1, let f = model.markers.compare, conversation.numberInFocus != nil,
            hasComparisonWord(a)
        {
            a.features.insert(f)
        }
        if let last = conversation.lastIntent, let f = model.intentFeatures[last] { a.features.insert(f) }
    }

    /// The aspects a question asks about, first in `Intents/aspects.yaml` order, then the others in that order. At each
    /// word only the longest phrase counts, and words inside it start no other: "how long is the exam" asks the exam's
    /// format, not the study time "how long" alone asks.
    func detectAspects(_ ids: [Int32]) -> (first: String?, more: [String]) {
        var found: [Int] = []
        var next = 0
        for i in ids.indices where i >= next && ids[i] >= 0 {
            var longest = 0
            var index = Int.max
            model.aspectWords.forEachMatch(in: ids, from: i) { length, payloads in
                longest = length
                index = Int.max
                for case .concept(let n) in payloads { index = min(index, n) }
            }
            guard index < model.aspectNames.count else { continue }
            if !found.contains(index) { found.append(index) }
            next = i + longest
        }
        guard !found.isEmpty else { return (nil, []) }
        found.sort()
        return (model.aspectNames[found[0]], found.dropFirst().map { model.aspectNames[$0] })
    }

    /// The slot a question compares between the value it names and a different one in focus: a reference, a
    /// comparison word and one new value ("is it harder than the CPC?" after the COC, "is that more than the
    /// US?" after Canada), or a fragment that opens with the comparison word ("compared to a CPC?", "vs
    /// Texas?"). Such a question is a comparison, as if it had named both.
    func focusComparison(_ a: Analysis, _ conversation: Conversation) -> String? {
        let compares = model.context.compareWithFocus
        let opensWithComparison = a.words.first.map { compares.contains($0) } ?? false
        // A short question with a comparison word compares too: "and compared to a CPC?", "more than cardiology?".
        let short = a.words.count <= model.settings.shortComparisonWords
        guard
            opensWithComparison
                || ((a.hasReference || short) && compares.occurs(in: a.phraseIDs))
        else {
            return nil
        }
        return a.entities.first { e in
            e.slot != "statistic" && e.slot != "amount"
                && a.entities.allSatisfy { $0.slot != e.slot || $0.value == e.value }
                && conversation.focus[e.slot].contains { $0 != e.value }
        }?.slot
    }

    /// Marks a question as naming a value of `slot` (its `@slot` and `~slot` features).
    func insertSlotFeatures(_ slot: String, into features: inout FeatureSet) {
        guard let f = model.slotFeatures[slot] else { return }
        if let at = f.at { features.insert(at) }
        if let tilde = f.tilde { features.insert(tilde) }
    }
}
