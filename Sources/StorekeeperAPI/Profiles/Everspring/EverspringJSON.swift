import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How the Everspring profile writes its values: snake_case members, exact decimal prices with
/// their currency, instants in ISO 8601 UTC.
enum EverspringJSON {
    static func product(_ product: Product) -> JSONValue {
        [
            "id": .string(product.id.rawValue),
            "title": .string(product.title),
            "description": text(product.description),
            "brand": text(product.brand),
            "active": .bool(product.isActive),
            "purchasable": .bool(product.isPurchasable),
            "images": .array(product.imageURLs.map { .string($0) }),
            "tags": .array(product.tags.map { .string($0) }),
            "categories": .array(product.categoryIDs.map { .string($0) }),
            "attributes": .array(product.attributes.map(attribute)),
            "variants": .array(product.variants.map(variant)),
            "created_at": date(product.createdAt),
            "updated_at": date(product.updatedAt),
        ]
    }

    static func variant(_ variant: Variant) -> JSONValue {
        [
            "sku": .string(variant.sku.rawValue),
            "name": text(variant.displayName),
            "price": .number(variant.price.jsonNumber),
            "original_price": variant.originalPrice.map { .number($0.jsonNumber) } ?? nil,
            "currency": .string(variant.price.currency.code),
            "images": .array(variant.imageURLs.map { .string($0) }),
            "attributes": .array(variant.attributes.map(attribute)),
        ]
    }

    static func attribute(_ attribute: ProductAttribute) -> JSONValue {
        let value: JSONValue =
            switch attribute.value {
            case .text(let text): .string(text)
            case .list(let list): .array(list.map { .string($0) })
            }
        return ["code": .string(attribute.code), "value": value]
    }

    static func inventory(_ level: InventoryLevel) -> JSONValue {
        [
            "sku": .string(level.sku.rawValue),
            "on_hand": .number(JSONNumber(level.onHand)),
            "reserved": .number(JSONNumber(level.reserved)),
            "available": .number(JSONNumber(level.available)),
            "updated_at": date(level.asOf),
        ]
    }

    static func order(_ order: Order) -> JSONValue {
        [
            "id": .string(order.id),
            "reference": .string(order.reference),
            "status": .string(order.status.rawValue),
            "currency": .string(order.currency.code),
            "total": .number(order.total.jsonNumber),
            "lines": .array(
                order.lines.map { line in
                    [
                        "sku": .string(line.sku.rawValue), "quantity": .number(JSONNumber(line.quantity)),
                        "unit_price": .number(line.unitPrice.jsonNumber), "total": .number(line.total.jsonNumber),
                    ]
                }),
            "created_at": date(order.createdAt),
            "updated_at": date(order.updatedAt),
        ]
    }

    static func apiUser(_ record: APIKeyRecord) -> JSONObject {
        [
            "id": .string(record.id),
            "name": .string(record.name),
            "start": .string(record.start),
            "created_at": date(record.createdAt),
            "last_used_at": date(record.lastUsedAt),
            "revoked_at": date(record.revokedAt),
        ]
    }

    static func mapping(_ link: SKULink) -> JSONValue {
        ["everspring_sku": .string(link.partner.rawValue), "retailer_sku": .string(link.host.rawValue)]
    }

    static func text(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? nil
    }

    static func date(_ date: Date?) -> JSONValue {
        date.map { .string(InternetDateTime.format($0)) } ?? nil
    }
}
