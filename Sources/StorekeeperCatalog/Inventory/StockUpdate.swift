#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A stock count reported by the source of truth for a SKU, stamped with the time the source
/// observed it.
///
/// Updates are absolute ("12 on hand as of 10:00"), not deltas, so applying them in any order
/// converges: ``InventoryLevel/apply(_:)`` keeps the newest and ignores older ones that arrive
/// late. Everspring's hourly stock sync is a stream of such updates.
public struct StockUpdate: Sendable, Hashable, Codable {
    /// The SKU counted.
    public var sku: SKU
    /// The location counted, or `nil` for a single-location source.
    public var location: String?
    /// Units physically on hand at the source.
    public var onHand: Int
    /// When the source observed the count (its timestamp, not when the update arrived).
    public var observedAt: Date

    /// Creates an update.
    ///
    /// - Parameters:
    ///   - sku: The SKU counted.
    ///   - location: The location counted, if the source has several.
    ///   - onHand: Units on hand.
    ///   - observedAt: When the source observed the count.
    public init(sku: SKU, location: String? = nil, onHand: Int, observedAt: Date) {
        self.sku = sku
        self.location = location
        self.onHand = onHand
        self.observedAt = observedAt
    }
}
