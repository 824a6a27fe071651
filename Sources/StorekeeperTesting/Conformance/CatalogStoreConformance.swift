public import StorekeeperCatalog
import StorekeeperPagination

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks that a ``CatalogStore`` implementation keeps the protocol's contract: versions,
/// uniqueness of SKUs, URL keys and numbers, soft deletion, listing, and atomicity under
/// concurrent writers.
///
/// Run it from your own tests with a factory that returns an empty store (a fresh schema, a
/// truncated table); every check gets its own store:
///
/// ```swift
/// @Test func postgresCatalogStoreConforms() async throws {
///     try await CatalogStoreConformance { try await PostgresCatalogStore.emptyForTesting() }.run()
/// }
/// ```
///
/// `run()` throws a ``ConformanceFailure`` naming the first requirement the store breaks and
/// what it did instead. It uses no test framework, so it runs under Swift Testing, XCTest or a
/// plain executable.
public struct CatalogStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any CatalogStore

    /// The time the checks write at; later writes use later times.
    private static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// How many concurrent writers the race checks start.
    private static let writers = 16

    /// Creates the suite.
    ///
    /// - Parameter makeStore: Returns a new, empty store each time it is called.
    public init(makeStore: @escaping @Sendable () async throws -> any CatalogStore) {
        self.makeStore = makeStore
    }

    /// Runs every check, each against a new store.
    ///
    /// - Throws: ``ConformanceFailure`` for the first broken requirement, or any error the store
    ///   throws where the contract expects success.
    public func run() async throws {
        try await checkInsert()
        try await checkInsertOnly()
        try await checkVersionedUpdate()
        try await checkUnconditional()
        try await checkSKUUniqueness()
        try await checkURLKeyUniqueness()
        try await checkNumbers()
        try await checkSoftDeletion()
        try await checkUndelete()
        try await checkFilters()
        try await checkOffsetPages()
        try await checkKeysetPages()
        try await checkConcurrentVersionedWriters()
        try await checkConcurrentSKUClaims()
        try await checkConcurrentNumbering()
    }
}

// MARK: - Checks

extension CatalogStoreConformance {
    private func checkInsert() async throws {
        let store = try await makeStore()
        var draft = try Self.product("p1", skus: ["P1-A", "P1-B"], urlKey: "p-one")
        draft.version = 99
        draft.deletedAt = Self.start
        let stored = try await store.upsert(draft, condition: .insertOnly, now: Self.start)
        try expect(stored.version == 1, "an insert stores version 1", "version \(stored.version)")
        try expect(
            stored.createdAt == Self.start && stored.updatedAt == Self.start,
            "an insert stamps createdAt and updatedAt with now",
            "createdAt \(String(describing: stored.createdAt)), updatedAt \(String(describing: stored.updatedAt))"
        )
        try expect(stored.deletedAt == nil, "an insert ignores the caller's deletedAt", "deletedAt is set")
        try expect(stored.number != nil, "an insert without a number is assigned one", "number is nil")
        try expect(
            stored.title == draft.title && stored.variants == draft.variants && stored.urlKey == draft.urlKey,
            "an insert stores the product's fields unchanged",
            "stored \(stored)"
        )
        let read = try await store.product(id: stored.id)
        try expect(read == stored, "product(id:) returns what upsert returned", "read \(String(describing: read))")
        let unknown = try await store.product(id: ProductID("absent"))
        try expect(unknown == nil, "product(id:) returns nil for an unknown id", "returned a product")
        let bySKU = try await store.product(sku: SKU("P1-B"))
        try expect(
            bySKU?.id == stored.id, "product(sku:) finds the product of any of its variants",
            "\(String(describing: bySKU?.id))")
        let noSKU = try await store.product(sku: SKU("NOPE"))
        try expect(noSKU == nil, "product(sku:) returns nil for an unknown SKU", "returned a product")
    }

    private func checkInsertOnly() async throws {
        let store = try await makeStore()
        let first = try await store.upsert(Self.product("p1", skus: ["A"]), condition: .insertOnly, now: Self.start)
        var second = try Self.product("p1", skus: ["B"])
        second.title = "Replaced"
        try await expectError(.alreadyExists, "an insert-only write of a taken id fails with already_exists") {
            _ = try await store.upsert(second, condition: .insertOnly, now: Self.later(1))
        }
        let read = try await store.product(id: first.id)
        try expect(read == first, "a failed insert changes nothing", "stored \(String(describing: read))")
    }

    private func checkVersionedUpdate() async throws {
        let store = try await makeStore()
        let first = try await store.upsert(Self.product("p1", skus: ["A"]), condition: .insertOnly, now: Self.start)
        var change = first
        change.title = "Renamed"
        change.number = (first.number ?? 0) + 1000
        let second = try await store.upsert(change, condition: .version(first.version), now: Self.later(1))
        try expect(second.version == 2, "an update increments the version", "version \(second.version)")
        try expect(second.title == "Renamed", "an update stores the new fields", "title \(second.title)")
        try expect(
            second.createdAt == first.createdAt, "an update keeps createdAt", "\(String(describing: second.createdAt))")
        try expect(
            second.updatedAt == Self.later(1), "an update stamps updatedAt", "\(String(describing: second.updatedAt))")
        try expect(
            second.number == first.number, "an update keeps the stored number", "\(String(describing: second.number))")

        change.title = "Lost update"
        let conflict = try await expectError(
            .versionConflict, "an update with a stale version fails with version_conflict"
        ) {
            _ = try await store.upsert(change, condition: .version(first.version), now: Self.later(2))
        }
        try expect(
            conflict.expectedVersion == 1 && conflict.actualVersion == 2,
            "a version conflict reports the expected and the stored version",
            "expected \(String(describing: conflict.expectedVersion)), actual \(String(describing: conflict.actualVersion))"
        )
        let read = try await store.product(id: first.id)
        try expect(read == second, "a failed update changes nothing", "stored \(String(describing: read))")

        try await expectError(.notFound, "an update of an absent id fails with not_found") {
            _ = try await store.upsert(Self.product("absent", skus: ["Z"]), condition: .version(1), now: Self.later(3))
        }
    }

    private func checkUnconditional() async throws {
        let store = try await makeStore()
        let inserted = try await store.upsert(
            Self.product("p1", skus: ["A"]), condition: .unconditional, now: Self.start)
        try expect(
            inserted.version == 1, "an unconditional write of a new id inserts it", "version \(inserted.version)")
        var change = try Self.product("p1", skus: ["B"])
        change.title = "Replaced"
        let replaced = try await store.upsert(change, condition: .unconditional, now: Self.later(1))
        try expect(
            replaced.version == 2 && replaced.title == "Replaced" && replaced.createdAt == inserted.createdAt,
            "an unconditional write replaces the stored product and increments its version",
            "stored \(replaced)"
        )
    }

    private func checkSKUUniqueness() async throws {
        let store = try await makeStore()
        let holder = try await store.upsert(
            Self.product("p1", skus: ["A", "B"]), condition: .insertOnly, now: Self.start)
        let taken = try await expectError(
            .uniqueViolation,
            "a SKU held by another live product cannot be stored again"
        ) {
            _ = try await store.upsert(
                Self.product("p2", skus: ["C", "B"]), condition: .insertOnly, now: Self.later(1))
        }
        try expectConflict(taken, field: .sku, value: "B", holder: holder.id)
        let p2 = try await store.product(id: ProductID("p2"))
        try expect(p2 == nil, "a write refused for a taken SKU stores nothing", "p2 was stored")
        let c = try await store.product(sku: SKU("C"))
        try expect(c == nil, "a write refused for a taken SKU claims none of its SKUs", "SKU C was claimed")

        let repeated = try await expectError(.uniqueViolation, "a product cannot repeat a SKU among its variants") {
            _ = try await store.upsert(
                Self.product("p3", skus: ["D", "D"]), condition: .insertOnly, now: Self.later(2))
        }
        try expectConflict(repeated, field: .sku, value: "D", holder: ProductID("p3"))

        var rewrite = holder
        rewrite.title = "Same SKUs"
        let kept = try await store.upsert(rewrite, condition: .version(holder.version), now: Self.later(3))
        try expect(kept.version == 2, "a product can be rewritten with its own SKUs", "version \(kept.version)")

        var dropB = kept
        dropB.variants.removeLast()
        _ = try await store.upsert(dropB, condition: .version(kept.version), now: Self.later(4))
        let other = try await store.upsert(Self.product("p4", skus: ["B"]), condition: .insertOnly, now: Self.later(5))
        let found = try await store.product(sku: SKU("B"))
        try expect(
            found?.id == other.id,
            "a SKU dropped by an update is free for another product",
            "product(sku: B) is \(String(describing: found?.id))"
        )
    }

    private func checkURLKeyUniqueness() async throws {
        let store = try await makeStore()
        let holder = try await store.upsert(
            Self.product("p1", skus: ["A"], urlKey: "cat-hat"),
            condition: .insertOnly,
            now: Self.start
        )
        let taken = try await expectError(
            .uniqueViolation, "a URL key held by another live product cannot be stored again"
        ) {
            _ = try await store.upsert(
                Self.product("p2", skus: ["B"], urlKey: "cat-hat"),
                condition: .insertOnly,
                now: Self.later(1)
            )
        }
        try expectConflict(taken, field: .urlKey, value: "cat-hat", holder: holder.id)
        var rewrite = holder
        rewrite.title = "Same key"
        _ = try await store.upsert(rewrite, condition: .version(1), now: Self.later(2))
    }

    private func checkNumbers() async throws {
        let store = try await makeStore()
        var numbered = try Self.product("p1", skus: ["A"])
        numbered.number = 281
        let first = try await store.upsert(numbered, condition: .insertOnly, now: Self.start)
        try expect(first.number == 281, "an insert keeps a requested number", "\(String(describing: first.number))")
        var clash = try Self.product("p2", skus: ["B"])
        clash.number = 281
        let taken = try await expectError(.uniqueViolation, "a number held by another product cannot be stored again") {
            _ = try await store.upsert(clash, condition: .insertOnly, now: Self.later(1))
        }
        try expectConflict(taken, field: .number, value: "281", holder: first.id)
        let next = try await store.upsert(Self.product("p3", skus: ["C"]), condition: .insertOnly, now: Self.later(2))
        try expect(
            next.number != nil && next.number != 281,
            "an assigned number differs from every stored number",
            "\(String(describing: next.number))"
        )
    }

    private func checkSoftDeletion() async throws {
        let store = try await makeStore()
        let live = try await store.upsert(
            Self.product("p1", skus: ["A"], urlKey: "key"),
            condition: .insertOnly,
            now: Self.start
        )
        try await expectError(.versionConflict, "a delete with a stale version fails with version_conflict") {
            _ = try await store.delete(id: live.id, expectedVersion: 7, now: Self.later(1))
        }
        let deleted = try await store.delete(id: live.id, expectedVersion: live.version, now: Self.later(1))
        try expect(
            deleted.deletedAt == Self.later(1) && deleted.version == 2 && deleted.updatedAt == Self.later(1),
            "a delete stamps deletedAt and updatedAt and increments the version",
            "deleted \(deleted)"
        )
        let read = try await store.product(id: live.id)
        try expect(
            read == deleted, "product(id:) returns a deleted product with deletedAt", "\(String(describing: read))")
        let bySKU = try await store.product(sku: SKU("A"))
        try expect(
            bySKU == nil, "product(sku:) does not find a deleted product", "found \(String(describing: bySKU?.id))")
        let again = try await store.delete(id: live.id, expectedVersion: nil, now: Self.later(2))
        try expect(again == deleted, "deleting a deleted product changes nothing", "\(again)")
        try await expectError(.notFound, "deleting an absent id fails with not_found") {
            _ = try await store.delete(id: ProductID("absent"), expectedVersion: nil, now: Self.later(2))
        }
        let reuse = try await store.upsert(
            Self.product("p2", skus: ["A"], urlKey: "key"),
            condition: .insertOnly,
            now: Self.later(3)
        )
        try expect(
            reuse.version == 1, "a deleted product's SKUs and URL key are free for others", "version \(reuse.version)")

        let spring = try await store.upsert(
            Self.product("p3", skus: ["S"]), condition: .unconditional, now: Self.later(4))
        _ = try await store.delete(id: spring.id, expectedVersion: nil, now: Self.later(5))
        let revived = try await store.upsert(
            Self.product("p3", skus: ["S"]), condition: .unconditional, now: Self.later(6))
        try expect(
            revived.deletedAt == nil && revived.version == 3 && revived.createdAt == spring.createdAt,
            "writing a deleted product undeletes it and keeps its history",
            "\(revived)"
        )
        let found = try await store.product(sku: SKU("S"))
        try expect(
            found?.id == revived.id, "an undeleted product's SKUs are found again", "\(String(describing: found?.id))")
    }

    private func checkUndelete() async throws {
        let store = try await makeStore()
        let live = try await store.upsert(
            Self.product("p1", skus: ["A", "B"], urlKey: "key"),
            condition: .insertOnly,
            now: Self.start
        )
        let unchanged = try await store.undelete(id: live.id, expectedVersion: nil, now: Self.later(1))
        try expect(unchanged == live, "undeleting a live product changes nothing", "\(unchanged)")
        let deleted = try await store.delete(id: live.id, expectedVersion: nil, now: Self.later(2))
        try await expectError(.versionConflict, "an undelete with a stale version fails with version_conflict") {
            _ = try await store.undelete(id: live.id, expectedVersion: live.version, now: Self.later(3))
        }
        let restored = try await store.undelete(id: live.id, expectedVersion: deleted.version, now: Self.later(3))
        try expect(
            restored.deletedAt == nil && restored.version == deleted.version + 1 && restored.updatedAt == Self.later(3),
            "an undelete clears deletedAt, stamps updatedAt and increments the version",
            "\(restored)"
        )
        let found = try await store.product(sku: SKU("B"))
        try expect(
            found?.id == live.id, "an undeleted product's SKUs are found again", "\(String(describing: found?.id))")

        _ = try await store.delete(id: live.id, expectedVersion: nil, now: Self.later(4))
        let thief = try await store.upsert(Self.product("p2", skus: ["B"]), condition: .insertOnly, now: Self.later(5))
        let taken = try await expectError(
            .uniqueViolation, "an undelete fails when another product took a SKU meanwhile"
        ) {
            _ = try await store.undelete(id: live.id, expectedVersion: nil, now: Self.later(6))
        }
        try expectConflict(taken, field: .sku, value: "B", holder: thief.id)
        let still = try await store.product(id: live.id)
        try expect(
            still?.isDeleted == true, "a failed undelete leaves the product deleted", "\(String(describing: still))")
        try await expectError(.notFound, "undeleting an absent id fails with not_found") {
            _ = try await store.undelete(id: ProductID("absent"), expectedVersion: nil, now: Self.later(7))
        }
    }

    private func checkFilters() async throws {
        let store = try await makeStore()
        var rows: [(id: String, active: Bool, owner: String)] = []
        for index in 0..<6 {
            rows.append(("f\(index)", index % 2 == 0, index < 3 ? "brand-a" : "brand-b"))
        }
        for (offset, row) in rows.enumerated() {
            var product = try Self.product(row.id, skus: ["F-\(row.id)"])
            product.isActive = row.active
            product.owner = row.owner
            _ = try await store.upsert(product, condition: .insertOnly, now: Self.later(offset))
        }
        _ = try await store.delete(id: ProductID("f4"), expectedVersion: nil, now: Self.later(10))
        let all = PageRequest(position: .page(1), limit: 100)
        let cases: [(ProductQuery, [String], String)] = [
            (ProductQuery(page: all), ["f0", "f1", "f2", "f3", "f5"], "a list excludes deleted products"),
            (ProductQuery(page: all, isActive: true), ["f0", "f2"], "the active filter keeps active products"),
            (
                ProductQuery(page: all, isActive: false), ["f1", "f3", "f5"],
                "the active filter keeps inactive products"
            ),
            (ProductQuery(page: all, owner: "brand-b"), ["f3", "f5"], "the owner filter keeps the owner's products"),
            (
                ProductQuery(page: all, updatedSince: Self.later(3)), ["f3", "f5"],
                "updatedSince keeps products updated at or after it"
            ),
            (
                ProductQuery(page: all, updatedSince: Self.later(3), includeDeleted: true), ["f3", "f4", "f5"],
                "includeDeleted lists deleted products too"
            ),
            (
                ProductQuery(page: all, isActive: true, owner: "brand-a", includeDeleted: true), ["f0", "f2"],
                "filters combine"
            ),
        ]
        for (query, expected, requirement) in cases {
            let page = try await store.list(query)
            let ids = page.items.map(\.id.rawValue)
            try expect(ids == expected, requirement, "listed \(ids)")
            try expect(
                page.total == expected.count, "\(requirement), and counts them",
                "total \(String(describing: page.total))")
        }
    }

    private func checkOffsetPages() async throws {
        let store = try await makeStore()
        let ids = (0..<7).map { "o\($0)" }
        for id in ids.shuffled() {
            _ = try await store.upsert(Self.product(id, skus: ["S-\(id)"]), condition: .insertOnly, now: Self.start)
        }
        var collected: [String] = []
        for number in 1...4 {
            let page = try await store.list(ProductQuery(page: PageRequest(position: .page(number), limit: 2)))
            collected += page.items.map(\.id.rawValue)
            try expect(
                page.page == number && page.limit == 2 && page.total == 7 && page.totalPages == 4,
                "an offset page reports its number, limit, total and page count",
                "page \(String(describing: page.page)), limit \(page.limit), total \(String(describing: page.total))"
            )
            try expect(
                page.hasMore == (number < 4), "only the last offset page has no more", "page \(number): \(page.hasMore)"
            )
        }
        try expect(collected == ids, "offset pages list every product once, in id order", "\(collected)")
        let beyond = try await store.list(ProductQuery(page: PageRequest(position: .page(9), limit: 2)))
        try expect(
            beyond.items.isEmpty && !beyond.hasMore, "a page past the end is empty", "\(beyond.items.count) items")
    }

    private func checkKeysetPages() async throws {
        let store = try await makeStore()
        for index in 0..<9 {
            // Updated in reverse id order, two per second (ties break on the id), so the orders differ.
            let id = "k\(8 - index)"
            _ = try await store.upsert(
                Self.product(id, skus: ["S-\(id)"]), condition: .insertOnly, now: Self.later(index / 2))
        }
        var collected: [String] = []
        var position = PageRequest.Position.start
        var pages = 0
        while pages < 20 {
            let page = try await store.list(
                ProductQuery(page: PageRequest(position: position, limit: 2), order: .updatedAt)
            )
            pages += 1
            collected += page.items.map(\.id.rawValue)
            if pages == 2 {
                // Writes between pages: a new product sorts last, a listed one is deleted,
                // and one not yet listed is deleted.
                _ = try await store.upsert(
                    Self.product("k9", skus: ["S-k9"]), condition: .insertOnly, now: Self.later(30))
                _ = try await store.delete(id: ProductID("k8"), expectedVersion: nil, now: Self.later(30))
                _ = try await store.delete(id: ProductID("k2"), expectedVersion: nil, now: Self.later(30))
            }
            guard let next = page.nextCursor else {
                try expect(!page.hasMore, "a keyset page without a next cursor has no more", "hasMore is true")
                break
            }
            position = .cursor(next)
        }
        let expected = ["k7", "k8", "k5", "k6", "k3", "k4", "k1", "k0", "k9"]
        try expect(
            collected == expected,
            "keyset pages by updatedAt list each product once, oldest first, and never repeat or skip one that stayed",
            "\(collected)"
        )
        let first = try await store.list(ProductQuery(page: PageRequest(position: .start, limit: 3)))
        let second = try await store.list(
            ProductQuery(page: PageRequest(position: first.nextCursor.map { .cursor($0) } ?? .start, limit: 3))
        )
        let back = try await store.list(
            ProductQuery(page: PageRequest(position: second.previousCursor.map { .cursor($0) } ?? .start, limit: 3))
        )
        try expect(
            second.items.map(\.id.rawValue) == ["k4", "k5", "k6"],
            "a keyset page by id continues after the previous page's last id",
            "first \(first.items.map(\.id.rawValue)), second \(second.items.map(\.id.rawValue))"
        )
        try expect(
            back.items.map(\.id) == first.items.map(\.id),
            "a keyset page's previous cursor leads back to the page before it",
            "first \(first.items.map(\.id.rawValue)), second \(second.items.map(\.id.rawValue)), back \(back.items.map(\.id.rawValue))"
        )
    }

    private func checkConcurrentVersionedWriters() async throws {
        let store = try await makeStore()
        let base = try await store.upsert(Self.product("p1", skus: ["A"]), condition: .insertOnly, now: Self.start)
        let outcomes = try await withThrowingTaskGroup(of: CatalogStoreError.Code?.self) { group in
            for writer in 0..<Self.writers {
                var change = base
                change.title = "Writer \(writer)"
                group.addTask {
                    do {
                        _ = try await store.upsert(change, condition: .version(base.version), now: Self.later(1))
                        return nil
                    } catch let error as CatalogStoreError {
                        return error.code
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.filter { $0 == nil }.count
        let conflicts = outcomes.filter { $0 == .versionConflict }.count
        try expect(
            winners == 1 && conflicts == Self.writers - 1,
            "of concurrent updates expecting the same version, exactly one succeeds and the rest conflict",
            "\(winners) succeeded, \(conflicts) conflicted"
        )
        let final = try await store.product(id: base.id)
        try expect(
            final?.version == 2, "concurrent updates expecting one version store one new version",
            "\(String(describing: final?.version))")
    }

    private func checkConcurrentSKUClaims() async throws {
        let store = try await makeStore()
        let outcomes = try await withThrowingTaskGroup(of: (ProductID, CatalogStoreError?).self) { group in
            for writer in 0..<Self.writers {
                let product = try Self.product("racer-\(writer)", skus: ["CONTESTED", "OWN-\(writer)"])
                group.addTask {
                    do {
                        _ = try await store.upsert(product, condition: .insertOnly, now: Self.later(1))
                        return (product.id, nil)
                    } catch let error as CatalogStoreError {
                        return (product.id, error)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.filter { $0.1 == nil }.map(\.0)
        let losers = outcomes.compactMap(\.1).filter { $0.code == .uniqueViolation && $0.field == .sku }
        try expect(
            winners.count == 1 && losers.count == Self.writers - 1,
            "of products racing for one SKU, exactly one is stored and the rest fail with a sku conflict",
            "\(winners.count) stored, \(losers.count) sku conflicts"
        )
        let holder = try await store.product(sku: SKU("CONTESTED"))
        try expect(
            holder?.id == winners.first, "the contested SKU belongs to the winner", "\(String(describing: holder?.id))")
        for loser in losers where loser.conflictingID != nil {
            try expect(loser.conflictingID == winners.first, "a race loser's conflict names the winner", "\(loser)")
        }
    }

    private func checkConcurrentNumbering() async throws {
        let store = try await makeStore()
        let numbers = try await withThrowingTaskGroup(of: Int64?.self) { group in
            for writer in 0..<Self.writers {
                let product = try Self.product("n-\(writer)", skus: ["N-\(writer)"])
                group.addTask { try await store.upsert(product, condition: .insertOnly, now: Self.later(1)).number }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let distinct = Set(numbers.compactMap { $0 })
        try expect(
            distinct.count == Self.writers,
            "concurrent inserts are assigned distinct numbers",
            "\(distinct.count) distinct numbers for \(Self.writers) products"
        )
    }
}

// MARK: - Helpers

extension CatalogStoreConformance {
    /// A product with the given SKUs, priced 10.00 USD.
    private static func product(_ id: String, skus: [String], urlKey: String? = nil) throws -> Product {
        let price = try Money(parsing: "10.00", currency: .usd)
        return try Product(
            id: ProductID(id),
            title: "Product \(id)",
            urlKey: urlKey.map { key throws(CatalogError) in try URLKey(key) },
            variants: skus.map { sku throws(CatalogError) in try Variant(sku: SKU(sku), price: price) }
        )
    }

    /// `start` plus `seconds`.
    private static func later(_ seconds: Int) -> Date {
        start.addingTimeInterval(TimeInterval(seconds))
    }

    private func expect(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(suite: "CatalogStoreConformance", requirement: requirement, observed: observed())
        }
    }

    @discardableResult
    private func expectError(
        _ code: CatalogStoreError.Code,
        _ requirement: String,
        _ body: () async throws -> Void
    ) async throws -> CatalogStoreError {
        do {
            try await body()
        } catch let error as CatalogStoreError {
            try expect(error.code == code, requirement, "\(error)")
            return error
        }
        throw ConformanceFailure(suite: "CatalogStoreConformance", requirement: requirement, observed: "it succeeded")
    }

    private func expectConflict(
        _ error: CatalogStoreError,
        field: CatalogStoreError.Field,
        value: String,
        holder: ProductID
    ) throws {
        try expect(
            error.field == field && error.value == value,
            "a unique violation names the field (\(field)) and the value (\(value))",
            "field \(String(describing: error.field)), value \(String(describing: error.value))"
        )
        try expect(
            error.conflictingID == nil || error.conflictingID == holder,
            "a unique violation names the product that holds the value, when it names one",
            "conflictingID \(String(describing: error.conflictingID)), holder \(holder)"
        )
    }
}
