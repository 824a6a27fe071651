public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where the host keeps the catalogue: a PostgreSQL table, a document store, or the in-memory
/// `InMemoryCatalogStore` of `StorekeeperTesting` in tests.
///
/// ## The contract
///
/// Every method is one atomic operation: a single SQL statement or one transaction, never a
/// read followed by a separate write. Writes are guarded, so nothing is lost to a concurrent
/// writer:
///
/// - **Versions.** Each write sets ``Product/version`` to the previous version plus one (1 on
///   insert). A write that names the version it replaces (``WritePrecondition/version(_:)``,
///   or `expectedVersion` on delete and undelete) fails with
///   ``CatalogStoreError/Code/versionConflict`` if another write came first. Of many concurrent
///   writers holding the same version, exactly one succeeds.
/// - **Uniqueness.** A variant's SKU is unique across the variants of all live products and
///   within its own product; a URL key is unique across live products; ``Product/number`` is
///   unique across all products. The store checks this in the same atomic write and reports a
///   ``CatalogStoreError/Code/uniqueViolation`` naming the ``CatalogStoreError/Field``. Of two
///   products racing for one SKU, exactly one gets it.
/// - **Soft deletion.** Deleting keeps the record with ``Product/deletedAt`` set and releases
///   its SKUs and URL key. Any upsert of the id undeletes it (Spring's `PUT` does), as does
///   ``undelete(id:expectedVersion:now:)``; both fail if another product took a SKU or the URL key meanwhile.
/// - **Time.** The caller passes `now` (from its `WallClock`); the store stamps
///   ``Product/createdAt`` on insert, ``Product/updatedAt`` on every write and
///   ``Product/deletedAt`` on delete, and ignores whatever the caller put in those fields.
/// - **Numbers.** An insert with ``Product/number`` `nil` gets the next free number (a
///   sequence); once stored, a product's number never changes.
///
/// Errors other than ``CatalogStoreError`` (a lost connection) pass through unchanged.
///
/// ## A PostgreSQL sketch
///
/// ```sql
/// CREATE SEQUENCE product_numbers;
/// CREATE TABLE products (
///     id          text COLLATE "C" PRIMARY KEY,
///     number      bigint NOT NULL UNIQUE,
///     url_key     text COLLATE "C",
///     owner       text,
///     is_active   boolean NOT NULL,
///     document    jsonb NOT NULL,          -- the rest of the Product
///     version     bigint NOT NULL,
///     created_at  timestamptz NOT NULL,
///     updated_at  timestamptz NOT NULL,
///     deleted_at  timestamptz
/// );
/// CREATE UNIQUE INDEX products_url_key ON products (url_key) WHERE deleted_at IS NULL;
/// CREATE TABLE product_skus (
///     sku        text COLLATE "C" NOT NULL,
///     product_id text NOT NULL REFERENCES products ON DELETE CASCADE,
///     live       boolean NOT NULL
/// );
/// CREATE UNIQUE INDEX product_skus_sku ON product_skus (sku) WHERE live;
/// ```
///
/// A unique-index violation (SQLSTATE 23505) rolls the whole transaction back; its constraint
/// name tells the store which ``CatalogStoreError/Field`` to report. Conformance is checked by
/// `CatalogStoreConformance` in `StorekeeperTesting`: run it against your implementation.
public protocol CatalogStore: Sendable {
    /// The product with `id`, live or soft-deleted.
    ///
    /// Deleted products are returned with ``Product/deletedAt`` set, so a caller can read the
    /// version it needs to undelete; an API that should not show them checks
    /// ``Product/isDeleted``.
    ///
    /// One statement: `SELECT * FROM products WHERE id = $1`.
    ///
    /// - Parameter id: The product's id.
    /// - Returns: The stored product, or `nil` when no product ever had the id.
    func product(id: ProductID) async throws -> Product?

    /// The live product that has a variant with `sku`.
    ///
    /// One statement: `SELECT p.* FROM product_skus s JOIN products p ON p.id = s.product_id
    /// WHERE s.sku = $1 AND s.live`.
    ///
    /// - Parameter sku: The SKU.
    /// - Returns: The product, or `nil` when no live product has the SKU.
    func product(sku: SKU) async throws -> Product?

    /// Inserts or replaces a product, guarded by `condition`, and returns what was stored.
    ///
    /// The stored product is `product` with ``Product/version`` incremented, the timestamps
    /// stamped from `now`, ``Product/deletedAt`` cleared (a write undeletes) and
    /// ``Product/number`` assigned on insert or kept from the stored record.
    ///
    /// One transaction:
    ///
    /// ```sql
    /// INSERT INTO products (id, number, url_key, ..., version, created_at, updated_at, deleted_at)
    /// VALUES ($id, COALESCE($number, nextval('product_numbers')), $url_key, ..., 1, $now, $now, NULL)
    /// ON CONFLICT (id) DO UPDATE                -- .insertOnly: ON CONFLICT DO NOTHING
    ///     SET url_key = EXCLUDED.url_key, ..., version = products.version + 1,
    ///         updated_at = $now, deleted_at = NULL
    ///     WHERE products.version = $expected    -- .version(n); no WHERE for .unconditional
    /// RETURNING *;
    /// -- no row returned: SELECT version to report not_found / version_conflict / already_exists
    /// DELETE FROM product_skus WHERE product_id = $id;
    /// INSERT INTO product_skus (sku, product_id, live) SELECT unnest($skus), $id, true;
    /// COMMIT;   -- 23505 on products_url_key or product_skus_sku: ROLLBACK, unique_violation
    /// ```
    ///
    /// - Parameters:
    ///   - product: The product to store; its storage fields are ignored.
    ///   - condition: What the write expects to find.
    ///   - now: The time of the write.
    /// - Returns: The stored product.
    /// - Throws: ``CatalogStoreError`` with ``CatalogStoreError/Code/alreadyExists``,
    ///   ``CatalogStoreError/Code/notFound``, ``CatalogStoreError/Code/versionConflict`` or
    ///   ``CatalogStoreError/Code/uniqueViolation``; nothing is written when it throws.
    func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product

    /// Soft-deletes a product: sets ``Product/deletedAt`` and releases its SKUs and URL key.
    ///
    /// Deleting a deleted product changes nothing and returns it (after the version check), so
    /// a retried `DELETE` succeeds.
    ///
    /// One transaction:
    ///
    /// ```sql
    /// UPDATE products SET deleted_at = $now, updated_at = $now, version = version + 1
    ///     WHERE id = $id AND deleted_at IS NULL AND ($expected IS NULL OR version = $expected)
    ///     RETURNING *;
    /// UPDATE product_skus SET live = false WHERE product_id = $id;
    /// ```
    ///
    /// - Parameters:
    ///   - id: The product.
    ///   - expectedVersion: The version the caller read, or `nil` to delete whatever is stored.
    ///   - now: The time of the deletion.
    /// - Returns: The deleted product.
    /// - Throws: ``CatalogStoreError`` with ``CatalogStoreError/Code/notFound`` or
    ///   ``CatalogStoreError/Code/versionConflict``.
    func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product

    /// Restores a soft-deleted product, reclaiming its SKUs and URL key.
    ///
    /// Undeleting a live product changes nothing and returns it (after the version check).
    ///
    /// One transaction:
    ///
    /// ```sql
    /// UPDATE products SET deleted_at = NULL, updated_at = $now, version = version + 1
    ///     WHERE id = $id AND deleted_at IS NOT NULL AND ($expected IS NULL OR version = $expected)
    ///     RETURNING *;
    /// UPDATE product_skus SET live = true WHERE product_id = $id;   -- 23505: ROLLBACK
    /// ```
    ///
    /// - Parameters:
    ///   - id: The product.
    ///   - expectedVersion: The version the caller read, or `nil` to undelete whatever is stored.
    ///   - now: The time of the undeletion.
    /// - Returns: The live product.
    /// - Throws: ``CatalogStoreError`` with ``CatalogStoreError/Code/notFound``,
    ///   ``CatalogStoreError/Code/versionConflict``, or ``CatalogStoreError/Code/uniqueViolation``
    ///   when another product took a SKU or the URL key while it was deleted.
    func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product

    /// One page of the products that match `query`, in its order.
    ///
    /// An offset request (`.page(n)`) returns the page with `total`; a keyset request (`.start`
    /// or a cursor) returns the items strictly after (or before) the cursor's key, with cursors
    /// to the neighbouring pages and no total. Keyset pages neither repeat nor skip a product
    /// that stays in the list while others are written.
    ///
    /// One statement (a snapshot):
    ///
    /// ```sql
    /// SELECT *, count(*) OVER () AS total FROM products
    ///     WHERE ($active IS NULL OR is_active = $active) AND ($owner IS NULL OR owner = $owner)
    ///       AND ($since IS NULL OR updated_at >= $since) AND ($deleted OR deleted_at IS NULL)
    ///     ORDER BY id LIMIT $limit OFFSET ($page - 1) * $limit;
    /// -- keyset by updated_at, after a cursor: no count, one extra row to learn hasMore
    ///     ... AND (date_trunc('milliseconds', updated_at), id) > ($cursor_time, $cursor_id)
    ///     ORDER BY date_trunc('milliseconds', updated_at), id LIMIT $limit + 1;
    /// ```
    ///
    /// - Parameter query: Filters, order and page.
    /// - Returns: The page.
    func list(_ query: ProductQuery) async throws -> Page<Product>
}
