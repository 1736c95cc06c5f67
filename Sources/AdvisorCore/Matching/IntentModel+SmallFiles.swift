/// Loading the small files of `Intents/`: follow-up words (`context.yaml`), shorthand (`shorthand.yaml`),
/// matcher thresholds (`settings.yaml`) and aspects (`aspects.yaml`).
extension IntentModel {
    mutating func loadContext(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys([
            "openers", "references", "ordinals", "context_before", "not_at_end", "additive", "compare_with_focus",
            "words_not_listed", "not_about_focus", "compare_all_recent", "value_continues", "not_continued",
            "comparison_words", "fragment_words", "place_references", "number_holders", "number_groups", "superlatives",
            "pair_references", "choice_words", "other_references", "choice_among", "held_words", "taken_back",
            "correction_words", "negated_corrections",
            "correction_fillers",
            "compared_value_narrows", "residence_words", "residence_linkers", "residence_fillers", "residence_compares",
            "residence_slots", "run_together_short", "retractions", "go_on", "kept_by_topic", "codes_at_end_after",
            "not_codes_at_end", "capital_codes_not_places", "whole_state", "local_references", "pair_joiners",
            "national_words", "national_compares", "not_values", "question_openers", "period_abbreviations",
            "background_slots", "background_not_for", "plural_references", "story_references", "pending_references",
            "counted_topics",
            "narrower_left", "ordinal_narrows", "credential_picks", "after_focus", "narrower_aspects",
            "reference_concepts",
        ])
        for entry in try root["compared_value_narrows"]?.entries() ?? [] {
            context.comparedValueNarrows[entry.key] = try entry.value.string()
        }
        var counted: [String: String] = [:]
        for entry in try root["counted_topics"]?.entries() ?? [] {
            guard Conversation.numberSlots.contains(entry.key) else {
                throw entry.keyNode.error(
                    "counted_topics names '\(entry.key)', not a number slot (\(Conversation.numberSlots.joined(separator: ", ")))"
                )
            }
            for word in try Self.words(entry.value) { counted[word] = entry.key }
        }
        context.countedTopics = Dictionary(grouping: counted.keys) { counted[$0] ?? "" }
            .sorted { $0.key < $1.key }.map { (slot: $0.key, words: WordList(Set($0.value))) }
        context.credentialPicks = try Self.credentialPicks(root["credential_picks"])
        for entry in try root["ordinal_narrows"]?.entries() ?? [] {
            context.ordinalNarrows[entry.key] = try entry.value.string()
        }
        for entry in try root["kept_by_topic"]?.entries() ?? [] {
            context.keptByTopic[entry.key] = try entry.value.string()
        }
        context.takenBack = try Self.words(root, "taken_back")
        context.correctionWords = try Self.words(root, "correction_words")
        context.negatedCorrections = try Self.words(root, "negated_corrections")
        context.correctionFillers = try Self.words(root, "correction_fillers")
        context.goOn = try Self.phrases(root, "go_on")
        context.retractions = try Self.phraseLists(root, "retractions")
        context.notValues = PhraseList(try Self.phraseLists(root, "not_values"))
        context.residenceWords = try Self.words(root, "residence_words")
        context.residenceFillers = try Self.words(root, "residence_fillers")
        context.residenceLinkers = try Self.words(root, "residence_linkers")
        context.residenceCompares = WordList(try Self.words(root, "residence_compares"))
        context.residenceSlots = Set(try root["residence_slots"]?.strings() ?? [])
        context.runTogetherShort = try Self.words(root, "run_together_short")
        context.fragmentWords = try Self.words(root, "fragment_words")
        context.placeReferences = WordList(try Self.words(root, "place_references"))
        context.numberHolders = WordList(try Self.words(root, "number_holders"))
        context.numberGroups = try Self.words(root, "number_groups")
        context.superlatives = WordList(try Self.words(root, "superlatives"))
        context.codesAtEndAfter = try Self.words(root, "codes_at_end_after")
        context.notCodesAtEnd = try Self.words(root, "not_codes_at_end")
        context.capitalCodesNotPlaces = try Self.words(root, "capital_codes_not_places")
        context.localReferences = PhraseList(try Self.phraseLists(root, "local_references"))
        context.wholeState = PhraseList(try Self.phraseLists(root, "whole_state"))
        context.pairJoiners = try Self.words(root, "pair_joiners")
        context.nationalWords = WordList(try Self.words(root, "national_words"))
        context.nationalCompares = WordList(try Self.words(root, "national_compares"))
        context.pairReferences = WordList(try Self.words(root, "pair_references"))
        context.choiceWords = WordList(try Self.words(root, "choice_words"))
        context.otherReferences = WordList(try Self.words(root, "other_references"))
        context.choiceAmong = PhraseList(try Self.phraseLists(root, "choice_among"))
        context.heldWords = WordList(try Self.words(root, "held_words"))
        context.comparisonWords = WordList(try Self.words(root, "comparison_words"))
        context.valueContinues = Set(try root["value_continues"]?.strings() ?? [])
        context.notContinued = Set(try root["not_continued"]?.strings() ?? [])
        context.compareAllRecent = WordList(try Self.words(root, "compare_all_recent"))
        context.notAboutFocus = WordList(try Self.words(root, "not_about_focus"))
        context.wordsNotListed = try Self.words(root, "words_not_listed")
        context.additive = try Self.words(root, "additive")
        context.compareWithFocus = WordList(try Self.words(root, "compare_with_focus"))
        context.notAtEnd = try Self.phrases(root, "not_at_end")
        context.openers = try (root["openers"]?.strings() ?? []).map { TextNormalizer.phrase($0) }
        for ref in try root["references"]?.strings() ?? [] {
            let words = TextNormalizer.phrase(ref)
            if words.count == 1 { context.references.insert(words[0]) } else { context.referencePhrases.append(words) }
        }
        if let ordinals = root["ordinals"] {
            for entry in try ordinals.entries() {
                context.ordinals[TextNormalizer.phrase(entry.key)] = try entry.value.int()
            }
        }
        for p in context.openers where !p.isEmpty { context.openerTrie.insert(p, .concept(0)) }
        for p in context.referencePhrases { context.referenceTrie.insert(p, .concept(0)) }
        for (p, index) in context.ordinals where !p.isEmpty { context.ordinalTrie.insert(p, .concept(index)) }
        context.contextBefore = try Self.words(root, "context_before")
        context.questionOpeners = try Self.words(root, "question_openers")
        context.periodAbbreviations = try Self.words(root, "period_abbreviations")
        context.backgroundSlots = try root["background_slots"]?.strings() ?? []
        context.backgroundNotFor = Set(try root["background_not_for"]?.strings() ?? [])
        context.pluralReferences = WordList(try Self.words(root, "plural_references"))
        context.storyReferences = WordList(try Self.words(root, "story_references"))
        context.pendingReferences = WordList(try Self.words(root, "pending_references"))
        context.narrowerLeft = PhraseList(try Self.phraseLists(root, "narrower_left"))
        context.afterFocus = try Self.words(root, "after_focus")
        context.narrowerAspects = Set(try root["narrower_aspects"]?.strings() ?? [])
        for node in try root["reference_concepts"]?.list() ?? [] {
            context.referenceConceptNames.append((try node.string(), node))
        }
    }

    /// The phrases listed under `key`, each normalised and joined by single spaces ("Why?" gives "why"), to compare
    /// with a question's words joined the same way; none when absent.
    static func phrases(_ root: YAMLNode, _ key: String) throws(LoadError) -> Set<String> {
        Set(try (root[key]?.strings() ?? []).map { TextNormalizer.phrase($0).joined(separator: " ") })
    }

    /// The picks of `credential_picks`: each `{phrases: [...], attribute: NAME, ranks: [low, ...], pick: highest|lowest}`.
    static func credentialPicks(_ node: YAMLNode?) throws(LoadError) -> [CredentialPick] {
        var picks: [CredentialPick] = []
        for item in try node?.list() ?? [] {
            try item.allowKeys(["phrases", "attribute", "ranks", "pick"])
            let phrases = try item.required("phrases").strings().map { TextNormalizer.phrase($0) }.filter {
                !$0.isEmpty
            }
            let pickNode = try item.required("pick")
            let pick = try pickNode.string()
            guard pick == "highest" || pick == "lowest" else {
                throw pickNode.error("pick is '\(pick)': write highest or lowest")
            }
            let attribute = try item.required("attribute")
            picks.append(
                CredentialPick(
                    phrases: PhraseList(phrases),
                    attribute: try attribute.string(),
                    ranks: try (item["ranks"]?.strings() ?? []).map { $0.lowercased() },
                    highest: pick == "highest",
                    file: attribute.file,
                    line: attribute.line,
                    column: attribute.column
                )
            )
        }
        return picks
    }

    /// The phrases listed under `key`, each as its normalised words, empty ones left out; none when absent.
    static func phraseLists(_ root: YAMLNode, _ key: String) throws(LoadError) -> [[String]] {
        try (root[key]?.strings() ?? []).map { TextNormalizer.phrase($0) }.filter { !$0.isEmpty }
    }

    /// The words of the phrases listed under `key`, as one set ("not the" gives "not" and "the"); none when absent.
    static func words(_ root: YAMLNode, _ key: String) throws(LoadError) -> Set<String> {
        guard let node = root[key] else { return [] }
        return try words(node)
    }

    /// The words of the phrases a list node holds, as one set.
    static func words(_ node: YAMLNode) throws(LoadError) -> Set<String> {
        Set(try node.strings().flatMap { TextNormalizer.phrase($0) })
    }

    mutating func loadShorthand(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys(["shorthand", "letter_names"])
        for entry in try root["letter_names"]?.entries() ?? [] {
            let letter = try entry.value.string().lowercased()
            guard letter.utf8.count == 1, letter.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            else {
                throw LoadError(
                    file: entry.value.file,
                    line: entry.value.line,
                    column: 1,
                    message: "letter name '\(entry.key)' must stand for one letter, not '\(letter)'"
                )
            }
            letterNames[entry.key.lowercased()] = letter
        }
        for entry in try root.required("shorthand").entries() {
            let word = try entry.value.string()
            let key = TextNormalizer.phrase(entry.key)
            guard TextNormalizer.phrase(word).count == 1, (1...2).contains(key.count) else {
                throw LoadError(
                    file: entry.value.file,
                    line: entry.value.line,
                    column: 1,
                    message: "shorthand '\(entry.key)' (one or two words) must stand for one word, not '\(word)'"
                )
            }
            if key.count == 2 {
                pairShorthand[key.joined(separator: " ")] = TextNormalizer.phrase(word)[0]
            } else {
                shorthand[key[0]] = TextNormalizer.phrase(word)[0]
            }
        }
    }

    mutating func loadSettings(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys([
            "out_of_scope_below", "clarify_margin", "follow_up_bonus", "support_weight", "support_cap", "clear_intent",
            "nearest_example_above", "nearest_example_in_domain_above", "keyword_query_words", "short_comparison_words",
            "long_message_words", "short_question_words", "story_out_of_scope", "first_question_above",
        ])
        if let v = root["nearest_example_above"] { settings.nearestExampleAbove = try v.double() }
        settings.nearestExampleInDomainAbove = settings.nearestExampleAbove
        if let v = root["nearest_example_in_domain_above"] { settings.nearestExampleInDomainAbove = try v.double() }
        if let v = root["keyword_query_words"] { settings.keywordQueryWords = try v.int() }
        if let v = root["short_comparison_words"] { settings.shortComparisonWords = try v.int() }
        if let v = root["long_message_words"] { settings.longMessageWords = try v.int() }
        if let v = root["short_question_words"] { settings.shortQuestionWords = try v.int() }
        if let v = root["story_out_of_scope"] { settings.storyOutOfScope = try v.double() }
        if let v = root["first_question_above"] { settings.firstQuestionAbove = try v.double() }
        if let v = root["clear_intent"] { settings.clearIntent = try v.double() }
        if let v = root["support_cap"] { settings.supportCap = try v.double() }
        if let v = root["out_of_scope_below"] { settings.outOfScopeBelow = try v.double() }
        if let v = root["clarify_margin"] { settings.clarifyMargin = try v.double() }
        if let v = root["follow_up_bonus"] { settings.followUpBonus = try v.double() }
        if let v = root["support_weight"] { settings.supportWeight = try v.double() }
    }

    mutating func loadAspects(_ root: YAMLNode) throws(LoadError) {
        for entry in try root.entries() {
            var list: [(String, [[String]])] = []
            for aspect in try entry.value.entries() {
                list.append((aspect.key, try aspect.value.strings().map { TextNormalizer.phrase($0) }))
            }
            aspects[entry.key] = list
        }
    }
}
