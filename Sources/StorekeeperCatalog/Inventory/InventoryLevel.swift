import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The stock of one SKU at one location: units on hand, units reserved by open orders, and what
/// is left to sell.
///
/// ``available`` is `onHand - reserved`, and never negative unless backorders are allowed. The
/// on-hand count comes from the source of truth through timestamped ``StockUpdate``s, and
/// ``apply(_:)`` never lets an older update overwrite a newer one, whatever order they arrive in.
///
/// Everspring's rule, "trust Everspring as the source of truth for available stock; don't cache
/// stock longer than your sync interval", is ``isStale(now:maxAge:)``: a storefront refuses to
/// sell from a level older than its sync interval and fetches it again.
///
/// ```swift
/// var level = try InventoryLevel(sku: sku, onHand: 10, asOf: syncTime)
/// try level.reserve(3)                                  // available == 7
/// try level.apply(StockUpdate(sku: sku, onHand: 8, observedAt: syncTime + 3600))   // .applied, available == 5
/// level.isStale(now: clock.now, maxAge: InventoryLevel.everspringSyncInterval)
/// ```
public struct InventoryLevel: Sendable, Hashable {
    /// The SKU.
    public let sku: SKU
    /// The location, or `nil` for a single-location catalogue.
    public let location: String?
    /// Units physically on hand, as last reported by the source. Negative only with backorders.
    public private(set) var onHand: Int
    /// Units promised to open orders and not yet shipped.
    public private(set) var reserved: Int
    /// Whether orders may take the level below zero available (a backorder).
    public let allowsBackorder: Bool
    /// The source's timestamp of the on-hand count: the `observedAt` of the last applied update.
    public private(set) var asOf: Date

    /// The largest magnitude a quantity may have: a trillion units, so no sum overflows.
    public static let maximumQuantity = 1_000_000_000_000

    /// Everspring's sync interval: stock "propagates within roughly one hour", so a level older
    /// than an hour must be fetched again.
    public static let everspringSyncInterval: Duration = .seconds(60 * 60)

    /// Creates a level.
    ///
    /// - Parameters:
    ///   - sku: The SKU.
    ///   - location: The location, if the catalogue has several.
    ///   - onHand: Units on hand; negative only when `allowsBackorder`.
    ///   - reserved: Units reserved; zero unless stated.
    ///   - allowsBackorder: Whether available may go below zero; `false` unless stated.
    ///   - asOf: The source's timestamp of the on-hand count.
    /// - Throws: ``InventoryError/Code/invalidQuantity`` for a negative reservation, a negative
    ///   on-hand count without backorders, or a quantity beyond ``maximumQuantity``.
    public init(
        sku: SKU,
        location: String? = nil,
        onHand: Int,
        reserved: Int = 0,
        allowsBackorder: Bool = false,
        asOf: Date
    ) throws(InventoryError) {
        self.sku = sku
        self.location = location
        self.onHand = onHand
        self.reserved = reserved
        self.allowsBackorder = allowsBackorder
        self.asOf = asOf
        try checkOnHand(onHand)
        guard (0...Self.maximumQuantity).contains(reserved) else {
            throw InventoryError(
                code: .invalidQuantity,
                message: "Reserved units must be 0 through \(Self.maximumQuantity), not \(reserved).",
                sku: sku
            )
        }
    }

    /// Units left to sell: on hand minus reserved, floored at zero unless backorders are allowed.
    public var available: Int {
        let raw = onHand - reserved
        return allowsBackorder ? raw : max(0, raw)
    }

    /// Applies a stock update from the source, unless it is older than what the level holds.
    ///
    /// An update observed at or before ``asOf`` is ignored: it is a late or repeated delivery,
    /// and applying it would put older stock over newer. Ties are ignored too, so replaying the
    /// same update is harmless. Reservations are kept: they are this system's, not the source's.
    ///
    /// - Parameter update: The update.
    /// - Returns: ``StockUpdateOutcome/applied`` or ``StockUpdateOutcome/ignoredAsStale``.
    /// - Throws: ``InventoryError/Code/mismatchedUpdate`` when the update is for another SKU or
    ///   location; ``InventoryError/Code/invalidQuantity`` for a newer update with a negative
    ///   count (without backorders) or one beyond ``maximumQuantity``.
    @discardableResult
    public mutating func apply(_ update: StockUpdate) throws(InventoryError) -> StockUpdateOutcome {
        guard update.sku == sku, update.location == location else {
            throw InventoryError(
                code: .mismatchedUpdate,
                message: "An update for \(Self.describe(update.sku, update.location)) cannot be applied to "
                    + "the level of \(Self.describe(sku, location)).",
                sku: sku
            )
        }
        guard update.observedAt > asOf else { return .ignoredAsStale }
        try checkOnHand(update.onHand)
        onHand = update.onHand
        asOf = update.observedAt
        return .applied
    }

    /// Reserves units for an order.
    ///
    /// - Parameter quantity: Units to reserve; at least 1.
    /// - Throws: ``InventoryError/Code/insufficientStock`` when fewer than `quantity` are
    ///   available and backorders are not allowed; ``InventoryError/Code/invalidQuantity`` for a
    ///   quantity below 1 or a total beyond ``maximumQuantity``.
    public mutating func reserve(_ quantity: Int) throws(InventoryError) {
        try checkPositive(quantity)
        guard reserved + quantity <= Self.maximumQuantity else {
            throw InventoryError(
                code: .invalidQuantity,
                message: "Reserving \(quantity) more would exceed \(Self.maximumQuantity) reserved units.",
                sku: sku
            )
        }
        guard allowsBackorder || quantity <= available else {
            throw InventoryError(
                code: .insufficientStock,
                message: "Only \(available) of \(sku) available; cannot reserve \(quantity).",
                sku: sku
            )
        }
        reserved += quantity
    }

    /// Releases units reserved earlier, for example when an order is cancelled.
    ///
    /// - Parameter quantity: Units to release; at least 1 and at most ``reserved``.
    /// - Throws: ``InventoryError/Code/invalidQuantity`` otherwise.
    public mutating func release(_ quantity: Int) throws(InventoryError) {
        try checkPositive(quantity)
        guard quantity <= reserved else {
            throw InventoryError(
                code: .invalidQuantity,
                message: "Cannot release \(quantity) of \(sku): only \(reserved) reserved.",
                sku: sku
            )
        }
        reserved -= quantity
    }

    /// Ships units that were reserved: they leave both the shelf (``onHand``) and the reservation.
    ///
    /// - Parameter quantity: Units shipped; at least 1 and at most ``reserved``.
    /// - Throws: ``InventoryError/Code/invalidQuantity`` otherwise.
    public mutating func consume(_ quantity: Int) throws(InventoryError) {
        try release(quantity)
        onHand -= quantity
    }

    /// Whether the level is too old to sell from: more than `maxAge` has passed since ``asOf``.
    ///
    /// A level exactly `maxAge` old is still fresh; one stamped in the future (clock skew at the
    /// source) is fresh.
    ///
    /// - Parameters:
    ///   - now: The current time.
    ///   - maxAge: The longest a level may be cached, normally the sync interval
    ///     (``everspringSyncInterval`` for Everspring).
    /// - Returns: `true` when the level must be fetched again before selling from it.
    public func isStale(now: Date, maxAge: Duration) -> Bool {
        now > asOf.adding(maxAge)
    }

    /// Throws unless `value` is a permitted on-hand count.
    private func checkOnHand(_ value: Int) throws(InventoryError) {
        let lower = allowsBackorder ? -Self.maximumQuantity : 0
        guard (lower...Self.maximumQuantity).contains(value) else {
            throw InventoryError(
                code: .invalidQuantity,
                message: allowsBackorder || value > 0
                    ? "On-hand units must be within ±\(Self.maximumQuantity), not \(value)."
                    : "On-hand units cannot be negative (\(value)) unless backorders are allowed.",
                sku: sku
            )
        }
    }

    /// Throws unless `quantity` is 1 through ``maximumQuantity``.
    private func checkPositive(_ quantity: Int) throws(InventoryError) {
        guard (1...Self.maximumQuantity).contains(quantity) else {
            throw InventoryError(
                code: .invalidQuantity,
                message: "A quantity must be 1 through \(Self.maximumQuantity), not \(quantity).",
                sku: sku
            )
        }
    }

    /// `"SKU 123"` or `"SKU 123 at location A"`.
    private static func describe(_ sku: SKU, _ location: String?) -> String {
        location.map { "SKU \(sku) at location \($0)" } ?? "SKU \(sku)"
    }
}

extension InventoryLevel: Codable {
    private enum CodingKeys: String, CodingKey {
        case sku
        case location
        case onHand
        case reserved
        case allowsBackorder
        case asOf
    }

    /// Decodes a level, checking it as ``init(sku:location:onHand:reserved:allowsBackorder:asOf:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            sku: container.decode(SKU.self, forKey: .sku),
            location: container.decodeIfPresent(String.self, forKey: .location),
            onHand: container.decode(Int.self, forKey: .onHand),
            reserved: container.decode(Int.self, forKey: .reserved),
            allowsBackorder: container.decode(Bool.self, forKey: .allowsBackorder),
            asOf: container.decode(Date.self, forKey: .asOf)
        )
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sku, forKey: .sku)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encode(onHand, forKey: .onHand)
        try container.encode(reserved, forKey: .reserved)
        try container.encode(allowsBackorder, forKey: .allowsBackorder)
        try container.encode(asOf, forKey: .asOf)
    }
}
