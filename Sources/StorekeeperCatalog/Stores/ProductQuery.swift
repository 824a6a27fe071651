public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Which products ``CatalogStore/list(_:)`` returns, in what order, and which page of them.
///
/// Filters combine with AND; a `nil` filter does not filter. The page is an offset page
/// (`PageRequest.Position.page(_:)`, with a total) or a keyset page (`.start` or a cursor, stable
/// while products change):
///
/// ```swift
/// // ShopiSync: GET /v1/products?page=2&limit=20&active=true
/// let request = try PageRequest(query: items, policy: .shopiSync)
/// let page = try await store.list(ProductQuery(page: request, isActive: true))
///
/// // Everspring incremental sync: everything changed since the last run, deletions included.
/// let changes = try await store.list(
///     ProductQuery(page: request, order: .updatedAt, updatedSince: lastSync, includeDeleted: true)
/// )
/// ```
public struct ProductQuery: Sendable, Hashable {
    /// The order of the list. Both are ascending and total: ties break on the product id.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// By ``Product/id``, as UTF-8 bytes. Keyset key: `[]` and the id.
        case id
        /// By ``Product/updatedAt``, oldest first, then id: the order of an incremental sync.
        /// Keyset key: `[.integer(milliseconds since 1970)]` and the id.
        case updatedAt = "updated_at"
    }

    /// Which page.
    public var page: PageRequest
    /// The order.
    public var order: Order
    /// Only products whose ``Product/isActive`` is this (ShopiSync's `active` filter).
    public var isActive: Bool?
    /// Only products with this ``Product/owner`` (Spring lists the calling key's products).
    public var owner: String?
    /// Only products updated at or after this time (an incremental sync's `updated_since`).
    public var updatedSince: Date?
    /// Whether soft-deleted products are listed too; `false` unless stated. An incremental sync
    /// sets it to learn of deletions.
    public var includeDeleted: Bool

    /// Creates a query.
    ///
    /// - Parameters:
    ///   - page: Which page.
    ///   - order: The order; by id unless stated.
    ///   - isActive: Only active (or only inactive) products.
    ///   - owner: Only this owner's products.
    ///   - updatedSince: Only products updated at or after this time.
    ///   - includeDeleted: Whether to list deleted products too.
    public init(
        page: PageRequest,
        order: Order = .id,
        isActive: Bool? = nil,
        owner: String? = nil,
        updatedSince: Date? = nil,
        includeDeleted: Bool = false
    ) {
        self.page = page
        self.order = order
        self.isActive = isActive
        self.owner = owner
        self.updatedSince = updatedSince
        self.includeDeleted = includeDeleted
    }

    /// Whether `product` passes the filters.
    ///
    /// - Parameter product: A stored product.
    /// - Returns: `true` when every filter accepts it.
    public func matches(_ product: Product) -> Bool {
        if !includeDeleted && product.isDeleted { return false }
        if let isActive, product.isActive != isActive { return false }
        if let owner, product.owner != owner { return false }
        if let updatedSince {
            guard let updatedAt = product.updatedAt, updatedAt >= updatedSince else { return false }
        }
        return true
    }

    /// The product's position in ``order``, for keyset cursors.
    ///
    /// - Parameter product: A stored product.
    /// - Returns: The sort values and the id.
    public func keysetKey(of product: Product) -> KeysetKey {
        switch order {
        case .id:
            return KeysetKey(values: [], id: product.id.rawValue)
        case .updatedAt:
            let milliseconds = ((product.updatedAt?.timeIntervalSince1970 ?? 0) * 1000).rounded(.down)
            return KeysetKey(values: [.integer(Int64(exactly: milliseconds) ?? 0)], id: product.id.rawValue)
        }
    }
}
