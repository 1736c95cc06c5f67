import FoundationEssentials

/// The advisor's brain: loaded, compiled data and the one `answer` call every front door uses.
public final class Advisor: Sendable {
    public let model: IntentModel
    public let knowledge: KnowledgeBase
    let matcher: IntentMatcher
    /// The answer writers, built once: nothing is copied per question.
    let composers: Composers
    /// Pay and credential answers already written, by query (see `CompositionCache`).
    let composed: CompositionCache
    /// The features of "which ... pays most" words, with the slot each ranks (see `rankedSlot`).
    let rankFeatures: [(feature: Int, slot: String)]
    /// The feature of occupations other than coding (`$other_job`): a pay comparison with one has one side only.
    let otherJobFeature: Int?
    /// The feature of pay words (`$pay`): an out-of-scope question about another job's pay leaves pay as the topic.
    let payFeature: Int?
    /// The feature of the field's own words (`$domain`): a question no rule is sure of that uses one goes to its
    /// nearest example more readily (`nearest_example_in_domain_above`).
    let domainFeature: Int?
    /// The feature of "least", "lowest" (`$rank_lowest`): a ranking from the bottom up.
    let lowestFeature: Int?
    /// The example utterances by their words: where a question no rule is sure of goes.
    let examples: LazyExampleIndex

    /// Loads and compiles all rules and knowledge; any malformed file throws with file:line:column.
    /// `cacheCapacity`: how many pay and credential answers to keep for reuse (0: none; see `CompositionCache`).
    public init(source: DataSource = .embedded, cacheCapacity: Int = 4096) throws(LoadError) {
        let files = try source.files()
        // The knowledge base loads on a second core while the rules compile; the speller then waits for the words
        // of its topic facets. A broken knowledge file is still the error reported first.
        let knowledgeLoad = ParallelLoad { () throws(LoadError) in try KnowledgeBase(files: files) }
        let model: IntentModel
        do {
            model = try IntentModel(files: files) { () throws(LoadError) in try knowledgeLoad.value().facetWords }
        } catch {
            _ = try knowledgeLoad.value()
            throw error
        }
        var knowledge = try knowledgeLoad.value()
        try Self.check(model, knowledge)
        // The facet tries are compiled over the matcher's word ids; their string form is not kept.
        let facets = TopicComposer.compile(knowledge, lexicon: model.lexicon)
        knowledge.facetTries = [:]
        self.model = model
        self.knowledge = knowledge
        let matcher = IntentMatcher(model: model)
        self.matcher = matcher
        self.examples = LazyExampleIndex(try ExampleUtterance.all(in: files), matcher: matcher)
        self.composers = Composers(knowledge, model: model, facets: facets)
        self.composed = CompositionCache(capacity: cacheCapacity)
        self.otherJobFeature = model.featureID("$other_job")
        self.payFeature = model.featureID("$pay")
        self.domainFeature = model.featureID("$domain")
        self.lowestFeature = model.featureID("$rank_lowest")
        self.rankFeatures = Self.rankConcepts.compactMap { concept, slot in
            model.featureID(concept).map { (feature: $0, slot: slot) }
        }
    }

    /// Answers one question in the context of a conversation, and updates the conversation.
    public func answer(_ text: String, in conversation: inout Conversation) -> Answer {
        answer(prepare(text), in: &conversation)
    }

    /// Answers an example utterance as if it were not among the examples (`origin` names it): how a new
    /// question phrased like it would fare. The data checks and tests run the examples this way.
    public func answer(_ text: String, in conversation: inout Conversation, leavingOut origin: String) -> Answer {
        answer(prepare(text), in: &conversation, leavingOut: origin)
    }

    /// Does the part of answering that needs no conversation (normalising, spelling, entities,
    /// features). A front door may prepare questions ahead, on another thread, then answer them in order.
    public func prepare(_ text: String) -> PreparedQuestion {
        let c = model.context
        if text.utf8.count <= TextNormalizer.maximumLength,
            let parts = MessageParts(
                text,
                openers: c.questionOpeners,
                abbreviations: c.periodAbbreviations,
                minimumWords: model.settings.longMessageWords,
                shortQuestion: model.settings.shortQuestionWords
            )
        {
            return PreparedQuestion(
                read: matcher.read(parts.question),
                background: matcher.read(parts.background),
                message: text
            )
        }
        return PreparedQuestion(read: matcher.read(text))
    }

    /// Answers a prepared question in the context of a conversation, and updates the conversation.
    public func answer(_ question: consuming PreparedQuestion, in conversation: inout Conversation) -> Answer {
        answer(question, in: &conversation, leavingOut: nil)
    }

    private func answer(
        _ question: consuming PreparedQuestion,
        in conversation: inout Conversation,
        leavingOut example: String?
    ) -> Answer {
        var background = question.background
        let message = question.message
        var a = matcher.analyze(question.takeRead(), conversation: conversation, background: background)
        let s = model.settings
        if let message, let whole = wholeMessage(message, over: a, conversation) {
            a = whole
            background = nil
        }
        // "the other thing i asked?": the question left waiting is answered now.
        if let pending = pendingQuestionAsked(a, conversation) {
            a = matcher.analyze(matcher.read(pending), conversation: conversation)
            background = nil
            conversation.pendingQuestion = nil
        } else if message == nil, let two = firstOfTwoQuestions(a, conversation) {
            // "crc salary, and is the exam hard?": the first question now, the second when asked for.
            a = two.first
            conversation.pendingQuestion = (two.rest, conversation.turns)
        }
        var intent = "out_of_scope"
        var confidence = 0.0
        var rule = ""
        var ruleText = ""
        var lead: String? = nil
        let top = a.ranking.first
        let numericFocus = conversation.numberInFocus != nil
        let hasContent =
            !a.entities.isEmpty || (numericFocus && !a.bareNumbers.isEmpty) || a.aspect != nil || a.ordinal != nil
        // A question that only names one value ("remote?", "CCS?", "texas") goes on with the previous question's
        // topic, not the topic the value suggests, when that topic takes values (`value_continues` in context.yaml).
        let namesOnlyValues = namesOnlyValues(a)
        if namesOnlyValues, let narrowed = narrowedComparison(a, conversation) {
            intent = narrowed
            rule = "context: a value of the slot compared asks about that value alone"
            ruleText = "follow-up"
            confidence = 0.6
        } else if namesOnlyValues, let last = conversation.lastIntent, model.context.valueContinues.contains(last) {
            intent = last
            rule = "context: a question naming only values keeps the previous topic"
            ruleText = "follow-up"
            confidence = 0.6
        } else if let top, top.score >= s.outOfScopeBelow {
            intent = top.intent
            rule = top.rule
            ruleText = top.ruleText
            lead = top.lead
            if a.isFollowUp, top.intent == conversation.lastIntent,
                a.ranking.first(where: { $0.intent == top.intent }) != nil,
                top.score <= s.outOfScopeBelow + s.followUpBonus
            {
                rule = "context: follow-up of the previous question (\(top.rule))"
            }
            let second = a.ranking.count > 1 ? a.ranking[1].score : 0
            confidence = min(0.99, (top.score / (top.score + second + 0.5)) * min(1, top.score / 2.5) + 0.25)
        } else if let last = conversation.lastIntent, hasContent || a.isFollowUp || asksToGoOn(a),
            !model.context.notContinued.contains(last)
        {
            // A statistic or a sum alone ("whats the avg with 2") asks for a figure, even after a question about
            // what drives pay.
            intent =
                asksPayFigure(a, numericFocus, after: last) && !Self.payFigureIntents.contains(last) ? "salary" : last
            rule = "context: a follow-up fragment keeps the previous intent"
            ruleText = "follow-up"
            confidence = 0.6
        } else if let near = examples.nearest(a, leavingOut: example),
            near.similarity
                >= (domainFeature.map { a.features.contains($0) } == true
                    ? s.nearestExampleInDomainAbove : s.nearestExampleAbove)
        {
            // No rule is sure, but the question reads like an example of an intent: it goes where that example goes.
            intent = near.intent
            rule = near.origin
            ruleText = "nearest example \"\(near.text)\" (similarity \(String.fixed(near.similarity, 2)))"
            confidence = (min(0.9, near.similarity) * 100).rounded() / 100
        } else {
            confidence = top.map { max(0.5, 1 - $0.score / max(s.outOfScopeBelow, 0.01)) } ?? 0.95
            rule =
                top.map { "below threshold (best: \($0.intent) \(String.fixed($0.score, 2)))" }
                ?? "no rule matched"
        }
        let fragment =
            namesOnlyValues || namesOnlyPayValues(a) || (top.map { $0.score < s.outOfScopeBelow } ?? true)
        // Without a follow-up word, only a fragment, or another question on the same topic (not a new
        // pay or credential question), continues the previous one.
        let sameTopic = intent == conversation.lastIntent && !Self.standalone.contains(intent) && a.entities.isEmpty
        // An exam question that names no credential is about the one in focus ("is the test hard?" after "what's a
        // CRC", "what's the pass rate" after the CPC's exam fee), unless it asks in general (`not_about_focus` in
        // Intents/context.yaml: "what is the hardest coding exam", "which exams does AHIMA give").
        let aboutFocusCredential =
            intent == "cert_exam" && conversation.focus["credential"].count == 1
            && !a.entities.contains { $0.slot == "credential" || $0.slot == "role" }
            && !model.context.notAboutFocus.occurs(in: a.phraseIDs)
        // Up to three words that name nothing and ask about pay, an exam or demand ("pay?", "exam cost?", "whats the
        // pay", "any demand?") go on with what was discussed; "what is ahima" asks about something new.
        let bareFollowUp =
            a.words.count <= 3 && a.entities.isEmpty && conversation.lastIntent != nil
            && Self.bareFollowUpIntents.contains(intent)
        let followUp =
            a.isFollowUp || aboutFocusCredential || bareFollowUp
            || (intent == conversation.lastIntent && intent != "out_of_scope" && (fragment || sameTopic))
        var slots = resolveSlots(a, conversation: conversation, followUp: followUp, intent: intent)
        readHeldCredentials(a, intent: &intent, slots: &slots)
        applyNarrows(a, intent: intent, &slots)
        applyCredentialPick(a, conversation, &slots)
        joinRegionStates(a, &slots)
        // "whats the first one for" after two credentials compared: the one picked, on its own (`ordinal_narrows`).
        if a.ordinal != nil, followUp, let narrowed = model.context.ordinalNarrows[intent],
            !slots.names.contains(where: { slots[$0].count > 1 })
        {
            intent = narrowed
        }
        let fromBackground = background.map { addBackground($0, of: a, to: &slots, intent: intent) } ?? []
        // Pay of two values or more side by side is a comparison, whichever rule read the question: "Colorado vs
        // Arizona median for coders" is answered with a table, and says so (sums quoted are judged, not compared).
        if intent == "salary",
            slots.names.contains(where: { Self.compares($0, in: slots) }) || comparesWithNation(a, slots)
        {
            intent = "salary_compare"
        }
        var carried: [String] = []
        if followUp {
            let named = Set(a.entities.map(\.slot))
            carried = conversation.focus.names.filter { slots[$0] == conversation.focus[$0] && !named.contains($0) }
        }
        let aspect = a.aspect ?? (followUp ? conversation.aspect : nil)
        var composition = compose(
            intent: intent,
            slots: &slots,
            analysis: a,
            aspects: a.aspect.map { [$0] + a.moreAspects } ?? [aspect].compactMap { $0 },
            conversation: conversation,
            followUp: followUp
        )
        if let lead {
            composition.lines.insert(knowledge.template(lead), at: 0)
            composition.templates.insert(lead, at: 0)
        }
        var clarify: [String] = []
        if a.ranking.count > 1, let top, top.score >= s.outOfScopeBelow, !followUp {
            let second = a.ranking[1]
            if (top.score - second.score) / top.score < s.clarifyMargin, !Self.related(top.intent, second.intent) {
                clarify = [top.intent, second.intent]
                composition.lines.insert(
                    fill(
                        knowledge.template("clarify"),
                        [
                            "first": knowledge.template("intent." + top.intent),
                            "second": knowledge.template("intent." + second.intent),
                        ]
                    ),
                    at: 0
                )
            }
        }
        if a.truncated { composition.lines.append(knowledge.template("input.truncated")) }
        var sources: [String] = []
        var citations: [String] = []
        sources.reserveCapacity(composition.sourceIDs.count)
        citations.reserveCapacity(composition.sourceIDs.count)
        for id in composition.sourceIDs {
            guard let citation = composers.citations[id] else { continue }
            sources.append(citation.short)
            citations.append(citation.full)
        }
        // Neither the analysis nor the composition's query, records and notes are read again: they move into
        // the trace instead of being shared with it.
        var trace = Trace()
        swap(&trace.input, &a.sanitized)
        swap(&trace.words, &a.words)
        swap(&trace.corrections, &a.corrections)
        swap(&trace.entities, &a.entities)
        if a.ranking.count <= 5 { swap(&trace.ranking, &a.ranking) } else { trace.ranking = Array(a.ranking.prefix(5)) }
        trace.rule = rule
        trace.ruleText = ruleText
        trace.followUp = followUp
        trace.carried = carried
        trace.message = message ?? ""
        trace.background = fromBackground
        swap(&trace.query, &composition.query)
        swap(&trace.records, &composition.records)
        trace.template =
            composition.templates.count == 1 ? composition.templates[0] : composition.templates.joined(separator: ", ")
        swap(&trace.notes, &composition.notes)
        let answer = Answer(
            intent: intent,
            confidence: (confidence * 100).rounded() / 100,
            slots: slots,
            text: composition.lines.count == 1 ? composition.lines[0] : composition.lines.joined(separator: "\n"),
            sources: sources,
            citations: citations,
            clarify: clarify,
            trace: trace
        )
        var focus = slots
        // In name order: slots keep the order they are set in, and a dictionary's own order changes from run to run.
        for k in composition.focus.keys.sorted() {
            // The value a ranking put first is in focus only where the conversation had none of its slot: "is that the
            // highest state" after Washington's pay leaves Washington the place talked about.
            if k == composition.rankedSlot, !conversation.focus[k].isEmpty { continue }
            focus[k] = composition.focus[k] ?? []
        }
        let anotherJobsPay = intent == "out_of_scope" && asksPay(a)
        if intent != "out_of_scope" {
            conversation.remember(
                intent: intent,
                slots: focus,
                aspect: aspect,
                answer: answer,
                rankedSlot: composition.rankedSlot
            )
            conversation.countedSlot = countedTopic(a.phraseIDs, slots)
        } else if !slots.isEmpty || anotherJobsPay {
            // Out of scope is no topic to go on with ("ok back to coders, what about georgia" after nurses' pay in
            // Ohio goes on with the topic before it); the places it named stay in focus, and nothing else it named
            // (the ER of "is my ER bill coded right" is no setting to ask about next). Another job's pay leaves pay
            // as the topic: "what do software engineers make in Seattle", then "I meant medical coders in Washington".
            let topic = anotherJobsPay ? "salary" : conversation.lastIntent ?? intent
            var places = Slots()
            for name in focus.names where Self.placeSlots.contains(name) { places[name] = focus[name] }
            let kept = places.isEmpty ? conversation.focus : places
            conversation.remember(intent: topic, slots: kept, aspect: conversation.aspect, answer: answer)
        } else {
            conversation.lastAnswer = answer
        }
        return answer
    }
}
