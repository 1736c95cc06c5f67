/// Phrases of several words found in a question's words.
extension IntentMatcher {
    /// The positions of the words inside a `not_values` phrase ("stay at home"); none in most questions. At each
    /// word the longest phrase counts, and the words inside it start no other.
    func valuelessWords(_ ids: [Int32]) -> [Int] {
        let phrases = model.context.notValues
        var found: [Int] = []
        var k = 0
        while k < ids.count {
            let length = phrases.longest(in: ids, at: k)
            found.append(contentsOf: k..<(k + length))
            k += max(length, 1)
        }
        return found
    }
}
