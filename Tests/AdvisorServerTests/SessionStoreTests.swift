import AdvisorCore
import NIOCore
import Testing

@testable import AdvisorServer

@Suite("Session store")
struct SessionStoreTests {
    static func ask(_ store: inout SessionStore, _ user: String, _ text: String, at now: NIODeadline) -> Answer {
        store.withConversation(of: user, now: now) { ServerFixture.advisor.answer(text, in: &$0) }
    }

    @Test("the least recently used conversation is forgotten first when a connection is full")
    func leastRecentlyUsed() {
        let budget = CountedBudget(limit: 100)
        var store = SessionStore(maxSessions: 2, idleTimeout: .minutes(30), budget: budget)
        let start = NIODeadline.now()
        _ = Self.ask(&store, "ann", "what does a CPC make in California", at: start)
        _ = Self.ask(&store, "bob", "what does a CCS make in Florida", at: start + .seconds(1))
        _ = Self.ask(&store, "ann", "hi", at: start + .seconds(2))
        _ = Self.ask(&store, "cat", "hi", at: start + .seconds(3))
        #expect(store.count == 2)
        #expect(store.lastAnswer(of: "bob") == nil)
        #expect(store.lastAnswer(of: "ann") != nil)
        #expect(budget.inUse == 2)
        store.removeAll()
        #expect(budget.inUse == 0)
    }

    @Test("conversations idle past the timeout are forgotten and their budget returned")
    func idleExpiry() {
        let budget = CountedBudget(limit: 100)
        var store = SessionStore(maxSessions: 10, idleTimeout: .seconds(60), budget: budget)
        let start = NIODeadline.now()
        _ = Self.ask(&store, "ann", "what does a CPC make in California", at: start)
        _ = Self.ask(&store, "bob", "hi", at: start + .seconds(50))
        let followUp = Self.ask(&store, "bob", "and in Texas?", at: start + .seconds(90))
        #expect(store.lastAnswer(of: "ann") == nil)
        #expect(store.count == 1)
        #expect(budget.inUse == 1)
        #expect(followUp.slots["credential"].isEmpty)
    }

    @Test("when the server-wide budget is spent, a new user is answered without kept context")
    func budgetSpent() {
        let budget = CountedBudget(limit: 1)
        var first = SessionStore(maxSessions: 10, idleTimeout: .minutes(30), budget: budget)
        var second = SessionStore(maxSessions: 10, idleTimeout: .minutes(30), budget: budget)
        let now = NIODeadline.now()
        _ = Self.ask(&first, "ann", "what does a CPC make in California", at: now)
        let answer = Self.ask(&second, "bob", "what does a CPC make in California", at: now)
        #expect(!answer.text.isEmpty)
        #expect(second.count == 0)
        #expect(budget.inUse == 1)
        first.reset("ann")
        #expect(budget.inUse == 0)
        _ = Self.ask(&second, "bob", "hi", at: now)
        #expect(second.count == 1)
    }
}
