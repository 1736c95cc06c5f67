/// CEUs an issuer asks for each renewal period by the number of its credentials held (`Knowledge/renewal.yaml`).
public struct RenewalTable: Sendable {
    /// "every 2 years".
    public let period: String
    /// The total for 1, 2, 3... credentials; the last entry holds for that many or more.
    public let ceusByCount: [Int]
    public let source: String

    /// The CEUs due when holding `count` of the issuer's credentials (nil below one).
    public func ceus(holding count: Int) -> Int? {
        guard count >= 1, let last = ceusByCount.last else { return nil }
        return count <= ceusByCount.count ? ceusByCount[count - 1] : last
    }
}
