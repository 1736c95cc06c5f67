/// Number and column formatting without Foundation's `String(format:)` and `padding(toLength:)`, so the
/// advisor links Foundation's essentials only (a smaller, faster-loading process).
extension String {
    /// `x` with `decimals` (0–6) digits after the point, exactly as C's `"%.Nf"` writes it: the exact
    /// binary value is rounded, a tie to even, so 3.095 (really 3.09499…) gives "3.09".
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        let places = Swift.min(Swift.max(0, decimals), 6)
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        guard let n = scaledAndRounded(x.magnitude, scale) else { return String(x) }
        // As printf: the sign stays when the value rounds to zero ("-0.00").
        var text = (x.sign == .minus ? "-" : "") + String(n / scale)
        if places > 0 {
            let fraction = String(n % scale)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// `magnitude × scale` rounded to the nearest integer, a tie to even, computed exactly; nil if too big.
    private static func scaledAndRounded(_ magnitude: Double, _ scale: UInt64) -> UInt64? {
        guard magnitude.isNormal else { return 0 }  // zero, or too small to show
        // magnitude = significand × 2^exponent, with an integer significand below 2^53.
        let significand = UInt128(magnitude.significandBitPattern | (1 << 52))
        let exponent = Int(magnitude.exponent) - 52
        let product = significand * UInt128(scale)
        if exponent >= 0 {
            guard exponent < 11, product << exponent < UInt128(UInt64.max) else { return nil }
            return UInt64(product << exponent)
        }
        let shift = -exponent
        guard shift < 127 else { return 0 }
        let whole = product >> shift
        let rest = product & ((1 << shift) - 1)
        let half = UInt128(1) << (shift - 1)
        let rounded = rest > half || (rest == half && whole & 1 == 1) ? whole + 1 : whole
        return rounded < UInt128(UInt64.max) ? UInt64(rounded) : nil
    }

    /// The text padded with spaces, or cut, to `width` characters (as Foundation's `padding(toLength:)`).
    public func padded(to width: Int) -> String {
        let n = count
        if n >= width { return n == width ? self : String(prefix(width)) }
        return self + String(repeating: " ", count: width - n)
    }

    /// The text right-aligned in `width` characters (as C's `"%8s"`); never cut.
    public func rightAligned(_ width: Int) -> String {
        let n = count
        return n >= width ? self : String(repeating: " ", count: width - n) + self
    }
}

extension Array where Element == String {
    /// "A", "A and B", "A, B and C": a list as a sentence says it.
    var joinedAsList: String {
        guard count > 2, let last else { return joined(separator: " and ") }
        return dropLast().joined(separator: ", ") + " and " + last
    }
}
