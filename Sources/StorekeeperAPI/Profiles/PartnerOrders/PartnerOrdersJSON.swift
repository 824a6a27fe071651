import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the partner orders API writes an order: snake_case members, prices as exact JSON numbers
/// with every minor unit of the currency (`12.500` in KWD), instants in ISO 8601 UTC.
enum PartnerOrdersJSON {
    static func order(_ order: Order) -> JSONObject {
        [
            "id": .string(order.id),
            "reference": .string(order.reference),
            "vendor_id": .string(order.vendorID),
            "chain_id": order.chainID.map { .string($0) } ?? nil,
            "status": .string(order.status.rawValue),
            "currency": .string(order.currency.code),
            "total": .number(order.total.jsonNumber),
            "lines": .array(order.lines.map(line)),
            "status_history": .array(order.history.map(change)),
            "created_at": date(order.createdAt),
            "updated_at": date(order.updatedAt),
        ]
    }

    static func line(_ line: OrderLine) -> JSONValue {
        [
            "sku": .string(line.sku.rawValue),
            "quantity": .number(JSONNumber(line.quantity)),
            "unit_price": .number(line.unitPrice.jsonNumber),
            "total": .number(line.total.jsonNumber),
        ]
    }

    static func change(_ change: OrderStatusChange) -> JSONValue {
        [
            "status": .string(change.status.rawValue),
            "time": date(change.time),
            "actor": .string(change.actor),
            "reason": change.reason.map { .string($0) } ?? nil,
        ]
    }

    /// The data of the webhook event announcing `order`'s current status: who it belongs to, the
    /// status and the one before it (`null` for a new order), the reason, and the whole order.
    static func event(_ order: Order, previous: OrderStatus?) -> JSONValue {
        [
            "order_id": .string(order.id),
            "chain_id": order.chainID.map { .string($0) } ?? nil,
            "vendor_id": .string(order.vendorID),
            "status": .string(order.status.rawValue),
            "previous_status": previous.map { .string($0.rawValue) } ?? nil,
            "reason": order.history.last?.reason.map { .string($0) } ?? nil,
            "order": .object(Self.order(order)),
        ]
    }

    static func date(_ date: Date) -> JSONValue {
        .string(InternetDateTime.format(date))
    }
}
