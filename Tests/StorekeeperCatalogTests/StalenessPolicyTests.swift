import StorekeeperCatalog
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("StalenessPolicy")
struct StalenessPolicyTests {
    private func product(_ id: String, sku: String) throws -> Product {
        try Product(
            id: ProductID(id),
            title: id,
            variants: [Variant(sku: SKU(sku), price: Money(parsing: "1", currency: .usd))]
        )
    }

    @Test("Spring's policy: due after 3 days without an update, not a second earlier")
    func springBoundary() async throws {
        let clock = ManualClock()
        let store = InMemoryCatalogStore()
        let stored = try await store.upsert(product("p", sku: "A"), condition: .insertOnly, now: clock.now)
        let policy = StalenessPolicy.spring
        #expect(policy.maximumAge == .seconds(259_200))
        clock.advance(by: .seconds(3 * 86_400 - 1))
        #expect(!policy.isDue(stored, now: clock.now))
        clock.advance(by: .seconds(1))
        #expect(policy.isDue(stored, now: clock.now))
        #expect(policy.cutoff(now: clock.now) == stored.updatedAt)
    }

    @Test("deleted and never-stored products are not due")
    func notDue() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var deleted = try product("d", sku: "D")
        deleted.updatedAt = now.addingTimeInterval(-10 * 86_400)
        deleted.deletedAt = deleted.updatedAt
        let unstored = try product("u", sku: "U")
        #expect(StalenessPolicy.spring.productsDue(in: [deleted, unstored], now: now).isEmpty)
    }

    @Test("a sweep deletes what is due, spares what was updated meanwhile, and a later write undeletes")
    func sweep() async throws {
        let clock = ManualClock()
        let store = InMemoryCatalogStore()
        let policy = StalenessPolicy(maximumAge: .seconds(3600))
        var candidates: [Product] = []
        for (index, id) in ["old", "busy", "fresh"].enumerated() {
            if id == "fresh" { clock.advance(by: .seconds(3000)) }
            candidates.append(
                try await store.upsert(product(id, sku: "S\(index)"), condition: .insertOnly, now: clock.now))
        }
        clock.advance(by: .seconds(1000))  // old and busy are 4,000 s old, fresh 1,000 s.
        let due = policy.productsDue(in: candidates, now: clock.now)
        #expect(due.map(\.id.rawValue) == ["old", "busy"])

        // "busy" is updated by its partner between the listing and the sweep.
        var busy = try #require(due.last)
        busy.title = "updated"
        _ = try await store.upsert(busy, condition: .version(busy.version), now: clock.now)

        var deleted: [String] = []
        for product in due {
            do {
                _ = try await store.delete(id: product.id, expectedVersion: product.version, now: clock.now)
                deleted.append(product.id.rawValue)
            } catch let error as CatalogStoreError where error.code == .versionConflict {
                continue
            }
        }
        #expect(deleted == ["old"])
        #expect(try await store.product(id: ProductID("busy"))?.isDeleted == false)

        clock.advance(by: .seconds(60))
        let revived = try await store.upsert(product("old", sku: "S0"), condition: .unconditional, now: clock.now)
        #expect(!revived.isDeleted)
        #expect(!policy.isDue(revived, now: clock.now))
    }
}
