public import StorekeeperJSON

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An exact amount of money in one currency.
///
/// The amount is a `Decimal`, never a `Double`: `Money(parsing: "14.95", currency: .usd)` holds
/// exactly 14.95, and `0.1 + 0.2` is exactly `0.3`. Amounts come from JSON number text or strings
/// (``init(parsing:currency:)``, ``init(jsonNumber:currency:)``) without passing through binary
/// floating point. Do not write `Decimal(14.95)`: that literal is a `Double` first.
///
/// Money keeps every digit it was given. It is rounded only when you say so, to a scale and a
/// rule you choose (``rounded(toScale:rule:)``, ``roundedToMinorUnits(rule:)``), and arithmetic
/// refuses to mix currencies (``adding(_:)``, ``subtracting(_:)``, ``multiplied(by:)``).
///
/// ```swift
/// let price = try Money(parsing: "14.95", currency: .usd)
/// let line = try price.multiplied(by: 3)          // 44.85 USD
/// let total = try line.adding(Money(parsing: "4.99", currency: .usd))
/// total.amountText                                // "49.84"
/// ```
///
/// Equality compares value and currency: 14.9 USD equals 14.90 USD, and never equals 14.90 EUR.
public struct Money: Sendable, Hashable, CustomStringConvertible {
    /// The exact amount, in major units (dollars, not cents).
    public let amount: Decimal
    /// The currency of the amount.
    public let currency: Currency

    /// Creates money from an exact decimal amount.
    ///
    /// - Parameters:
    ///   - amount: The amount in major units. Build it from text (`Decimal(string:)` after
    ///     validation, or use ``init(parsing:currency:)``), not from a floating-point literal.
    ///   - currency: The currency.
    /// - Throws: ``MoneyError/Code/invalidAmount`` when `amount` is NaN.
    public init(_ amount: Decimal, currency: Currency) throws(MoneyError) {
        guard !amount.isNaN else {
            throw MoneyError(code: .invalidAmount, message: "An amount of money must be a number, not NaN.")
        }
        self.amount = amount
        self.currency = currency
        amountText = DecimalDigits(amount).text(minimumFractionDigits: currency.minorUnits)
        // amountText is always within the JSON number grammar; the fallback is never taken.
        jsonNumber = JSONNumber(text: amountText) ?? JSONNumber(0)
    }

    /// Creates money from an amount already known to be a number.
    init(checked amount: Decimal, currency: Currency) {
        self.amount = amount
        self.currency = currency
        amountText = DecimalDigits(amount).text(minimumFractionDigits: currency.minorUnits)
        // amountText is always within the JSON number grammar; the fallback is never taken.
        jsonNumber = JSONNumber(text: amountText) ?? JSONNumber(0)
    }

    /// Zero in `currency`.
    ///
    /// - Parameter currency: The currency.
    /// - Returns: An amount of zero.
    public static func zero(in currency: Currency) -> Money {
        Money(checked: 0, currency: currency)
    }

    /// Whether the amount is zero.
    public var isZero: Bool { amount.isZero }

    /// Whether the amount is below zero.
    public var isNegative: Bool { amount < 0 }

    /// Whether the amount has no more fraction digits than the currency's minor unit: `14.95`
    /// USD does, `14.955` USD and `100.5` JPY do not.
    ///
    /// Schemas use it to reject prices a payment system could not charge; to make such an amount
    /// chargeable, round it explicitly with ``roundedToMinorUnits(rule:)``.
    public var hasMinorUnitPrecision: Bool {
        DecimalDigits(amount).fraction.count <= currency.minorUnits
    }

    /// The exact amount as plain decimal text, padded with zeros to the currency's minor units:
    /// `"14.90"` for 14.9 USD, `"1000"` for 1000 JPY, `"14.955"` for 14.955 USD (never rounded).
    ///
    /// The text is valid JSON number text and a valid string-typed price for APIs such as Spring's.
    public let amountText: String

    /// The exact amount as a JSON number, with the digits of ``amountText``.
    ///
    /// Write it with the JSON writer to emit `14.90` rather than a string.
    public let jsonNumber: JSONNumber

    /// `"14.90 USD"`.
    public var description: String { "\(amountText) \(currency.code)" }
}
