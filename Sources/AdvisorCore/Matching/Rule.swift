/// One matching rule of an intent, compiled: every group must be present, no `not` feature may be.
struct Rule: Sendable {
    let intent: String
    /// Position of `intent` in `IntentModel.intents`.
    let intentIndex: Int
    /// Each group is a set of alternative feature ids.
    let groups: [[Int]]
    let not: [Int]
    let score: Double
    /// Where the rule is written, `Intents/rules/salary.yaml:12`.
    let origin: String
    /// The rule as written, for explanations.
    let text: String
    /// A template shown above the answer when this rule decides the intent (`lead:` in the rule), and where it is
    /// named, so a missing template is reported there.
    var lead: Lead? = nil

    struct Lead: Sendable {
        let template: String
        let file: String
        let line: Int
        let column: Int
    }
}

/// The numeric grammar: number words, and the units that make a number a slot value.
struct NumberGrammar: Sendable {
    var words: [String: Int] = [:]
    /// Multi-word number phrases ("a decade") and what they mean; `phraseTrie` payloads index this list.
    var phrases: [(slot: String, value: Int)] = []
    var phraseTrie = PhraseTrie()
    var experienceUnits: Set<String> = []
    var countUnits: Set<String> = []
    var fillers: Set<String> = []
    var notAfter: Set<String> = []
    var notBefore: Set<String> = []
    /// Hourly wages: what may follow the digits in the same word ("22/hr"), and the words after one.
    var rateSuffixes: Set<String> = []
    var rateUnits: Set<String> = []
    var rateWords: Set<String> = []
    var rateArticles: Set<String> = []
    /// Words that may follow a number written as a word that stands alone ("three or more"; `word_number_tails`).
    var wordNumberTails: Set<String> = []
    /// Words that make the number before them a percentage ("20 percent"), never a slot value.
    var percentWords: Set<String> = []
    /// Words after a number of years that say it is experience ("6 years of experience", "2 years on the job").
    var experienceWords: Set<String> = []
    /// Words that make a number beside them the asker's age, never a count ("I'm 45", "45 years old").
    var ageBefore: Set<String> = []
    var ageAfter: Set<String> = []
    /// Words that join two numbers into a span or a list ("from 5 to 10 years", "2 and 10 years").
    var spanWords: Set<String> = []
    /// Words before the other number of a comparison ("vs 1"; `compared_words`), words that may stand between them
    /// ("vs just 1"; `compared_fillers`), and the words that follow "compared" before it ("compared to one";
    /// `compared_joins`).
    var comparedWords: Set<String> = []
    var comparedFillers: Set<String> = []
    var comparedJoins: Set<String> = []
    /// Phrases that make years beside them time away from work, not experience ("out of the workforce 11 years";
    /// `gap_phrases`).
    var gapPhrases = PhraseList()
    /// Jobs outside coding and billing that make years beside them no coding experience ("8 years as a dental
    /// assistant"; `other_work`).
    var otherWork = PhraseList()

    func value(of word: String) -> Int? {
        guard let first = word.utf8.first else { return nil }
        guard first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return words[word] }
        var n = 0
        var digits = 0
        for byte in word.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 4 {
                n = n * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            } else if byte != UInt8(ascii: "+") || digits == 0 {
                return words[word]
            }
        }
        // "5", "10+", not "5+3"
        return n < 1000 && !word.utf8.dropFirst(digits).contains(where: { $0 != UInt8(ascii: "+") }) ? n : words[word]
    }
}

/// Words that make an utterance a follow-up, and the context that ambiguous aliases need.
struct ContextWords: Sendable {
    var openers: [[String]] = []
    var references: Set<String> = []
    var referencePhrases: [[String]] = []
    var ordinals: [[String]: Int] = [:]
    /// The same phrases as tries, so a question is scanned once: openers, reference phrases and
    /// ordinals (payload: the ordinal's index).
    var openerTrie = PhraseTrie()
    var referenceTrie = PhraseTrie()
    var ordinalTrie = PhraseTrie()
    var contextBefore: Set<String> = []
    /// Aliases that are not entities when they end the question ("what does I10 mean").
    var notAtEnd: Set<String> = []
    /// Words that add the named values to the list in focus ("add CIC to that").
    var additive: Set<String> = []
    /// Ambiguous aliases that stay words even after a list of their slot ("ny and me").
    var wordsNotListed: Set<String> = []
    /// Words that make an exam question a general one, not one about the credential in focus ("hardest", "aapc").
    var notAboutFocus = WordList()
    /// Words that, with a reference or opening a fragment, compare a named value with the one in focus ("is it
    /// harder than the CPC?", "compared to a CPC?").
    var compareWithFocus = WordList()
    /// Words that make a comparison of recent answers take all of them kept, not the last two ("rank them").
    var compareAllRecent = WordList()
    /// Topics a question naming one value only ("remote?", "CCS?") goes on with.
    var valueContinues: Set<String> = []
    /// Comparisons a question naming one value of the slot compared narrows to that value, by the topic it goes on
    /// with (`compared_value_narrows`: "what about Sacramento" after San Jose vs San Francisco asks Sacramento's pay).
    var comparedValueNarrows: [String: String] = [:]
    /// The slot each topic keeps from the conversation even in a new question (`kept_by_topic`).
    var keptByTopic: [String: String] = [:]
    /// Intents no follow-up continues (`not_continued`): small talk and out of scope.
    var notContinued: Set<String> = []
    /// Words that make numbers a comparison (`comparison_words`).
    var comparisonWords = WordList()
    /// Words a question naming only values may have besides them (`fragment_words`).
    var fragmentWords: Set<String> = []
    /// Words that point back to the last place discussed ("what would I make there"; `place_references`).
    var placeReferences = WordList()
    /// Phrases that point to the place discussed last even in a new question ("what do remote coders make up here";
    /// `local_references`).
    var localReferences = PhraseList()
    /// Words that make a bare number a count of the number slot in focus, even in a new question ("how many CEUs
    /// would I need with 3" after pay with 2 credentials).
    var numberHolders = WordList()
    /// Words before a number word that make it a group pointed back to ("compare those two", "all three"), not a
    /// number (`number_groups`).
    var numberGroups: Set<String> = []
    /// Words that rank every value of a slot rather than the ones discussed ("the highest paying state"; `superlatives`).
    var superlatives = WordList()
    /// Words after which an ambiguous alias in lower case ending the question counts ("salary in pa";
    /// `codes_at_end_after`), unless it is one of `not_codes_at_end` or a common word (`words_not_listed`).
    var codesAtEndAfter: Set<String> = []
    var notCodesAtEnd: Set<String> = []
    /// Phrases that ask about the whole state of the metro in focus ("what about the whole state" after New York
    /// City; `whole_state`).
    var wholeState = PhraseList()
    /// Ambiguous codes that a capital does not make a place beside another value or in brackets, because the trade
    /// writes them in capitals too ("MA" a medical assistant, "PA" a physician assistant; `capital_codes_not_places`).
    var capitalCodesNotPlaces: Set<String> = []
    /// Words that join two ambiguous aliases of one slot into a pair that counts, common words included ("wa vs
    /// or"; `pair_joiners`).
    var pairJoiners: Set<String> = []
    /// Words that name the nation and words that set a place against it: with one place, a pay question compares
    /// it with the national figure ("is arizona above the national median"; `national_words`, `national_compares`).
    var nationalWords = WordList()
    var nationalCompares = WordList()
    /// Words that point back to the two credentials discussed last ("which of the two"; `pair_references`).
    var pairReferences = WordList()
    /// Words that ask to choose between credentials compared (`choice_words`).
    var choiceWords = WordList()
    /// Words that point to the value discussed before the one in focus (`other_references`).
    var otherReferences = WordList()
    /// Words that make credentials named together the ones held (`held_words`).
    var heldWords = WordList()
    /// Words that take back the value after them ("not the CPC") when another of its slot is named (`taken_back`).
    var takenBack: Set<String> = []
    /// Words that put a value in place of one named before ("CIC, no sorry i mean COC"; `correction_words`).
    var correctionWords: Set<String> = []
    /// Words that turn a word of `correction_words` round ("i dont mean outpatient"; `negated_corrections`).
    var negatedCorrections: Set<String> = []
    /// Words that may stand between those words and the value (`correction_fillers`: "not the CPC", "i mean the CCS").
    var correctionFillers: Set<String> = []
    /// Whole messages that ask to go on with the previous answer ("why?", "tell me more"; `go_on`), normalised.
    var goOn: Set<String> = []
    /// Phrases that take back what came before them ("scratch that", "never mind"; `retractions`).
    var retractions: [[String]] = []
    /// Phrases whose words name no value and open no concept, though rules may still list them ("stay at home": no
    /// remote setting; `not_values`).
    var notValues = PhraseList()
    /// Words that say where the asker lives ("i live in kentucky", "im from ohio"; `residence_words`).
    var residenceWords: Set<String> = []
    /// Words that say where the asker lives only with a filler after them ("im in texas"; `residence_linkers`).
    var residenceLinkers: Set<String> = []
    /// Words that may stand between those words and the place ("live in northern kentucky"; `residence_fillers`).
    var residenceFillers: Set<String> = []
    /// Words besides `comparison_words` that keep the place lived in as a place compared (`residence_compares`).
    var residenceCompares = WordList()
    /// Slots whose values can be a place lived in (`residence_slots`): a country lived in is kept, since it bears on
    /// what the asker can do ("I live in the UK but want to code remotely for US practices").
    var residenceSlots: Set<String> = []
    /// Two-letter words a word typed without its space may split into ("makein" → "make in"; `run_together_short`):
    /// other two-letter words do not ("schooler" is no "school er").
    var runTogetherShort: Set<String> = []
    /// First words that make a sentence without a question mark a question ("what", "how"; `question_openers`): the
    /// sentence of a long message its intent is read from (`MessageParts`).
    var questionOpeners: Set<String> = []
    /// Words before a period that end no sentence ("Dr.", "St."; `period_abbreviations`).
    var periodAbbreviations: Set<String> = []
    /// The slots the rest of a long message may fill when its question leaves them open (`background_slots`: "I have
    /// my CPC and live in Ohio. What could I make?"), and the intents that take none (`background_not_for`).
    var backgroundSlots: [String] = []
    var backgroundNotFor: Set<String> = []
    /// Words that refer to several values told before ("those", "both"; `plural_references`).
    var pluralReferences = WordList()
    /// Pronouns by which a question leans on the story told before it ("what will they ask?"; `story_references`).
    var storyReferences = WordList()
    /// Words by which a short message asks for the question left waiting ("the other thing i asked", "the why part";
    /// `pending_references`).
    var pendingReferences = WordList()
    /// Words that put a number slot in focus without a value, so a bare number next fills it ("does having more certs
    /// pay off", then "and with 2?"; `counted_topics`): the slot and its words, each word under one slot.
    var countedTopics: [(slot: String, words: WordList)] = []
    /// Phrases that leave a narrower value behind, so the value it narrows is meant ("once the a is gone" after a
    /// CPC-A's pay is the CPC's; `narrower_left`).
    var narrowerLeft = PhraseList()
    /// Phrases that choose between the two values of a slot discussed last, on topics other than comparisons of pay or
    /// credentials ("which one's more in demand" after orthopedic and then cardiology pay; `choice_among`).
    var choiceAmong = PhraseList()
    /// The topic a comparison narrows to when a follow-up picks one of its values by place ("whats the first one
    /// for" after COC vs CIC; `ordinal_narrows`).
    var ordinalNarrows: [String: String] = [:]
    /// Picks of one credential of several by a published attribute ("the harder one"; `credential_picks`).
    var credentialPicks: [CredentialPick] = []
    /// Words before a value named that put it after the value in focus in a comparison ("and cdeo, hows that
    /// different" after the CPMA; `after_focus`).
    var afterFocus: Set<String> = []
    /// Aspects that belong to the narrower value of a slot ("apprentice": the CPC-A, not the CPC;
    /// `narrower_aspects`).
    var narrowerAspects: Set<String> = []
    /// Concepts whose phrases refer back as reference words do ("where's the mn number from": `$source_question`;
    /// `reference_concepts`), as named, then as feature ids once the rules that use them are compiled.
    var referenceConceptNames: [(name: String, at: YAMLNode)] = []
    var referenceConcepts: [Int] = []
}
