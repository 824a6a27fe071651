import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How ShopiSync writes catalogue values: camelCase members, prices as exact JSON numbers with
/// their currency, instants in ISO 8601.
enum ShopiSyncJSON {
    static func product(_ product: Product) -> JSONObject {
        let pricing = product.pricing
        let current = product.variants.first?.price
        return [
            "id": .string(product.id.rawValue),
            "title": .string(product.title),
            "sku": product.variants.first.map { .string($0.sku.rawValue) } ?? nil,
            "currency": .string((current?.currency ?? pricing?.currency ?? .usd).code),
            "currentPrice": money(current),
            "minPrice": money(pricing?.minPrice),
            "maxPrice": money(pricing?.maxPrice),
            "costPrice": money(pricing?.costPrice),
            "autoReprice": .bool(pricing?.autoReprice ?? false),
            "active": .bool(product.isActive),
            "competitors": .array(product.competitors.map { .object(competitor($0)) }),
            "createdAt": date(product.createdAt),
            "updatedAt": date(product.updatedAt),
        ]
    }

    static func competitor(_ competitor: Competitor) -> JSONObject {
        [
            "id": .string(competitor.id),
            "name": .string(competitor.name),
            "url": competitor.url.map { .string($0) } ?? nil,
            "currentPrice": money(competitor.currentPrice),
            "lastChecked": date(competitor.checkedAt),
        ]
    }

    static func pricePoint(_ point: PricePoint) -> JSONValue {
        [
            "price": money(point.price),
            "currency": .string(point.price.currency.code),
            "recordedAt": date(point.recordedAt),
            "reason": point.reason.map { .string($0) } ?? nil,
        ]
    }

    static func money(_ money: Money?) -> JSONValue {
        money.map { .number($0.jsonNumber) } ?? nil
    }

    static func date(_ date: Date?) -> JSONValue {
        date.map { .string(InternetDateTime.format($0)) } ?? nil
    }
}
