extension Money {
    /// How to round an amount that falls exactly halfway between two results.
    ///
    /// Amounts that are not halfway round to the nearest result under both rules.
    public enum RoundingRule: String, Sendable, Hashable, CaseIterable, Codable {
        /// Banker's rounding (round half to even): 2.345 → 2.34, 2.355 → 2.36. Unbiased over
        /// many roundings, the default of IEEE 754 and of most accounting.
        case bankers
        /// Round half up, away from zero: 2.345 → 2.35, -2.345 → -2.35. The rule of most price
        /// lists and tax authorities.
        case halfUp
    }

    /// The amount rounded to `scale` digits after the decimal point.
    ///
    /// Rounding works on the decimal digits themselves, so it is exact.
    ///
    /// ```swift
    /// let m = try Money(parsing: "2.345", currency: .usd)
    /// m.rounded(toScale: 2, rule: .bankers).amountText  // "2.34"
    /// m.rounded(toScale: 2, rule: .halfUp).amountText   // "2.35"
    /// ```
    ///
    /// - Parameters:
    ///   - scale: Digits to keep after the decimal point; values below zero are treated as zero.
    ///   - rule: How to break ties.
    /// - Returns: The rounded amount in the same currency; the amount itself when it already fits.
    /// - Complexity: O(*d*), where *d* is the number of digits in the amount.
    public func rounded(toScale scale: Int, rule: RoundingRule) -> Money {
        let digits = DecimalDigits(amount)
        let rounded = digits.rounded(toScale: scale, rule: rule)
        // Rounding removes digits, or adds one leading digit on a carry; either way the result
        // keeps at most the 38 significant digits the amount had, so the conversion succeeds.
        guard let value = rounded.decimal else { return self }
        return Money(checked: value, currency: currency)
    }

    /// The amount rounded to the currency's minor unit: cents for USD, whole yen for JPY, fils for KWD.
    ///
    /// - Parameter rule: How to break ties; banker's rounding unless you choose otherwise.
    /// - Returns: The rounded amount.
    /// - Complexity: O(*d*), where *d* is the number of digits in the amount.
    public func roundedToMinorUnits(rule: RoundingRule = .bankers) -> Money {
        rounded(toScale: currency.minorUnits, rule: rule)
    }
}
