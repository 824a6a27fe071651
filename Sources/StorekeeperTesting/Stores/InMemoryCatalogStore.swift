public import StorekeeperCatalog
import StorekeeperCore
public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ``CatalogStore`` in memory, with exactly the semantics a database implementation must have.
///
/// Every method runs under one lock, so each is atomic as the protocol requires: concurrent
/// writers with the same expected version see exactly one success, and two products racing for
/// one SKU see exactly one winner. It passes `CatalogStoreConformance`.
///
/// ```swift
/// let store = InMemoryCatalogStore()
/// let stored = try await store.upsert(product, condition: .insertOnly, now: clock.now)
/// ```
///
/// It is a class because identity matters: every holder sees the same catalogue.
public final class InMemoryCatalogStore: CatalogStore {
    fileprivate struct State {
        var products: [ProductID: Product] = [:]
        /// SKU → the live product holding it.
        var liveSKUs: [SKU: ProductID] = [:]
        /// URL key → the live product holding it.
        var liveURLKeys: [URLKey: ProductID] = [:]
        /// Number → the product holding it, deleted ones included.
        var numbers: [Int64: ProductID] = [:]
        var lastNumber: Int64 = 0
    }

    private let state = Locked(State())

    /// Creates an empty store.
    public init() {}

    /// The product with `id`, live or soft-deleted.
    ///
    /// - Complexity: O(1) on average.
    public func product(id: ProductID) async throws -> Product? {
        state.withLock { $0.products[id] }
    }

    /// The live product that has a variant with `sku`.
    ///
    /// - Complexity: O(1) on average.
    public func product(sku: SKU) async throws -> Product? {
        state.withLock { state in state.liveSKUs[sku].flatMap { state.products[$0] } }
    }

    /// Inserts or replaces a product under one lock; see ``CatalogStore/upsert(_:condition:now:)``.
    ///
    /// - Complexity: O(*v*) in the number of variants, on average.
    public func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product {
        try state.withLock { state throws(CatalogStoreError) in
            let existing = state.products[product.id]
            switch condition {
            case .insertOnly:
                if existing != nil { throw .alreadyExists(product.id) }
            case .version(let expected):
                guard let existing else { throw .notFound(product.id) }
                guard existing.version == expected else {
                    throw .versionConflict(product.id, expected: expected, actual: existing.version)
                }
            case .unconditional:
                break
            }
            try state.checkUnique(product)
            var stored = product
            if let existing, let number = existing.number {
                stored.number = number
            } else {
                stored.number = try state.claimNumber(product.number, for: product.id)
            }
            stored.version = (existing?.version ?? 0) + 1
            stored.createdAt = existing?.createdAt ?? now
            stored.updatedAt = now
            stored.deletedAt = nil
            if let existing { state.release(existing) }
            state.claim(stored)
            state.products[stored.id] = stored
            return stored
        }
    }

    /// One page of the matching products; see ``CatalogStore/list(_:)``.
    ///
    /// The products are filtered under the lock (a snapshot) and sorted outside it.
    ///
    /// - Complexity: O(*n* log *n*) in the number of stored products.
    public func list(_ query: ProductQuery) async throws -> Page<Product> {
        let matching = state.withLock { state in state.products.values.filter(query.matches) }
        // Sort keys and positions, not whole products: a product is a large value to move.
        let sorted = matching.indices.map { (key: query.keysetKey(of: matching[$0]), index: $0) }
            .sorted { $0.key < $1.key }
        switch query.page.position {
        case .page(let number):
            return Page.offset(sorted.map(\.index), page: number, limit: query.page.limit).map { matching[$0] }
        case .start, .cursor:
            return KeysetPager.page(sorted, key: \.key, limit: query.page.limit, from: query.page.position)
                .map { matching[$0.index] }
        }
    }

    /// Soft-deletes a product under one lock; see ``CatalogStore/delete(id:expectedVersion:now:)``.
    ///
    /// - Complexity: O(*v*) in the number of variants, on average.
    public func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try state.withLock { state throws(CatalogStoreError) in
            var product = try state.existing(id, expectedVersion: expectedVersion)
            guard !product.isDeleted else { return product }
            state.release(product)
            product.deletedAt = now
            product.updatedAt = now
            product.version += 1
            state.products[id] = product
            return product
        }
    }

    /// Restores a soft-deleted product under one lock; see ``CatalogStore/undelete(id:expectedVersion:now:)``.
    ///
    /// - Complexity: O(*v*) in the number of variants, on average.
    public func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try state.withLock { state throws(CatalogStoreError) in
            var product = try state.existing(id, expectedVersion: expectedVersion)
            guard product.isDeleted else { return product }
            try state.checkUnique(product)
            product.deletedAt = nil
            product.updatedAt = now
            product.version += 1
            state.claim(product)
            state.products[id] = product
            return product
        }
    }
}

extension InMemoryCatalogStore.State {
    /// The stored product with `id`, after checking the expected version.
    fileprivate func existing(_ id: ProductID, expectedVersion: Int64?) throws(CatalogStoreError) -> Product {
        guard let product = products[id] else { throw .notFound(id) }
        if let expectedVersion, product.version != expectedVersion {
            throw .versionConflict(id, expected: expectedVersion, actual: product.version)
        }
        return product
    }

    /// Throws unless `product`'s SKUs and URL key are free for it among the live products.
    fileprivate func checkUnique(_ product: Product) throws(CatalogStoreError) {
        var seen: Set<SKU> = []
        for variant in product.variants {
            let sku = variant.sku
            guard seen.insert(sku).inserted else {
                throw .uniqueViolation(
                    field: .sku, value: sku.rawValue, productID: product.id, conflictingID: product.id)
            }
            if let holder = liveSKUs[sku], holder != product.id {
                throw .uniqueViolation(field: .sku, value: sku.rawValue, productID: product.id, conflictingID: holder)
            }
        }
        if let key = product.urlKey, let holder = liveURLKeys[key], holder != product.id {
            throw .uniqueViolation(field: .urlKey, value: key.rawValue, productID: product.id, conflictingID: holder)
        }
    }

    /// The number for a new product: the requested one if free, else the next in sequence.
    fileprivate mutating func claimNumber(_ requested: Int64?, for id: ProductID) throws(CatalogStoreError) -> Int64 {
        if let requested {
            if let holder = numbers[requested] {
                throw .uniqueViolation(field: .number, value: String(requested), productID: id, conflictingID: holder)
            }
            numbers[requested] = id
            lastNumber = max(lastNumber, requested)
            return requested
        }
        repeat { lastNumber += 1 } while numbers[lastNumber] != nil
        numbers[lastNumber] = id
        return lastNumber
    }

    /// Marks `product`'s SKUs and URL key as held by it.
    fileprivate mutating func claim(_ product: Product) {
        for variant in product.variants { liveSKUs[variant.sku] = product.id }
        if let key = product.urlKey { liveURLKeys[key] = product.id }
    }

    /// Frees the SKUs and URL key `product` holds while live.
    fileprivate mutating func release(_ product: Product) {
        guard !product.isDeleted else { return }
        for variant in product.variants where liveSKUs[variant.sku] == product.id {
            liveSKUs[variant.sku] = nil
        }
        if let key = product.urlKey, liveURLKeys[key] == product.id { liveURLKeys[key] = nil }
    }
}
