public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where orders and the stock they reserve live: implemented once per store.
///
/// ``apply(_:)`` writes an order change and its stock effect in one transaction, guarded by the
/// order's version, so a status change never happens without its reservation or release, and two
/// concurrent changes never both win:
///
/// ```sql
/// BEGIN;
/// UPDATE orders SET status = $2, history = $3, version = version + 1 WHERE id = $1 AND version = $4;
/// -- 0 rows: version_conflict (ROLLBACK)
/// UPDATE inventory SET reserved = reserved + $qty WHERE sku = $sku AND on_hand - reserved >= $qty;
/// -- for each line; 0 rows: insufficient_stock (ROLLBACK)
/// COMMIT;
/// ```
///
/// `StorekeeperTesting` has `InMemoryOrderStore` and `OrderStoreConformance`.
public protocol OrderStore: Sendable {
    /// Writes `transition` atomically: inserts the order when `expectedVersion` is 0, otherwise
    /// replaces it if its stored version matches; applies the stock effect in the same step.
    ///
    /// - Returns: The order as stored (its version incremented).
    /// - Throws: ``OrderError``: ``OrderError/Code/alreadyExists``, ``OrderError/Code/notFound``,
    ///   ``OrderError/Code/versionConflict`` or ``OrderError/Code/insufficientStock`` — and then
    ///   nothing was written.
    func apply(_ transition: OrderTransition) async throws -> Order

    /// The order with `id`, or `nil`.
    func order(id: String) async throws -> Order?

    /// A vendor's orders created in `start`…`end`, oldest first.
    func orders(vendorID: String, createdIn range: ClosedRange<Date>) async throws -> [Order]

    /// The stock level of `sku`, or `nil`.
    func inventory(sku: SKU) async throws -> InventoryLevel?

    /// Stores a stock level (seeding, or a sync from the source of truth).
    func saveInventory(_ level: InventoryLevel) async throws

    /// Applies a stock update from the source of truth atomically, keeping the reservations:
    /// creates the level when there is none; an update not newer than the level changes nothing.
    ///
    /// ```sql
    /// INSERT INTO inventory (sku, on_hand, reserved, as_of) VALUES ($1, $2, 0, $3)
    /// ON CONFLICT (sku) DO UPDATE SET on_hand = $2, as_of = $3 WHERE inventory.as_of < $3;
    /// ```
    ///
    /// - Returns: ``StockUpdateOutcome/applied`` or ``StockUpdateOutcome/ignoredAsStale``.
    /// - Throws: ``InventoryError`` for a count the level cannot take; then nothing was written.
    func applyStockUpdate(_ update: StockUpdate) async throws -> StockUpdateOutcome

    /// A page of stock levels in the query's order (update time, then SKU).
    func inventoryLevels(_ query: InventoryQuery) async throws -> Page<InventoryLevel>
}
