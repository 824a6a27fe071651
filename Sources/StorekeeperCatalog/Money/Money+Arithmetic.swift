#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Money {
    /// The sum of two amounts in the same currency.
    ///
    /// The result is exact while it fits `Decimal`'s 38 significant digits; amounts of money do.
    ///
    /// - Parameter other: The amount to add.
    /// - Returns: `self + other`, unrounded.
    /// - Throws: ``MoneyError/Code/currencyMismatch`` when the currencies differ,
    ///   ``MoneyError/Code/overflow`` beyond `Decimal`'s range.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other, operation: "add")
        return try Money(checkingOverflowOf: amount + other.amount, currency: currency)
    }

    /// The difference of two amounts in the same currency.
    ///
    /// - Parameter other: The amount to subtract.
    /// - Returns: `self - other`, unrounded; it may be negative.
    /// - Throws: ``MoneyError/Code/currencyMismatch`` or ``MoneyError/Code/overflow``.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try requireSameCurrency(other, operation: "subtract")
        return try Money(checkingOverflowOf: amount - other.amount, currency: currency)
    }

    /// The amount times a whole quantity: the total of an order line.
    ///
    /// ```swift
    /// try Money(parsing: "14.95", currency: .usd).multiplied(by: 3).amountText  // "44.85"
    /// ```
    ///
    /// - Parameter quantity: How many units; may be zero or negative (a refund line).
    /// - Returns: The exact product.
    /// - Throws: ``MoneyError/Code/overflow`` beyond `Decimal`'s range.
    public func multiplied(by quantity: Int) throws(MoneyError) -> Money {
        try Money(checkingOverflowOf: amount * Decimal(quantity), currency: currency)
    }

    /// Whether this amount is less than another in the same currency.
    ///
    /// Money is not `Comparable`, because amounts in different currencies have no order;
    /// comparing them throws instead of answering.
    ///
    /// - Parameter other: The amount to compare with.
    /// - Returns: `true` when `self` is strictly less than `other`.
    /// - Throws: ``MoneyError/Code/currencyMismatch`` when the currencies differ.
    public func isLess(than other: Money) throws(MoneyError) -> Bool {
        try requireSameCurrency(other, operation: "compare")
        return amount < other.amount
    }

    /// The total of amounts that must all be in `currency`; zero for an empty sequence.
    ///
    /// - Parameters:
    ///   - amounts: The amounts to add, for example an order's line totals.
    ///   - currency: The currency every amount must have.
    /// - Returns: The exact sum.
    /// - Throws: ``MoneyError/Code/currencyMismatch`` at the first amount in another currency,
    ///   ``MoneyError/Code/overflow`` beyond `Decimal`'s range.
    /// - Complexity: O(*n*) in the number of amounts.
    public static func sum(of amounts: some Sequence<Money>, in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(in: currency)
        for amount in amounts {
            total = try total.adding(amount)
        }
        return total
    }

    /// Money from the result of `Decimal` arithmetic, which is NaN on overflow.
    private init(checkingOverflowOf amount: Decimal, currency: Currency) throws(MoneyError) {
        guard !amount.isNaN else {
            throw MoneyError(code: .overflow, message: "The result is outside the range of an amount of money.")
        }
        self.init(checked: amount, currency: currency)
    }

    /// Throws ``MoneyError/Code/currencyMismatch`` unless `other` has this amount's currency.
    func requireSameCurrency(_ other: Money, operation: String) throws(MoneyError) {
        guard other.currency == currency else {
            throw MoneyError(
                code: .currencyMismatch,
                message: "Cannot \(operation) \(other.currency.code) and \(currency.code) amounts; convert first."
            )
        }
    }
}
