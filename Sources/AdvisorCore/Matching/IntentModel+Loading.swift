/// Builds the intent model from the files under `Intents/`.
extension IntentModel {
    static let knownSlots: Set<String> = [
        "credential", "state", "metro", "country", "experience_years", "experience_level", "setting", "specialty",
        "credential_count", "statistic", "role", "education", "amount", "group", "region",
    ]

    /// `extraVocabulary` gives further words for the speller (the knowledge base's); it is asked for last, so that what
    /// it waits for can load meanwhile.
    init(files: [DataFile], extraVocabulary: () throws(LoadError) -> Set<String>) throws(LoadError) {
        slots = Self.knownSlots
        let intentFiles = files.filter { $0.path.hasPrefix("Intents/") }
        // Concepts first: rules refer to them.
        for file in intentFiles where file.path.hasPrefix("Intents/lexicon/") && file.path.hasSuffix(".yaml") {
            try loadConcepts(YAMLNode.parse(file))
        }
        var wordLists: [Substring] = []
        for file in intentFiles where file.path.hasSuffix(".csv") && file.path.hasPrefix("Intents/lexicon/") {
            // One word per line under a `word` header: kept as one buffer, it is large.
            let header = file.text.utf8.prefix { $0 != UInt8(ascii: "\n") }
            guard String(Substring(header)).trimmingWhitespace == "word" else {
                throw LoadError(file: file.path, line: 1, column: 1, message: "expected the header 'word'")
            }
            wordLists.append(Substring(file.text.utf8.dropFirst(header.count)))
        }
        let english = WordSet(lines: wordLists.joined(separator: "\n"))
        for file in intentFiles where file.path.hasPrefix("Intents/entities/") {
            try loadEntities(YAMLNode.parse(file))
        }
        for file in intentFiles {
            switch file.path {
            case "Intents/numbers.yaml": try loadNumbers(YAMLNode.parse(file))
            case "Intents/context.yaml": try loadContext(YAMLNode.parse(file))
            case "Intents/settings.yaml": try loadSettings(YAMLNode.parse(file))
            case "Intents/aspects.yaml": try loadAspects(YAMLNode.parse(file))
            case "Intents/shorthand.yaml": try loadShorthand(YAMLNode.parse(file))
            default: break
            }
        }
        let ruleFiles = intentFiles.filter { $0.path.hasPrefix("Intents/rules/") }
        var parsed: [YAMLNode] = []
        for file in ruleFiles {
            let root = try YAMLNode.parse(file)
            intents.append(try root.required("intent").string())
            parsed.append(root)
        }
        for (i, intent) in intents.enumerated() where intentIndex[intent] == nil { intentIndex[intent] = i }
        for root in parsed { try loadRules(root) }
        ruleShapes = rules.map { ($0.intentIndex, $0.groups.count, $0.score) }
        ruleIndex = RuleIndex(rules: rules, featureCount: featureNames.count)
        for slot in slots { slotFeatures[slot] = (featureIDs["@" + slot], featureIDs["~" + slot]) }
        for intent in intents { intentFeatures[intent] = featureIDs["^" + intent] }
        markers = Markers(
            followUp: featureIDs["#followup"],
            reference: featureIDs["#reference"],
            compare: featureIDs["#compare"],
            number: featureIDs["#number"],
            code: featureIDs["#code"]
        )
        conceptFeatures = conceptNames.map { featureIDs["$" + $0] }
        context.referenceConcepts = try context.referenceConceptNames.map { (name, node) throws(LoadError) in
            guard let id = featureIDs["$" + name] else {
                throw node.error("reference_concepts names '\(name)', which is no concept a rule uses")
            }
            return id
        }
        for list in aspects.values.sorted(by: { $0.first?.aspect ?? "" < $1.first?.aspect ?? "" }) {
            for (aspect, phrases) in list {
                aspectNames.append(aspect)
                for p in phrases where !p.isEmpty { aspectTrie.insert(p, .concept(aspectNames.count - 1)) }
            }
        }
        var vocabulary = entityTrie.words.subtracting(abbreviationWords.subtracting(otherAliasWords))
            .union(conceptTrie.words).union(literalTrie.words).union(try extraVocabulary())
        (abbreviationWords, otherAliasWords) = ([], [])
        for name in featureNames
        where !name.utf8.contains(UInt8(ascii: " ")) && !name.hasPrefix("$") && !name.hasPrefix("@") {
            vocabulary.insert(name)
        }
        for list in aspects.values { for a in list { for p in a.phrases { vocabulary.formUnion(p) } } }
        for p in context.openers + context.referencePhrases { vocabulary.formUnion(p) }
        vocabulary.formUnion(context.references)
        vocabulary.formUnion(numbers.words.keys)
        vocabulary.formUnion(numbers.experienceUnits)
        vocabulary.formUnion(numbers.countUnits)
        vocabulary.formUnion(shorthand.keys)
        vocabulary.formUnion(shorthand.values)
        vocabulary.formUnion(pairShorthand.values)
        speller = SpellingCorrector(vocabulary: vocabulary, english: english)
        // Letters and letter names get word ids (spelled-out words are found by id) but are not words the speller
        // corrects towards.
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(decoding: [$0], as: UTF8.self) }
        compileWordTries(vocabulary.union(letterNames.keys).union(letters))
    }

    /// The phrase and word lists found by word id (`PhraseList`, `WordList`).
    private static var phraseLists: [WritableKeyPath<IntentModel, PhraseList>] {
        [
            \.context.notValues, \.context.localReferences, \.context.wholeState, \.context.narrowerLeft,
            \.numbers.gapPhrases, \.numbers.otherWork, \.context.choiceAmong,
        ]
    }
    private static var wordLists: [WritableKeyPath<IntentModel, WordList>] {
        [
            \.context.nationalWords, \.context.nationalCompares, \.context.superlatives, \.context.compareWithFocus,
            \.context.pairReferences, \.context.numberHolders, \.context.placeReferences, \.context.otherReferences,
            \.context.compareAllRecent, \.context.heldWords, \.context.pluralReferences, \.context.storyReferences,
            \.context.pendingReferences,
            \.context.notAboutFocus, \.context.choiceWords, \.context.comparisonWords, \.context.residenceCompares,
        ]
    }

    /// Compiles the phrase and word lists over the lexicon extended by their own words (`phraseLexicon`).
    private mutating func compilePhraseLists(over lexicon: Lexicon) {
        var extra = Set<String>()
        for path in Self.phraseLists { extra.formUnion(self[keyPath: path].words) }
        for path in Self.wordLists { extra.formUnion(self[keyPath: path].words) }
        for topic in context.countedTopics { extra.formUnion(topic.words.words) }
        for pick in context.credentialPicks { extra.formUnion(pick.phrases.words) }
        phraseLexicon = Lexicon(lexicon.words + extra.filter { lexicon.id($0) == nil }.sorted())
        for path in Self.phraseLists { self[keyPath: path].compile(over: phraseLexicon) }
        for path in Self.wordLists { self[keyPath: path].compile(over: phraseLexicon) }
        for n in context.countedTopics.indices { context.countedTopics[n].words.compile(over: phraseLexicon) }
        for n in context.credentialPicks.indices { context.credentialPicks[n].phrases.compile(over: phraseLexicon) }
    }

    /// Numbers the words and compiles the phrase tries over the numbers.
    private mutating func compileWordTries(_ vocabulary: Set<String>) {
        var all = vocabulary
        for trie in [
            entityTrie, conceptTrie, literalTrie, aspectTrie, numbers.phraseTrie, context.openerTrie,
            context.referenceTrie, context.ordinalTrie,
        ] {
            all.formUnion(trie.words)
        }
        let lexicon = Lexicon(all.sorted())
        self.lexicon = lexicon
        compilePhraseLists(over: lexicon)
        entityWords = WordTrie(entityTrie, lexicon: lexicon)
        conceptWords = WordTrie(conceptTrie, lexicon: lexicon)
        literalWords = WordTrie(literalTrie, lexicon: lexicon)
        aspectWords = WordTrie(aspectTrie, lexicon: lexicon)
        numberPhraseWords = WordTrie(numbers.phraseTrie, lexicon: lexicon)
        openerWords = WordTrie(context.openerTrie, lexicon: lexicon)
        referenceWords = WordTrie(context.referenceTrie, lexicon: lexicon)
        ordinalWords = WordTrie(context.ordinalTrie, lexicon: lexicon)
        // The string-keyed tries (a dictionary per node) are only the building material: free them.
        (entityTrie, conceptTrie, literalTrie, aspectTrie) = (PhraseTrie(), PhraseTrie(), PhraseTrie(), PhraseTrie())
        (numbers.phraseTrie, context.openerTrie) = (PhraseTrie(), PhraseTrie())
        (context.referenceTrie, context.ordinalTrie) = (PhraseTrie(), PhraseTrie())
        wordFeature = lexicon.words.map { featureIDs[$0].map(Int32.init) ?? -1 }
        isReferenceWord = lexicon.words.map { context.references.contains($0) }
        wordNumber = lexicon.words.map { numbers.words[$0].map { Int32(clamping: $0) } ?? -1 }
        shorthandWord = lexicon.words.map { shorthand[$0] }
        let pairStarts = Set(pairShorthand.keys.map { $0.prefix { $0 != " " } })
        startsPairShorthand = lexicon.words.map { pairStarts.contains(Substring($0)) }
        shorthandID = lexicon.words.map { shorthand[$0].flatMap { lexicon.id($0) } ?? -1 }
        wordLetter = lexicon.words.map { word in
            if let letter = letterNames[word] { return letter.utf8.first ?? 0 }
            return word.utf8.count == 1 && word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
                ? word.utf8.first ?? 0 : 0
        }
    }

    private mutating func loadConcepts(_ root: YAMLNode) throws(LoadError) {
        for entry in try root.entries() {
            let id = conceptIDs[entry.key] ?? conceptNames.count
            if conceptIDs[entry.key] == nil {
                conceptIDs[entry.key] = id
                conceptNames.append(entry.key)
            }
            for item in try entry.value.list() {
                let words = TextNormalizer.phrase(try item.string())
                guard !words.isEmpty else { throw item.error("empty phrase in concept '\(entry.key)'") }
                conceptTrie.insert(words, .concept(id))
            }
        }
    }

    private mutating func loadEntities(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys(["slot", "values"])
        let slotNode = try root.required("slot")
        let slot = try slotNode.string()
        guard slots.contains(slot) else { throw slotNode.error("unknown slot '\(slot)'") }
        for item in try root.required("values").list() {
            try item.allowKeys(Set(["value", "name", "narrows"] + AliasUse.keys.map(\.key)))
            let valueNode = try item.required("value")
            let raw = try valueNode.string()
            let value: SlotValue = Int(raw).map { .number($0) } ?? .text(raw)
            if let node = item["narrows"] {
                let broader = SlotValue.text(try node.string())
                broaderValue[value] = broader
                narrowerValue[broader] = value
            }
            slotValueNames[slot, default: [:]][raw] = try item["name"]?.string() ?? raw
            for (key, use) in AliasUse.keys {
                guard let list = item[key] else { continue }
                for alias in try list.list() {
                    let words = TextNormalizer.phrase(try alias.string())
                    guard !words.isEmpty else { throw alias.error("empty alias") }
                    entityTrie.insert(words, .entity(slot: slot, value: value, use: use))
                    if use == .abbreviated {
                        abbreviationWords.formUnion(words)
                    } else {
                        otherAliasWords.formUnion(words)
                    }
                }
            }
        }
    }

    private mutating func loadNumbers(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys([
            "words", "phrases", "experience_units", "count_units", "fillers", "not_after", "not_before",
            "rate_suffixes", "rate_units", "rate_words", "rate_articles", "percent_words",
            "experience_words", "age_before", "age_after", "span_words", "word_number_tails", "gap_phrases",
            "other_work", "compared_words", "compared_fillers", "compared_joins",
        ])
        if let words = root["words"] {
            for entry in try words.entries() { numbers.words[entry.key] = try entry.value.int() }
        }
        if let phrases = root["phrases"] {
            for item in try phrases.list() {
                let slot = try item.required("slot").string()
                let words = TextNormalizer.phrase(try item.required("text").string())
                guard !words.isEmpty else { throw item.error("empty number phrase") }
                numbers.phraseTrie.insert(words, .concept(numbers.phrases.count))
                numbers.phrases.append((slot, try item.required("value").int()))
            }
        }
        func words(_ key: String) throws(LoadError) -> Set<String> { try Self.words(root, key) }
        numbers.experienceUnits = try words("experience_units")
        numbers.countUnits = try words("count_units")
        numbers.fillers = try words("fillers")
        numbers.notAfter = try words("not_after")
        numbers.notBefore = try words("not_before")
        // Suffixes are kept as written: "/hr" is part of a word ("22/hr"), not a phrase of its own.
        numbers.rateSuffixes = Set(try (root["rate_suffixes"]?.strings() ?? []).map { $0.lowercased() })
        numbers.rateUnits = try words("rate_units")
        numbers.rateWords = try words("rate_words")
        numbers.rateArticles = try words("rate_articles")
        numbers.percentWords = try words("percent_words")
        numbers.experienceWords = try words("experience_words")
        numbers.ageBefore = try words("age_before")
        numbers.ageAfter = try words("age_after")
        numbers.spanWords = try words("span_words")
        numbers.wordNumberTails = try words("word_number_tails")
        numbers.comparedWords = try words("compared_words")
        numbers.comparedFillers = try words("compared_fillers")
        numbers.comparedJoins = try words("compared_joins")
        numbers.gapPhrases = PhraseList(try Self.phraseLists(root, "gap_phrases"))
        numbers.otherWork = PhraseList(try Self.phraseLists(root, "other_work"))
    }

    private mutating func loadRules(_ root: YAMLNode) throws(LoadError) {
        try root.allowKeys(["intent", "rules"])
        let intent = try root.required("intent").string()
        for item in try root.required("rules").list() {
            try item.allowKeys(["all", "any", "not", "score", "lead"])
            var groups: [[Int]] = []
            var text: [String] = []
            if let all = item["all"] {
                for group in try all.list() {
                    let terms = try group.strings()
                    groups.append(try terms.map { term throws(LoadError) in try ruleFeature(term, at: group) })
                    text.append(terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " | ") + ")")
                }
            }
            if let any = item["any"] {
                let terms = try any.strings()
                groups.append(try terms.map { term throws(LoadError) in try ruleFeature(term, at: any) })
                text.append("(" + terms.joined(separator: " | ") + ")")
            }
            guard !groups.isEmpty else { throw item.error("a rule needs 'all' or 'any'") }
            guard groups.count <= 63 else { throw item.error("a rule may have at most 63 groups") }
            var not: [Int] = []
            if let n = item["not"] {
                for term in try n.strings() { not.append(try ruleFeature(term, at: n)) }
                text.append("not(" + (try n.strings()).joined(separator: " | ") + ")")
            }
            let scoreNode = try item.required("score")
            let score = try scoreNode.double()
            rules.append(
                Rule(
                    intent: intent,
                    intentIndex: intentIndex[intent] ?? 0,
                    groups: groups,
                    not: not,
                    score: score,
                    origin: "\(item.file):\(item.line)",
                    text: text.joined(separator: " + "),
                    lead: try item["lead"].map { node throws(LoadError) in try Self.lead(node) }
                )
            )
        }
    }

    /// A rule's `lead:`: the name of a template under `lead.` in Intents/templates.yaml.
    private static func lead(_ node: YAMLNode) throws(LoadError) -> Rule.Lead {
        let name = try node.string()
        guard name.hasPrefix(TemplateCatalog.leadPrefix) else {
            throw node.error("a rule's lead names a template under '\(TemplateCatalog.leadPrefix)', not '\(name)'")
        }
        return Rule.Lead(template: name, file: node.file, line: node.line, column: node.column)
    }

    /// Compiles one rule term: `$concept`, `@slot`, `~slot`, `^intent`, `#marker` or a literal phrase.
    private mutating func ruleFeature(_ term: String, at node: YAMLNode) throws(LoadError) -> Int {
        guard let first = term.first else { throw node.error("empty rule term") }
        let name = String(term.dropFirst())
        switch first {
        case "$":
            guard conceptIDs[name] != nil else { throw node.error("unknown concept '$\(name)'") }
            return feature(term)
        case "@", "~":
            guard slots.contains(name) else { throw node.error("unknown slot '\(name)' in '\(term)'") }
            return feature(term)
        case "^":
            guard intents.contains(name) else { throw node.error("unknown intent '\(name)' in '\(term)'") }
            return feature(term)
        case "#":
            guard ["#followup", "#reference", "#compare", "#number", "#code"].contains(term) else {
                throw node.error("unknown marker '\(term)'")
            }
            return feature(term)
        default:
            let words = TextNormalizer.phrase(term)
            guard !words.isEmpty else { throw node.error("rule term '\(term)' has no words") }
            let key = words.joined(separator: " ")
            if words.count > 1 { literalTrie.insert(words, .concept(feature(key))) }
            return feature(key)
        }
    }
}
