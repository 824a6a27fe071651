public import StorekeeperCatalog

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Builders for test data with sensible defaults: override only what a test is about.
///
/// ```swift
/// let product = try Fixtures.product(id: 42, title: "Cathat", price: "14.95", owner: "shop_1")
/// let order = try Fixtures.order(id: "o1", lines: [("SKU-42", 2)], prices: ["SKU-42": "14.95"])
/// ```
public enum Fixtures {
    /// A variant: `SKU-1` at 19.99 USD with 10 units.
    public static func variant(
        sku: String = "SKU-1",
        price: String = "19.99",
        currency: Currency = .usd,
        quantity: Int = 10,
        displayName: String? = nil
    ) throws -> Variant {
        Variant(
            sku: try SKU(sku), price: try Money(parsing: price, currency: currency), displayName: displayName,
            quantity: quantity)
    }

    /// A product with one variant `SKU-<id>`: active, purchasable, visible.
    ///
    /// - Parameters:
    ///   - id: The product's id, also its number and the suffix of its SKU and URL key.
    ///   - title: The title; `Product <id>` unless given.
    ///   - price: The variant's price as decimal text.
    ///   - currency: The price's currency.
    ///   - owner: The owner (a shop, a brand key, a store), if any.
    ///   - quantity: The variant's stock quantity.
    ///   - competitors: Competitors, for ShopiSync.
    ///   - pricing: Repricing settings, for ShopiSync.
    public static func product(
        id: Int64 = 1,
        title: String? = nil,
        price: String = "19.99",
        currency: Currency = .usd,
        owner: String? = nil,
        quantity: Int = 10,
        competitors: [Competitor] = [],
        pricing: PricingSettings? = nil
    ) throws -> Product {
        Product(
            id: ProductID(id),
            number: id,
            owner: owner,
            title: title ?? "Product \(id)",
            urlKey: try URLKey("product-\(id)"),
            variants: [try variant(sku: "SKU-\(id)", price: price, currency: currency, quantity: quantity)],
            pricing: pricing,
            competitors: competitors
        )
    }

    /// A competitor with a current price.
    public static func competitor(
        id: String = "c1", name: String = "Competitor", price: String = "18.99", currency: Currency = .usd,
        checkedAt: Date? = nil
    ) throws -> Competitor {
        Competitor(
            id: id, name: name, url: "https://\(id).example/product",
            currentPrice: try Money(parsing: price, currency: currency), checkedAt: checkedAt)
    }

    /// An order of `lines` (SKU and quantity), priced from `prices` (decimal text by SKU, 5.000
    /// when absent), in the given lifecycle's initial status.
    public static func order(
        id: String = "o1",
        reference: String? = nil,
        vendor: String = "vendor_1",
        chain: String? = nil,
        lines: [(sku: String, quantity: Int)] = [("SKU-1", 1)],
        prices: [String: String] = [:],
        currency: Currency = .usd,
        lifecycle: OrderLifecycle = .retail,
        createdAt: Date = Date(timeIntervalSince1970: 1_700_000_000)
    ) throws -> Order {
        try Order(
            id: id,
            reference: reference ?? "#\(id)",
            vendorID: vendor,
            chainID: chain,
            currency: currency,
            lines: try lines.map { line in
                try OrderLine(
                    sku: try SKU(line.sku), quantity: line.quantity,
                    unitPrice: try Money(parsing: prices[line.sku] ?? "5.00", currency: currency))
            },
            lifecycle: lifecycle,
            actor: "fixture",
            createdAt: createdAt
        )
    }
}
