import StorekeeperCatalog
import StorekeeperCore
import StorekeeperPagination
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("CatalogStore")
struct CatalogStoreTests {
    @Test("the in-memory store passes the conformance suite")
    func inMemoryConforms() async throws {
        try await CatalogStoreConformance { InMemoryCatalogStore() }.run()
    }

    @Test("the suite catches a store that loses updates")
    func catchesLostUpdates() async throws {
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await CatalogStoreConformance { LostUpdateStore() }.run()
        }
        #expect(failure?.requirement == "an update with a stale version fails with version_conflict")
        #expect(failure?.suite == "CatalogStoreConformance")
    }

    @Test("the suite catches a store that lets two products share a SKU")
    func catchesDuplicateSKUs() async throws {
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await CatalogStoreConformance { PartitionedStore() }.run()
        }
        #expect(failure?.requirement == "a SKU held by another live product cannot be stored again")
    }

    @Test("the suite catches a store that lists deleted products")
    func catchesDeletedListings() async throws {
        let failure = await #expect(throws: ConformanceFailure.self) {
            try await CatalogStoreConformance { TombstoneListingStore() }.run()
        }
        #expect(failure?.requirement == "a list excludes deleted products")
    }

    @Test("query keys: by id, or by update time in milliseconds then id")
    func keysetKeys() throws {
        var product = try Product(id: ProductID("p-1"), title: "P")
        product.updatedAt = Date(timeIntervalSince1970: 1_700_000_000.1239)
        let request = PageRequest(position: .start, limit: 10)
        #expect(ProductQuery(page: request).keysetKey(of: product) == KeysetKey(values: [], id: "p-1"))
        #expect(
            ProductQuery(page: request, order: .updatedAt).keysetKey(of: product)
                == KeysetKey(values: [.integer(1_700_000_000_123)], id: "p-1")
        )
        #expect(ProductQuery.Order.updatedAt.rawValue == "updated_at")
    }

    @Test("conflicts name the field, the value and the holder")
    func conflictDetails() async throws {
        let store = InMemoryCatalogStore()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let price = try Money(parsing: "1", currency: .usd)
        let first = try Product(
            id: ProductID("a"),
            title: "A",
            urlKey: URLKey("shared"),
            variants: [Variant(sku: SKU("S1"), price: price)]
        )
        _ = try await store.upsert(first, condition: .insertOnly, now: now)
        let second = try Product(
            id: ProductID("b"),
            title: "B",
            urlKey: URLKey("shared"),
            variants: [Variant(sku: SKU("S2"), price: price)]
        )
        let error = await #expect(throws: CatalogStoreError.self) {
            try await store.upsert(second, condition: .insertOnly, now: now)
        }
        #expect(error?.code == .uniqueViolation)
        #expect(error?.field == .urlKey)
        #expect(error?.field?.rawValue == "url_key")
        #expect(error?.value == "shared")
        #expect(error?.conflictingID == (try ProductID("a")))
        #expect(error?.productID == (try ProductID("b")))
        #expect(error?.httpStatus == 409)
        #expect(error?.message == "The url_key shared is already used by product a.")
    }

    @Test("error factories carry stable codes and statuses")
    func errorFactories() throws {
        let id = try ProductID("p")
        #expect(CatalogStoreError.notFound(id).httpStatus == 404)
        #expect(CatalogStoreError.notFound(id).code.rawValue == "not_found")
        let conflict = CatalogStoreError.versionConflict(id, expected: 3, actual: 4)
        #expect(conflict.code.rawValue == "version_conflict")
        #expect(conflict.httpStatus == 409)
        #expect(conflict.expectedVersion == 3 && conflict.actualVersion == 4)
        #expect(CatalogStoreError.alreadyExists(id).code.rawValue == "already_exists")
        let anonymous = CatalogStoreError.uniqueViolation(field: .sku, value: "X", productID: id, conflictingID: nil)
        #expect(anonymous.message == "The sku X is already used by another product.")
        #expect(anonymous.description.hasPrefix("unique_violation: "))
    }
}

/// A broken store that ignores expected versions: updates always win.
private struct LostUpdateStore: CatalogStore {
    let base = InMemoryCatalogStore()

    func product(id: ProductID) async throws -> Product? { try await base.product(id: id) }
    func product(sku: SKU) async throws -> Product? { try await base.product(sku: sku) }
    func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product {
        let relaxed: WritePrecondition = if case .version = condition { .unconditional } else { condition }
        return try await base.upsert(product, condition: relaxed, now: now)
    }
    func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await base.delete(id: id, expectedVersion: expectedVersion, now: now)
    }
    func list(_ query: ProductQuery) async throws -> Page<Product> { try await base.list(query) }
    func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await base.undelete(id: id, expectedVersion: expectedVersion, now: now)
    }
}

/// A broken store that keeps each product in its own partition, so it never sees another
/// product's SKUs.
private final class PartitionedStore: CatalogStore {
    private let partitions = Locked<[ProductID: InMemoryCatalogStore]>([:])

    private func partition(_ id: ProductID) -> InMemoryCatalogStore {
        partitions.withLock { partitions in
            if let store = partitions[id] { return store }
            let store = InMemoryCatalogStore()
            partitions[id] = store
            return store
        }
    }

    func product(id: ProductID) async throws -> Product? { try await partition(id).product(id: id) }
    func product(sku: SKU) async throws -> Product? {
        for store in partitions.withLock({ Array($0.values) }) {
            if let product = try await store.product(sku: sku) { return product }
        }
        return nil
    }
    func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product {
        try await partition(product.id).upsert(product, condition: condition, now: now)
    }
    func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await partition(id).delete(id: id, expectedVersion: expectedVersion, now: now)
    }
    func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await partition(id).undelete(id: id, expectedVersion: expectedVersion, now: now)
    }
    func list(_ query: ProductQuery) async throws -> Page<Product> {
        Page(items: [], limit: query.page.limit, hasMore: false)
    }
}

/// A broken store that forgets to hide deleted products from lists.
private struct TombstoneListingStore: CatalogStore {
    let base = InMemoryCatalogStore()

    func product(id: ProductID) async throws -> Product? { try await base.product(id: id) }
    func product(sku: SKU) async throws -> Product? { try await base.product(sku: sku) }
    func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product {
        try await base.upsert(product, condition: condition, now: now)
    }
    func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await base.delete(id: id, expectedVersion: expectedVersion, now: now)
    }
    func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product {
        try await base.undelete(id: id, expectedVersion: expectedVersion, now: now)
    }
    func list(_ query: ProductQuery) async throws -> Page<Product> {
        var everything = query
        everything.includeDeleted = true
        return try await base.list(everything)
    }
}
