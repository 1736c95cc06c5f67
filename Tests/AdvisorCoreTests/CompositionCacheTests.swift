import Foundation
import Testing

@testable import AdvisorCore

/// Pay and credential answers reused from the cache must be the answers the composers would write afresh.
@Suite("answer cache")
struct CompositionCacheTests {
    /// What a reader sees of an answer, and what `:why` shows of how it was made.
    func visible(_ a: Answer) -> [String] {
        [a.intent, a.text, a.trace.query, a.trace.template]
            + a.sources + a.citations + a.trace.records + a.slots.names.map { "\($0)=\(a.slots[$0])" }
    }

    @Test("every example utterance and a conversation: the cached answer equals the one written afresh")
    func cachedEqualsFresh() throws {
        let files = try DataSource.embedded.files()
        let cached = AdvisorFixture.shared
        let fresh = try Advisor(source: .files(files), cacheCapacity: 0)
        let questions = try ExampleUtterance.all(in: files).map(\.text)
        // Twice through the cached advisor: the second pass reads every pay and credential answer from the cache.
        for pass in 0..<2 {
            var c1 = Conversation()
            var c2 = Conversation()
            for q in questions + ["cpc pay in nj", "and in texas?", "what about the CCS?", "add CIC to that"] {
                let a = cached.answer(q, in: &c1)
                let b = fresh.answer(q, in: &c2)
                #expect(visible(a) == visible(b), "pass \(pass): \(q)")
            }
        }
        #expect(fresh.composed.count == 0)
    }

    @Test("the cache never holds more than its capacity")
    func bounded() {
        let cache = CompositionCache(capacity: 3)
        for n in 0..<10 {
            var slots = Slots()
            slots["amount"] = [.money(cents: n * 100)]
            let c = cache.composition(for: .pay(listSlot: nil, slots: slots, rankSlot: nil, lowestFirst: false)) {
                var c = Composition()
                c.lines = ["\(n)"]
                return c
            }
            #expect(c.lines == ["\(n)"])
            #expect(cache.count <= 3)
        }
    }
}
