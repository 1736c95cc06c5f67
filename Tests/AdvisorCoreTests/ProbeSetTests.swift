import Foundation
import Testing

@testable import AdvisorCore

/// The fresh probe sets of `Tests/Probes/` (questions written by people who had not seen the rules) stay above
/// the bars they reached: a change to the rules that helps one phrasing must not cost others.
@Suite("Probe sets")
struct ProbeSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Probes")

    /// Sets held to a lower dialogue bar, at what they reached. Set 14's writer carried slots into turns of another
    /// intent ("would auditing be the natural move" keeping the E/M specialty and 7 years) and read a bare "one"
    /// after a question about certificates as a count of them; the advisor does neither. Set 16's dialogues read
    /// "from 2 to 10" as a comparison of years and "remote?" after a pay answer as a pay question; the advisor
    /// does not yet. Sets 19 and 20 (third session) list no setting for "remotely for American clinics" where the
    /// development set lists both settings named, carry a statistic into "what if I moved to inpatient?", and read
    /// "how do I get there faster" after a pay answer as a question of tips; sets 21 and 22 carry a credential into
    /// "what about after 10 years?" read as a career question, and a metro into "do the remote ones pay more than
    /// local"; sets 23 and 24 carry "average" across an out-of-scope turn and a state into a comparison of
    /// credentials; sets 25 and 26 carry "new" as entry level into a later turn and expect a comparison of the
    /// settings of two turns ("compare the billing co and insurance pay"); set 27 reads "how do I drop the A" after
    /// "stuck as a CPC-A" as about the CPC-A alone; set 29 reads "just passed the cpc, how do i get rid of the A" as
    /// about the CPC-A; set 30 asks about one state while naming where the asker lives ("i live in northern kentucky
    /// and can work in cincinnati. coder pay in ohio?") and carries "remote" into "where do i find legit ones"; sets 31
    /// and 32 read "which is better for inpatient work" and "CPC or CCS for me then" as recommendations (the advisor
    /// compares the two), and set 32 asks about the US while naming the UK as where the asker works; set 34 weighs two
    /// job offers in one message and reads a bare "2" after a question about certificates as a count of them; set 37
    /// reads a UK asker's "here" as the UK; set 38 names
    /// regions ("the midwest, like illinois") and asks "just the number" after a comparison; set 40 asks "which of
    /// those two would you recommend" (a recommendation; the advisor compares) and has "compare those two with san
    /// jose" add a third city; set 41 compares states by cost of living and asks which state has more jobs; set 42
    /// reads "top 10%" as a percentile; sets 43 and 44 label "how old is that data" after a comparison as a single pay
    /// question and carry slots into follow-ups about jobs; set 46 reads "top 10 percent" as a percentile and asks for
    /// "the median there" after a question about jobs; all held at what they reached. Bars raised on 5 December (fourth session) where the
    /// sets had risen: 16, 20, 21, 24–27; and in the fifth: 30, 38. Set 20 lowered (sixth session, 0.91 → 0.89):
    /// "which of those two should I get" after two credentials now recommends one of them, as the writers of sets
    /// 47, 48 and 50 label it; set 20's writer labels it a comparison. Sets 47–54 (sixth session) are held at what
    /// they reached, and 55–98 too (57, 60, 67, 81, 83, 86 and 87 at the default): their dialogues carry constructions still unmet (a third credential "added" to two, the "p one"
    /// for the CCS-P, two statistics asked at once, a coder living in one state for an employer in another).
    static let dialogueBars: [Int: Double] = [
        14: 0.90, 16: 0.90, 19: 0.85, 20: 0.89, 21: 0.93, 22: 0.89, 23: 0.87, 24: 0.95, 25: 0.95, 26: 0.94, 27: 0.93,
        29: 0.93, 30: 0.93, 31: 0.94, 32: 0.90, 33: 0.95, 34: 0.86, 35: 0.91, 36: 0.90, 37: 0.81, 38: 0.87, 40: 0.94,
        41: 0.91, 42: 0.84, 43: 0.86, 44: 0.82, 46: 0.87, 47: 0.91, 48: 0.91, 49: 0.88, 50: 0.90, 51: 0.93, 52: 0.90,
        53: 0.89, 54: 0.87, 55: 0.91, 56: 0.94, 58: 0.95, 59: 0.94, 61: 0.92, 62: 0.89,
        63: 0.92, 64: 0.93, 65: 0.93, 66: 0.87, 68: 0.87, 69: 0.80, 70: 0.90, 71: 0.90, 72: 0.90, 73: 0.81, 74: 0.85,
        75: 0.87, 76: 0.89, 77: 0.89, 78: 0.89, 79: 0.93, 80: 0.94, 82: 0.87, 84: 0.91,
        85: 0.90, 88: 0.85, 89: 0.79, 90: 0.89, 91: 0.93, 92: 0.92, 93: 0.90, 94: 0.90, 95: 0.90, 96: 0.94,
        97: 0.91, 98: 0.93, 100: 0.94, 103: 0.91, 104: 0.97, 105: 0.93, 108: 0.95, 109: 0.90, 110: 0.87, 111: 0.89,
        112: 0.91, 116: 0.91, 118: 0.80, 122: 0.83, 123: 0.94, 126: 0.91, 127: 0.90,
        128: 0.88, 131: 0.95, 132: 0.93, 133: 0.94, 134: 0.94, 135: 0.90, 136: 0.88, 137: 0.86, 138: 0.89, 139: 0.94,
        140: 0.79, 141: 0.91, 142: 0.88, 143: 0.80, 144: 0.90, 145: 0.91, 146: 0.87, 147: 0.92, 148: 0.84, 149: 0.94,
        150: 0.76, 151: 0.93, 152: 0.92, 153: 0.93, 154: 0.90, 155: 0.93, 156: 0.90,
        158: 0.88, 159: 0.92, 160: 0.90, 161: 0.74, 162: 0.89, 163: 0.90, 164: 0.94, 165: 0.78, 166: 0.92, 167: 0.91,
        168: 0.90, 169: 0.90, 170: 0.95, 171: 0.75, 172: 0.75, 173: 0.87,
    ]

    /// Sets still under the intent or out-of-scope bars after a first mending, held at what they reached: voice
    /// dictation by people over 55 (96), skeptics quoting figures (98), planners who think in money and time (102).
    /// Living costs asked with no word of pay ("cost of living Denver vs Phoenix", set 95) are out of scope since the
    /// eighth session, so set 95 is back under the common out-of-scope bar. Round 15 (103: working coders in the trade's own
    /// words; 104: places asked about less often) was measured once at the end of the eighth session and not mended:
    /// It was mended in the ninth session (103 0.845 → 0.905, 104 0.915 → 0.920) with round 16 (105: a plain
    /// cross-section, 106: people returning after a break, 107: askers who think in numbers, 108: conversation-heavy),
    /// which met 0.990 / 0.945 / 0.915 / 0.985 on first contact; all held at what they reached. Round 17 (109: a plain
    /// cross-section, 110: askers outside the US, 111: neighbouring healthcare jobs, 112: a mobile app's fragments),
    /// measured on the binary that had mended round 16 (0.985 / 0.915 / 0.930 / 0.935), is held at what one mending
    /// pass reached. Round 18 (tenth session; 113: a plain cross-section, 114: students part-way through a course, 115:
    /// skeptics who challenge figures, 116: people who change their mind mid-chat) met 0.975 / 0.920 / 0.920 / 0.965 on
    /// first contact and, mended, stays above the common bars but for set 116's dialogues (0.91). Round 19 (117: a
    /// plain cross-section, 118: mid-career coders whose dialogues follow one person's situation), written after round
    /// 18 was mended, met 0.980 and 0.945 on first contact; set 118's dialogues (0.79: "who offers it" after a
    /// recommendation, a manager's pay) are held where they stand. Round 20 (eleventh session; 119: a plain
    /// cross-section typed on a phone, 120: people sizing the field up from another life) met 1.000 / 0.975 on first
    /// contact (dialogues 0.906 / 0.943) and, mended, stays above the common bars. Round 21 (121: a plain
    /// cross-section, 122: askers who compare and narrow across many turns), written after round 20 was mended, met
    /// 0.980 and 0.965 on first contact; set 122's dialogues (0.79 first, 0.83 after a short pass: lists grown by "and
    /// X" alone, a statistic for two states at once) and its out-of-scope recall (0.94) are held where they stand.
    /// Round 22 (twelfth session; 123: working coders in the trade's shorthand, 124: a community-college chat box)
    /// met 0.920 / 0.960 on first contact (dialogues 0.882 / 0.943) and, mended, 0.975 / 0.995; set 123's dialogues
    /// (0.94: "pro-fee" read as no setting, as older sets label it) are held where they stand. Round 23 (125: people
    /// asking for someone else, 126: search-box fragments), written after round 22 was mended, met 0.945 / 0.975 on
    /// first contact (dialogues 0.931 / 0.893) and, mended, 0.980 / 0.995; set 126's dialogues (0.91: "pay" alone
    /// after two credentials compared, the third of three places asked one by one) and set 125's out-of-scope recall
    /// (0.94) are held where they stand. Round 24 (127: a plain cross-section, 128: the worried and the skeptical),
    /// written after round 23 was mended, met 0.960 / 0.885 on first contact (dialogues 0.904 / 0.853, set 128's
    /// out-of-scope recall 0.83) and had one short pass at the end of the session (128: 0.925, recall 1.00); both
    /// are held where they stand (128 raised to 0.94 and dialogues 0.88 in the thirteenth session, when doubts of a
    /// figure just given, "that seems low for a degree", became the pay question again). Round 25 (129: billers and
    /// front-office staff, with dialogues that doubt figures; 130: career changers who say where they come from) met
    /// 0.980 / 0.960 on first contact (dialogues 0.927 / 0.990) and, mended, stays above the common bars. Round 26
    /// (131: the hiring side, HR and practice managers; 132: students, with long dialogues that come back to earlier
    /// topics), written after round 25 was mended, met 0.930 / 0.965 on first contact (dialogues 0.893 / 0.908, set
    /// 131's out-of-scope recall 0.88) and, mended, 0.960 / 0.980; set 131's intent (0.96: a practice manager's pay),
    /// out-of-scope recall (0.94) and dialogues (0.96), and set 132's dialogues (0.93: "once the A is gone" as the CPC,
    /// a count asked as "3 or more" after certificates in general) are held where they stand. Round 27 (fourteenth
    /// session; 133: long messages that tell a story before they ask, 134: coders climbing the credential ladder) met
    /// 0.775 / 0.945 on first contact (dialogues 0.761 / 0.907, set 133's out-of-scope recall 0.28) and, with long
    /// messages read for their question, 0.970 / 0.985; set 133's dialogues (0.95) and out-of-scope recall (0.89: a
    /// landlord or a daughter's degree asked about after a story of coding) and set 134's dialogues (0.94: "pro-fee"
    /// as no setting, as older sets label it) are held where they stand. Rounds 28-30 (fifteenth session; 135: a plain
    /// cross-section, 136: readers of the career guides checking their claims, 137: people who think out loud across
    /// many turns; 138: a community college's chat, 139: pay questions with several details, 140: career changers
    /// planning step by step in long chats; 141: a hospital system's careers site, 142: an exam-study Discord, 143:
    /// askers who want to know where figures come from) met 0.975 / 0.867 / 0.967, 0.992 / 0.958 / 0.880 and 0.950 /
    /// 0.933 / 0.917 on first contact (dialogues 0.875 / 0.828 / 0.747, 0.829 / 0.878 / 0.758, 0.892 / 0.830 / 0.764)
    /// and, mended, are held where they stand: their dialogues carry constructions still unmet (the cheaper of two
    /// credentials picked by its fee, two statistics asked at once, a third credential added to two by "also", an
    /// exam asked about by a bare "how long"). Round 31 (144: a public library's chat, 145: ordinary multi-turn chats,
    /// 146: conditional and hypothetical questions), written after round 30 was mended, met 0.950 / 0.983 / 0.933 on
    /// first contact (dialogues 0.893 / 0.911 / 0.859; on the session-start binary 0.942 / 0.983 / 0.917) and had one
    /// short pass; held where they stand. Round 32 (sixteenth session; 147: a state workforce office's chat, 148: people
    /// writing English as a second language, 149: voice-assistant transcripts, 150: experienced coders talking shop) met
    /// 0.958 / 0.917 / 0.967 / 0.892 on first contact (dialogues 0.903 / 0.786 / 0.860 / 0.746) and, mended, 0.983 /
    /// 0.983 / 0.983 / 0.950 (dialogues 0.927 / 0.847 / 0.950 / 0.770); held where they stand: set 150's writer labels
    /// credentials held beside the one asked about as a count ("have CPC and CRC": 2) and leaves the held one out of
    /// the slots, where older sets keep both. Round 33 (151: a job board's chat, 152: a coding forum's helper bot, 153:
    /// ordinary multi-turn chats), written after round 32 was mended, met 0.967 / 0.992 / 0.983 on first contact
    /// (dialogues 0.915 / 0.873 / 0.892) and, mended, 0.983 / 0.992 / 1.000 (dialogues 0.941 / 0.929 / 0.937); held
    /// where they stand. Round 34 (154: a coding-school comparison site, 155: a health system's intranet, 156: phone
    /// typists on a break), written after round 33 was mended, met 0.983 / 0.967 / 0.992 on first contact (dialogues
    /// 0.878 / 0.902 / 0.885; on the session-start binary 0.870 / 0.893 / 0.885) and, mended, 0.992 / 0.992 / 1.000
    /// (dialogues 0.902 / 0.934 / 0.908); held where they stand, set 156's out-of-scope recall at 0.90 (one of ten missed).
    /// Round 35 (157: a coding Facebook group, 158: people in particular situations, 159: chats that switch topic and
    /// come back), written after round 34 was mended, met 0.975 / 0.958 / 0.983 on first contact (dialogues 0.966 /
    /// 0.873 / 0.918; on the session-start binary 0.967 / 0.958 / 0.983, dialogues 0.949 / 0.873 / 0.913) and, after a
    /// short pass, 0.975 / 0.983 / 1.000 (dialogues 0.966 / 0.881 / 0.928; set 158's out-of-scope precision 1.00).
    /// Round 36 (160: ordinary multi-turn chats, 161: people weighing two or three options across a chat), written
    /// after round 35 was mended, met 1.000 / 0.967 on first contact (dialogues 0.877 / 0.720; session-start binary
    /// 0.872 / 0.715) and, after a short pass, 1.000 / 0.967 (dialogues 0.910 / 0.750): set 161's writer labels "which
    /// one has a better pass rate" and the like as comparisons, a credential held as a count, and one option of a
    /// pair asked about ("what do coders make in ohio" while weighing Ohio and Pennsylvania) as that one alone; held
    /// where it stands, its out-of-scope recall at 0.83. Round 37 (seventeenth session; 162: a military transition
    /// office, 163: students and their parents, 164: ordinary multi-turn chats, 165: long messages with a story) met
    /// 0.958 / 0.942 / 1.000 / 0.917 on first contact (dialogues 0.844 / 0.840 / 0.932 / 0.760) and, mended, 1.000 /
    /// 0.975 / 1.000 / 0.958 (dialogues 0.898 / 0.908 / 0.941 / 0.783): set 165's writer drops from the slots what
    /// the story tells about the asker ("I code at a hospital now. what do coders make in new york state?"), where
    /// the development set and set 37 keep it. Round 38 (166: ordinary multi-turn chats, 167: places, 168: skeptical
    /// and impatient askers, 169: keyword queries), written after round 37 was mended, met 1.000 / 0.917 / 0.975 /
    /// 0.992 (dialogues 0.902 / 0.839 / 0.899 / 0.831) and, mended, 1.000 / 0.975 / 0.992 / 0.992 (dialogues 0.922 /
    /// 0.911 / 0.907 / 0.907); all held where they stand. Round 39 (170: ordinary multi-turn chats, 171: credentials
    /// and exams in detail, 172: two questions in one message, 173: askers from outside the US), written after round 38
    /// was mended, met 1.000 / 0.942 / 0.933 / 0.942 on first contact (dialogues 0.951 / 0.740 / 0.695 / 0.855); only
    /// the reading of two questions in one message, member prices and a few rules for askers abroad were added after
    /// (171 dialogues 0.756; 172: 0.958, dialogues 0.756; 173: 0.950, dialogues 0.871); held where they stand.
    static let intentBars: [Int: Double] = [
        96: 0.94, 98: 0.93, 102: 0.94, 103: 0.90, 104: 0.92, 107: 0.94, 110: 0.94, 111: 0.94, 128: 0.94, 131: 0.96,
        136: 0.90, 140: 0.89, 143: 0.92, 146: 0.94, 150: 0.94, 171: 0.94, 173: 0.94,
    ]
    static let outOfScopeRecallBars: [Int: Double] = [
        103: 0.81, 106: 0.94, 112: 0.94, 122: 0.94, 125: 0.94, 127: 0.94, 131: 0.94, 133: 0.88, 136: 0.90, 137: 0.82,
        139: 0.91, 140: 0.79, 141: 0.89, 143: 0.89, 145: 0.79, 149: 0.89, 156: 0.89, 161: 0.83, 172: 0.90, 173: 0.90,
    ]
    static let outOfScopePrecisionBars: [Int: Double] = [
        104: 0.89, 111: 0.85, 112: 0.80, 143: 0.89, 149: 0.89, 173: 0.90,
    ]

    @Test("each probe set: intent ≥ 0.95, dialogue turns ≥ 0.95, out-of-scope precision ≥ 0.93 and recall ≥ 0.95")
    func probeSetsStayAboveTheirBars() throws {
        let evaluator = Evaluator(advisor: AdvisorFixture.shared)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        let sets = names.compactMap { name -> Int? in
            guard name.hasPrefix("set"), name.hasSuffix("_single.jsonl") else { return nil }
            return Int(name.dropFirst(3).dropLast("_single.jsonl".count))
        }.sorted()
        // Sets 1–11 and 13 (set 12 was measured and not kept); a missing folder must not pass unnoticed.
        #expect(sets.count >= 12, "\(sets)")
        for set in sets {
            var cases: [EvalCase] = []
            for part in ["single", "dialogues"] {
                cases += try EvalFile.read(Self.folder.appendingPathComponent("set\(set)_\(part).jsonl").path)
            }
            let report = evaluator.run(cases)
            let misses = report.failures.prefix(10).map { "\($0.question.text) → \($0.intent ?? "none")" }
            // Set 53 has 120 single questions and 32 dialogues (180 turns), set 142 60 questions and 141 turns: the
            // questions scored count together.
            #expect(report.questions + report.dialogueTurns >= 200 && report.dialogueTurns >= 40, "set \(set)")
            #expect((report.intentAccuracy ?? 0) >= (Self.intentBars[set] ?? 0.95), "set \(set): \(misses)")
            #expect((report.dialogueTurnAccuracy ?? 0) >= (Self.dialogueBars[set] ?? 0.95), "set \(set): \(misses)")
            #expect(report.outOfScopePrecision >= (Self.outOfScopePrecisionBars[set] ?? 0.93), "set \(set)")
            #expect(report.outOfScopeRecall >= (Self.outOfScopeRecallBars[set] ?? 0.95), "set \(set)")
        }
    }
}
