#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a repricer may move a product's price: ShopiSync's `minPrice`, `maxPrice`, `costPrice`,
/// `autoReprice` and `active`.
///
/// The settings are valid by construction: every price is zero or more, all prices share one
/// currency, and the minimum is at most the maximum. Because ShopiSync's `PUT` sends only the
/// fields that change, apply a request with ``updated(with:)``, which checks the merged result:
/// a new `minPrice` of 50 against a stored `maxPrice` of 40 is refused even though the request
/// alone looks fine.
///
/// ```swift
/// let settings = try PricingSettings(minPrice: min, maxPrice: max, costPrice: cost, autoReprice: true)
/// let raised = try settings.updated(with: .init(minPrice: newMin))
/// ```
public struct PricingSettings: Sendable, Hashable {
    /// The lowest price the repricer may set.
    public private(set) var minPrice: Money?
    /// The highest price the repricer may set.
    public private(set) var maxPrice: Money?
    /// What the product costs the seller; the repricer never goes below it.
    public private(set) var costPrice: Money?
    /// Whether the repricer may change the price automatically.
    public var autoReprice: Bool
    /// Whether competitor prices are monitored at all (ShopiSync's `active`).
    public var isActive: Bool

    /// A partial change to settings: `nil` fields keep their current value.
    public struct Update: Sendable, Hashable {
        /// A new minimum price.
        public var minPrice: Money?
        /// A new maximum price.
        public var maxPrice: Money?
        /// A new cost price.
        public var costPrice: Money?
        /// A new automatic-repricing switch.
        public var autoReprice: Bool?
        /// A new monitoring switch.
        public var isActive: Bool?

        /// Creates an update; omitted fields stay as they are.
        ///
        /// - Parameters:
        ///   - minPrice: A new minimum price.
        ///   - maxPrice: A new maximum price.
        ///   - costPrice: A new cost price.
        ///   - autoReprice: A new automatic-repricing switch.
        ///   - isActive: A new monitoring switch.
        public init(
            minPrice: Money? = nil,
            maxPrice: Money? = nil,
            costPrice: Money? = nil,
            autoReprice: Bool? = nil,
            isActive: Bool? = nil
        ) {
            self.minPrice = minPrice
            self.maxPrice = maxPrice
            self.costPrice = costPrice
            self.autoReprice = autoReprice
            self.isActive = isActive
        }
    }

    /// Creates settings after checking them.
    ///
    /// - Parameters:
    ///   - minPrice: The price floor, if any.
    ///   - maxPrice: The price ceiling, if any.
    ///   - costPrice: The seller's cost, if known.
    ///   - autoReprice: Whether automatic repricing is on; off unless stated.
    ///   - isActive: Whether monitoring is on; on unless stated.
    /// - Throws: ``PricingError/Code/negativePrice``, ``PricingError/Code/currencyMismatch`` or
    ///   ``PricingError/Code/minimumAboveMaximum``.
    public init(
        minPrice: Money? = nil,
        maxPrice: Money? = nil,
        costPrice: Money? = nil,
        autoReprice: Bool = false,
        isActive: Bool = true
    ) throws(PricingError) {
        let named: [(field: String, price: Money?)] = [
            ("minPrice", minPrice), ("maxPrice", maxPrice), ("costPrice", costPrice),
        ]
        var currency: Currency?
        for (field, price) in named {
            guard let price else { continue }
            if price.isNegative {
                throw PricingError(
                    code: .negativePrice, message: "\(field) cannot be negative (\(price)).", field: field)
            }
            if let currency, currency != price.currency {
                throw PricingError(
                    code: .currencyMismatch,
                    message: "\(field) is in \(price.currency.code) but the other prices are in \(currency.code).",
                    field: field
                )
            }
            currency = price.currency
        }
        if let minPrice, let maxPrice, maxPrice.amount < minPrice.amount {
            throw PricingError(
                code: .minimumAboveMaximum,
                message: "minPrice (\(minPrice)) must not be greater than maxPrice (\(maxPrice)).",
                field: "minPrice"
            )
        }
        self.minPrice = minPrice
        self.maxPrice = maxPrice
        self.costPrice = costPrice
        self.autoReprice = autoReprice
        self.isActive = isActive
    }

    /// The currency of the prices, or `nil` when no price is set.
    public var currency: Currency? {
        (minPrice ?? maxPrice ?? costPrice)?.currency
    }

    /// These settings with `update` applied, checked as a whole.
    ///
    /// - Parameter update: The fields to change.
    /// - Returns: The merged settings.
    /// - Throws: The errors of ``init(minPrice:maxPrice:costPrice:autoReprice:isActive:)`` for
    ///   the merged values.
    public func updated(with update: Update) throws(PricingError) -> PricingSettings {
        try PricingSettings(
            minPrice: update.minPrice ?? minPrice,
            maxPrice: update.maxPrice ?? maxPrice,
            costPrice: update.costPrice ?? costPrice,
            autoReprice: update.autoReprice ?? autoReprice,
            isActive: update.isActive ?? isActive
        )
    }
}

extension PricingSettings: Codable {
    private enum CodingKeys: String, CodingKey {
        case minPrice
        case maxPrice
        case costPrice
        case autoReprice
        case isActive
    }

    /// Decodes settings, checking them as the initialiser does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            minPrice: container.decodeIfPresent(Money.self, forKey: .minPrice),
            maxPrice: container.decodeIfPresent(Money.self, forKey: .maxPrice),
            costPrice: container.decodeIfPresent(Money.self, forKey: .costPrice),
            autoReprice: container.decode(Bool.self, forKey: .autoReprice),
            isActive: container.decode(Bool.self, forKey: .isActive)
        )
    }

    /// Encodes every field; absent prices are omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(minPrice, forKey: .minPrice)
        try container.encodeIfPresent(maxPrice, forKey: .maxPrice)
        try container.encodeIfPresent(costPrice, forKey: .costPrice)
        try container.encode(autoReprice, forKey: .autoReprice)
        try container.encode(isActive, forKey: .isActive)
    }
}
