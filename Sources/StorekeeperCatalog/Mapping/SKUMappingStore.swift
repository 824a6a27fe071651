/// Where each owner's SKU links live (a retailer's links between its SKUs and a supplier's):
/// implemented once per store.
///
/// Each method is one atomic statement; with a table holding both unique constraints, a
/// PostgreSQL sketch:
///
/// ```sql
/// -- link: unique (owner, partner_sku) and unique (owner, host_sku) refuse a conflicting link
/// INSERT INTO sku_links (owner, partner_sku, host_sku) VALUES ($1, $2, $3)
/// ON CONFLICT DO NOTHING RETURNING partner_sku;  -- no row: read the conflict and report it
/// -- unlink
/// DELETE FROM sku_links WHERE owner = $1 AND partner_sku = $2 RETURNING host_sku;
/// ```
///
/// `StorekeeperTesting` has `InMemorySKUMappingStore` and `SKUMappingStoreConformance`.
public protocol SKUMappingStore: Sendable {
    /// The owner's links, ordered by partner SKU.
    func links(owner: String) async throws -> [SKULink]

    /// Adds a link for the owner; linking the same pair again changes nothing.
    ///
    /// - Throws: ``SKUMappingError`` when either SKU is already linked to another; then nothing
    ///   was written.
    func link(_ link: SKULink, owner: String) async throws

    /// Removes the owner's link of `partner`, returning it, or `nil` when there was none.
    func unlink(partner: SKU, owner: String) async throws -> SKULink?
}
