#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A repricing strategy: undercut the lowest competitor by a step, stay within the product's
/// `[minPrice, maxPrice]`, and never go below cost.
///
/// The strategy is pure: it reads the current price, the ``PricingSettings`` and the
/// competitors, and returns a ``RepricingDecision`` that says what to charge and why. Applying
/// the decision (storing the price, recording a ``PricePoint``) is the caller's job.
///
/// The rules, in order:
/// 1. Monitoring off or automatic repricing off: keep the price.
/// 2. No competitor with a known price: keep the price.
/// 3. Target the lowest competitor price minus ``step``, rounded to the currency's minor unit.
/// 4. Clamp the target to `minPrice` and `maxPrice`, where set.
/// 5. Raise it to `costPrice` if it is below (cost wins over `maxPrice`: selling at a loss is
///    never automatic), or to zero when no cost is known.
///
/// ```swift
/// let strategy = try UndercutStrategy(step: Money(parsing: "0.01", currency: .usd))
/// let decision = try strategy.decide(currentPrice: price, settings: settings, competitors: competitors)
/// decision.reason   // .undercutLowestCompetitor
/// decision.message  // "Lowest competitor Acme sells at 20.00 USD; undercut by 0.01 USD: 19.99 USD."
/// ```
public struct UndercutStrategy: Sendable, Hashable {
    /// How far below the lowest competitor to go.
    public let step: Money
    /// How to round the target to the currency's minor unit.
    public let rounding: Money.RoundingRule

    /// Creates the strategy.
    ///
    /// - Parameters:
    ///   - step: How far below the lowest competitor to go; above zero.
    ///   - rounding: How to round the target to minor units; half-up unless stated.
    /// - Throws: ``PricingError/Code/invalidStep`` when `step` is zero or negative.
    public init(step: Money, rounding: Money.RoundingRule = .halfUp) throws(PricingError) {
        guard step.amount > 0 else {
            throw PricingError(
                code: .invalidStep, message: "The undercut step must be above zero, not \(step).", field: "step")
        }
        self.step = step
        self.rounding = rounding
    }

    /// Decides the new price of one product.
    ///
    /// - Parameters:
    ///   - currentPrice: The product's price now.
    ///   - settings: The product's pricing settings.
    ///   - competitors: The tracked competitor offers; those without a price are skipped.
    /// - Returns: The decision with its reason and message.
    /// - Throws: ``PricingError/Code/currencyMismatch`` when the step, the settings or a
    ///   competitor's price is in another currency than `currentPrice`.
    /// - Complexity: O(*n*) in the number of competitors.
    public func decide(
        currentPrice: Money,
        settings: PricingSettings,
        competitors: [Competitor]
    ) throws(PricingError) -> RepricingDecision {
        let currency = currentPrice.currency
        try Self.require(step.currency == currency, "step", "The step is in \(step.currency.code)", currency)
        if let settingsCurrency = settings.currency {
            try Self.require(
                settingsCurrency == currency, "minPrice", "The settings are in \(settingsCurrency.code)", currency)
        }
        var lowest: (competitor: Competitor, price: Money)?
        for competitor in competitors {
            guard let price = competitor.currentPrice else { continue }
            try Self.require(
                price.currency == currency,
                "competitors",
                "Competitor \(competitor.name) is priced in \(price.currency.code)",
                currency
            )
            if let current = lowest, current.price.amount <= price.amount { continue }
            lowest = (competitor, price)
        }

        func keep(_ reason: RepricingDecision.Reason, _ message: String) -> RepricingDecision {
            RepricingDecision(
                currentPrice: currentPrice,
                newPrice: currentPrice,
                reason: reason,
                lowestCompetitor: lowest?.competitor,
                message: message
            )
        }
        guard settings.isActive else {
            return keep(.monitoringInactive, "Price monitoring is off; the price stays \(currentPrice).")
        }
        guard settings.autoReprice else {
            return keep(.autoRepriceDisabled, "Automatic repricing is off; the price stays \(currentPrice).")
        }
        guard let lowest else {
            return keep(.noCompetitorPrice, "No competitor has a known price; the price stays \(currentPrice).")
        }

        let undercut = Money(checked: lowest.price.amount - step.amount, currency: currency)
            .roundedToMinorUnits(rule: rounding)
        var target = undercut
        var reason = RepricingDecision.Reason.undercutLowestCompetitor
        var message =
            "Lowest competitor \(lowest.competitor.name) sells at \(lowest.price); undercut by \(step): \(undercut)."
        if let minimum = settings.minPrice, target.amount < minimum.amount {
            target = minimum
            reason = .clampedToMinimum
            message += " That is below the minimum, so the price is the minimum \(minimum)."
        }
        if let maximum = settings.maxPrice, target.amount > maximum.amount {
            target = maximum
            reason = .clampedToMaximum
            message += " That is above the maximum, so the price is the maximum \(maximum)."
        }
        if let cost = settings.costPrice, target.amount < cost.amount {
            target = cost
            reason = .heldAtCost
            message += " That is below cost, so the price is held at cost \(cost)."
        } else if target.isNegative {
            target = .zero(in: currency)
            reason = .heldAtZero
            message += " That is below zero, so the price is held at \(target)."
        }
        return RepricingDecision(
            currentPrice: currentPrice,
            newPrice: target,
            reason: reason,
            lowestCompetitor: lowest.competitor,
            message: message
        )
    }

    /// Throws ``PricingError/Code/currencyMismatch`` for `field` unless `condition` holds.
    private static func require(
        _ condition: Bool,
        _ field: String,
        _ subject: String,
        _ currency: Currency
    ) throws(PricingError) {
        guard condition else {
            throw PricingError(
                code: .currencyMismatch,
                message: "\(subject) but the current price is in \(currency.code).",
                field: field
            )
        }
    }
}
