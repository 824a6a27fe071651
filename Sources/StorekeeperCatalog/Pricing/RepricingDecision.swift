/// What a repricing strategy decided for a product, and why.
///
/// The decision explains itself twice: ``reason`` for code (branch on it, count it, store it)
/// and ``message`` for people (show it in a dashboard, keep it in the price history).
public struct RepricingDecision: Sendable, Hashable {
    /// Why the strategy chose ``RepricingDecision/newPrice``.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// Monitoring is off (`active` false): the price is kept.
        case monitoringInactive = "monitoring_inactive"
        /// Automatic repricing is off (`autoReprice` false): the price is kept.
        case autoRepriceDisabled = "auto_reprice_disabled"
        /// No competitor has a known price: the price is kept.
        case noCompetitorPrice = "no_competitor_price"
        /// The price undercuts the lowest competitor by the step.
        case undercutLowestCompetitor = "undercut_lowest_competitor"
        /// Undercutting would go below `minPrice`, so the price is the minimum.
        case clampedToMinimum = "clamped_to_minimum"
        /// Undercutting would still be above `maxPrice`, so the price is the maximum.
        case clampedToMaximum = "clamped_to_maximum"
        /// The price would fall below `costPrice`, so it is held at cost.
        case heldAtCost = "held_at_cost"
        /// The price would fall below zero and no cost is known, so it is held at zero.
        case heldAtZero = "held_at_zero"
    }

    /// The price before the decision.
    public let currentPrice: Money
    /// The price the strategy chose; equal to ``currentPrice`` when it keeps the price.
    public let newPrice: Money
    /// Why.
    public let reason: Reason
    /// The competitor whose price the decision is based on, if any.
    public let lowestCompetitor: Competitor?
    /// The decision in words, naming the prices involved.
    public let message: String

    /// Creates a decision.
    ///
    /// - Parameters:
    ///   - currentPrice: The price before the decision.
    ///   - newPrice: The chosen price.
    ///   - reason: Why.
    ///   - lowestCompetitor: The competitor the decision is based on.
    ///   - message: The decision in words.
    public init(currentPrice: Money, newPrice: Money, reason: Reason, lowestCompetitor: Competitor?, message: String) {
        self.currentPrice = currentPrice
        self.newPrice = newPrice
        self.reason = reason
        self.lowestCompetitor = lowestCompetitor
        self.message = message
    }

    /// Whether the decision changes the price.
    public var changesPrice: Bool { newPrice != currentPrice }
}
