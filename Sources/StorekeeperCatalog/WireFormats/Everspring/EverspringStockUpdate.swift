import StorekeeperJSON
public import StorekeeperSchema

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A stock level as Everspring sends it: an item of `GET /everspring/v1/inventory` and the
/// `data` of an `inventory.updated` webhook (seed 000, "How inventory sync works").
///
/// Everspring is the source of truth for stock: apply ``stockUpdate`` with
/// ``InventoryLevel/apply(_:)`` (or an `OrderStore`'s `applyStockUpdate`), which keeps the newest
/// count whatever order updates arrive in, and never cache it longer than the sync interval.
public struct EverspringStockUpdate: SchemaDecodable, Hashable {
    /// The five members, `reserved` never negative, `available` equal to `on_hand - reserved`.
    public static let schema = Schema.object(
        [
            .required("sku", .string(minLength: 1, maxLength: 255).described("The Everspring SKU")),
            .required("on_hand", .integer().described("Units on hand at Everspring's supplier")),
            .required("reserved", .integer(minimum: 0).described("Units held by accepted orders")),
            .required("available", .integer().described("on_hand - reserved; negative only on backorder")),
            .required("updated_at", .string(format: .dateTime).described("When Everspring observed the count")),
        ],
        rules: [availabilityRule])

    /// `available` must be `on_hand - reserved`: a level that disagrees with itself is refused
    /// rather than guessed at.
    static let availabilityRule = ObjectRule(name: "available_is_on_hand_minus_reserved") { level in
        guard let onHand = level["on_hand"]?.number?.int64Value, let reserved = level["reserved"]?.number?.int64Value,
            let available = level["available"]?.number?.int64Value
        else { return [] }
        let (expected, overflow) = onHand.subtractingReportingOverflow(reserved)
        guard overflow || expected != available else { return [] }
        return [
            RuleViolation(
                member: "available", code: "inconsistent_available",
                message: "available must be on_hand - reserved (\(onHand) - \(reserved)), not \(available).")
        ]
    }

    /// The Everspring SKU.
    public var sku: String
    /// Units on hand.
    public var onHand: Int64
    /// Units reserved by accepted orders.
    public var reserved: Int64
    /// Units that can still be sold.
    public var available: Int64
    /// When Everspring observed the count.
    public var updatedAt: Date

    /// Creates a level.
    public init(sku: String, onHand: Int64, reserved: Int64 = 0, available: Int64? = nil, updatedAt: Date) {
        self.sku = sku
        self.onHand = onHand
        self.reserved = reserved
        self.available = available ?? onHand - reserved
        self.updatedAt = updatedAt
    }

    /// Builds the level from a validated object.
    public init(validated fields: ValidatedFields) {
        sku = fields.string("sku")
        onHand = fields.int64("on_hand")
        reserved = fields.int64("reserved")
        available = fields.int64("available")
        updatedAt = fields.optionalDate("updated_at") ?? Date(timeIntervalSince1970: 0)
    }

    /// The count as Storekeeper's ``StockUpdate``, stamped with Everspring's observation time.
    ///
    /// - Throws: ``CatalogError`` for a SKU the model refuses.
    public var stockUpdate: StockUpdate {
        get throws {
            StockUpdate(sku: try SKU(sku), onHand: Int(clamping: onHand), observedAt: updatedAt)
        }
    }
}
