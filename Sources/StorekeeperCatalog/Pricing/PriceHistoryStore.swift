#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where recorded price changes live: implemented once per store.
///
/// Each method is one statement; a PostgreSQL sketch:
///
/// ```sql
/// -- record
/// INSERT INTO price_history (product_id, owner, price, currency, recorded_at, reason)
/// VALUES ($1, $2, $3, $4, $5, $6);
/// -- history
/// SELECT * FROM price_history WHERE product_id = $1 AND recorded_at >= $2
/// ORDER BY recorded_at DESC LIMIT $3;
/// -- changeCount
/// SELECT count(*) FROM price_history WHERE owner IS NOT DISTINCT FROM $1 AND recorded_at >= $2;
/// ```
///
/// `StorekeeperTesting` has `InMemoryPriceHistoryStore` and `PriceHistoryStoreConformance`.
public protocol PriceHistoryStore: Sendable {
    /// Appends a price change of a product, kept under the product's owner for per-owner counts.
    func record(_ point: PricePoint, productID: ProductID, owner: String?) async throws

    /// The product's price changes recorded at or after `since`, newest first, at most `limit`
    /// of them (all when `limit` is `nil`). Points recorded at the same instant keep their
    /// recording order (the later one first).
    func history(productID: ProductID, since: Date, limit: Int?) async throws -> [PricePoint]

    /// How many price changes `owner`'s products had at or after `since`.
    func changeCount(owner: String?, since: Date) async throws -> Int
}
