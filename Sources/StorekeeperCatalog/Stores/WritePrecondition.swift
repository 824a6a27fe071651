/// What a ``CatalogStore/upsert(_:condition:now:)`` expects to find, so that no write silently
/// replaces one it did not see.
///
/// - ``insertOnly`` creates a product (EverShop's `POST /api/products`): it fails with
///   ``CatalogStoreError/Code/alreadyExists`` when the id is taken, even by a deleted product.
/// - ``version(_:)`` replaces the version the caller read (EverShop's `PATCH`, an `If-Match`
///   update): it fails with ``CatalogStoreError/Code/versionConflict`` when another writer got
///   there first, and with ``CatalogStoreError/Code/notFound`` when the product is gone.
/// - ``unconditional`` inserts or replaces whatever is stored (Spring's `PUT /product`, whose
///   documented meaning is "create or update").
public enum WritePrecondition: Sendable, Hashable {
    /// Insert; fail if a product with the id exists.
    case insertOnly
    /// Update; fail unless the stored product has exactly this version.
    case version(Int64)
    /// Insert or replace, whatever is stored.
    case unconditional
}
