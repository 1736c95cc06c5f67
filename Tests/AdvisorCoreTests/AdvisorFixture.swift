import AdvisorCore

/// The advisor on the embedded data, loaded once for all tests.
enum AdvisorFixture {
    static let shared: Advisor = {
        do {
            return try Advisor()
        } catch {
            fatalError("embedded data does not load: \(error)")
        }
    }()

    /// Answers a conversation's turns in order and returns every answer.
    static func converse(_ turns: [String]) -> [Answer] {
        var conversation = Conversation()
        return turns.map { shared.answer($0, in: &conversation) }
    }

    static func ask(_ text: String) -> Answer { converse([text])[0] }
}
