import StorekeeperAPI
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("In-memory idempotency store")
struct InMemoryIdempotencyStoreTests {
    @Test("passes IdempotencyStoreConformance")
    func conformance() async throws {
        try await IdempotencyStoreConformance { InMemoryIdempotencyStore() }.run()
    }

    @Test("removeExpired drops only expired entries")
    func removeExpired() async throws {
        let store = InMemoryIdempotencyStore()
        let now = Date(timeIntervalSince1970: 1_000)
        _ = try await store.claim(
            IdempotencyKey(scope: "a", value: "1"), fingerprint: "f", now: now, expiresAt: now + 10)
        _ = try await store.claim(
            IdempotencyKey(scope: "a", value: "2"), fingerprint: "f", now: now, expiresAt: now + 20)
        store.removeExpired(now: now + 10)
        #expect(store.count == 1)
    }
}
