/// Two questions in one message: "crc salary, and is the exam hard?", "how much do dc coders make and why is it so
/// high there?". The first is answered, as a person would; the second waits for "the other thing i asked".
extension Advisor {
    /// The first of two questions joined by "and" / "also" / "plus" before a question word, or by a question mark, read
    /// alone, with the second's text; nil unless each reads as its own topic: the second alone reads as the whole did
    /// (it carried the message) or names nothing, and the first alone reads as another topic at least as surely as
    /// `first_question_above`.
    func firstOfTwoQuestions(_ a: Analysis, _ conversation: Conversation) -> (first: Analysis, rest: String)? {
        let words = a.words
        guard words.count >= 6, let top = a.ranking.first, top.intent != "out_of_scope",
            let k = secondQuestionStart(a)
        else { return nil }
        let text = a.sanitized.unicodeScalars
        let firstText = String(String.UnicodeScalarView(text.prefix(a.tokens[k].start)))
        let restStart = model.context.questionOpeners.contains(words[k]) ? k : k + 1
        let restText = String(String.UnicodeScalarView(text.dropFirst(a.tokens[restStart].start)))
        // "Should I get the CPC or the CCA? Actually, forget which is better, just tell me which is cheaper": the second
        // takes the first back.
        guard matcher.retraction(in: k..<words.count, a) == nil else { return nil }
        // The first alone must read as another topic (most messages with an "and" fail here, after one reading).
        let first = matcher.analyze(matcher.read(firstText), conversation: conversation)
        guard let lead = first.ranking.first, lead.intent != top.intent, lead.intent != "out_of_scope",
            lead.score >= model.settings.firstQuestionAbove
        else { return nil }
        // The second reads as the whole did, or leans on the first ("... and why is it so high there?"); one that names
        // values of its own ("... and how about ohio") is part of one question.
        let rest = matcher.analyze(matcher.read(restText), conversation: conversation)
        guard rest.ranking.first?.intent == top.intent || rest.entities.isEmpty else { return nil }
        return (first, restText)
    }

    /// Where a second question starts: the joining word before a question word ("..., and is the exam hard"), or the
    /// word after a question mark inside the message ("... new york state? also curious ..."), with at least two
    /// words before it and three after.
    private func secondQuestionStart(_ a: Analysis) -> Int? {
        let words = a.words
        guard words.count >= 6 else { return nil }
        // Where question marks stand inside the message, found in one pass (most messages have none before the end).
        var marks: Set<Int> = []
        if a.sanitized.utf8.contains(UInt8(ascii: "?")) {
            for (offset, scalar) in a.sanitized.unicodeScalars.enumerated() where scalar == "?" { marks.insert(offset) }
        }
        for k in 2..<(words.count - 3) {
            let word = words[k]
            if word == "and" || word == "also" || word == "plus", model.context.questionOpeners.contains(words[k + 1]) {
                return k
            }
            // "is it worth stacking a second cert? like whats the gap": the second says the first again.
            if !marks.isEmpty, marks.contains(a.tokens[k - 1].end), !Self.restatements.contains(word) { return k }
        }
        return nil
    }

    /// Words that open a question saying the one before it again, in other words.
    static let restatements: Set<String> = ["like", "i", "so", "basically", "meaning", "ie", "actually"]

    /// The question left waiting, when a short message asks for it: "ok and the other thing i asked?", "the why
    /// part?", "you skipped that" (`pending_references`), within three turns of the message that asked it.
    func pendingQuestionAsked(_ a: Analysis, _ conversation: Conversation) -> String? {
        guard let pending = conversation.pendingQuestion, conversation.turns - pending.turn <= 3,
            a.words.count <= 7, a.entities.isEmpty, model.context.pendingReferences.occurs(in: a.phraseIDs)
        else { return nil }
        return pending.text
    }
}
