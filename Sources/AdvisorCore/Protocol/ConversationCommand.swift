/// A request that acts on a user's conversation instead of asking a question; every door answers it alike.
public enum ConversationCommand: String, Sendable, Equatable {
    /// Forget the user's conversation.
    case reset
    /// Explain the user's last answer (`TraceFormatter`).
    case why
    /// List the citations of the user's last answer.
    case sources

    /// The reply's text, given the user's last answer before the request (a reset forgets it).
    public func replyText(lastAnswer: Answer?) -> String {
        switch self {
        case .reset: return "Conversation reset."
        case .why: return lastAnswer.map { TraceFormatter.format($0) } ?? "Nothing answered yet."
        case .sources: return lastAnswer?.citations.joined(separator: "\n") ?? "Nothing answered yet."
        }
    }

    /// The JSON reply line's object: the request's `id` and `user` echoed when given, the type and the text.
    public func jsonReply(text: String, id: String?, user: String?) -> String {
        var fields: [(String, String)] = []
        if let id { fields.append(("id", JSONWriter.quote(id))) }
        fields.append(("type", JSONWriter.quote(rawValue)))
        if let user { fields.append(("user", JSONWriter.quote(user))) }
        fields.append(("text", JSONWriter.quote(text)))
        return JSONWriter.object(fields)
    }
}
