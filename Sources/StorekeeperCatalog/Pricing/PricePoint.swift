#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A product's price from a given moment on: one entry of its price history.
public struct PricePoint: Sendable, Hashable, Codable {
    /// The price set.
    public var price: Money
    /// When it was set.
    public var recordedAt: Date
    /// Why it was set, for example a ``RepricingDecision``'s message; `nil` when unknown.
    public var reason: String?

    /// Creates a history entry.
    ///
    /// - Parameters:
    ///   - price: The price set.
    ///   - recordedAt: When it was set.
    ///   - reason: Why it was set.
    public init(price: Money, recordedAt: Date, reason: String? = nil) {
        self.price = price
        self.recordedAt = recordedAt
        self.reason = reason
    }
}
