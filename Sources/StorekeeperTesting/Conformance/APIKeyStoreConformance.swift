public import StorekeeperKeys

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``APIKeyStore`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func postgresKeyStoreConforms() async throws {
///     try await APIKeyStoreConformance { try await PostgresAPIKeyStore.fresh() }.run()
/// }
/// ```
public struct APIKeyStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any APIKeyStore

    /// Creates the suite; `makeStore` returns a new, empty store each time.
    public init(makeStore: @escaping @Sendable () async throws -> any APIKeyStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await storesAndFindsByHashAndID()
        try await updatesAreOptimistic()
        try await concurrentInsertsNeverExceedTheOwnerLimit()
        try await revokedKeysDoNotCountTowardsTheLimit()
        try await countsUsage()
    }

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(suite: "APIKeyStoreConformance", requirement: requirement, observed: observed())
        }
    }

    /// A record whose digest is its ID's bytes, zero-padded to 32 (IDs here are short and distinct).
    private func record(_ id: String, owner: String = "o") throws -> APIKeyRecord {
        let digest = Array(id.utf8.prefix(32)) + Array(repeating: 0, count: max(0, 32 - id.utf8.count))
        guard let hash = APIKeyHash(algorithm: .hmacSHA256(pepperVersion: 1), digestBytes: digest) else {
            throw ConformanceFailure(
                suite: "APIKeyStoreConformance", requirement: "a test digest has 32 bytes", observed: id)
        }
        return APIKeyRecord(
            id: id,
            owner: owner,
            name: "test",
            hash: hash,
            start: "sk_test_abcd",
            permissions: [.read],
            createdAt: Date(timeIntervalSince1970: 1_700_000_000)
        )
    }

    private func storesAndFindsByHashAndID() async throws {
        let store = try await makeStore()
        let key = try record("k1")
        try await store.insert(key, ownerLimit: nil)
        let byHash = try await store.record(forHash: key.hash)
        let byID = try await store.record(id: "k1")
        try check(
            byHash == key && byID == key, "a record is found by its hash and by its ID", "\(String(describing: byHash))"
        )
        let missing = try await store.record(forHash: try record("nope").hash)
        try check(missing == nil, "an unknown hash finds nothing", "\(String(describing: missing))")
    }

    private func updatesAreOptimistic() async throws {
        let store = try await makeStore()
        try await store.insert(record("k1"), ownerLimit: nil)
        var changed = try record("k1")
        changed.name = "renamed"
        try await store.update(changed, expectedVersion: 1)
        let stored = try await store.record(id: "k1")
        try check(
            stored?.name == "renamed" && stored?.version == 2, "an update at the stored version applies and bumps it",
            "\(String(describing: stored))")
        do {
            try await store.update(changed, expectedVersion: 1)
            try check(false, "an update at a stale version fails with version_conflict", "it succeeded")
        } catch let error as APIKeyError {
            try check(
                error.code == .versionConflict, "an update at a stale version fails with version_conflict",
                "\(error.code)")
        }
    }

    private func concurrentInsertsNeverExceedTheOwnerLimit() async throws {
        let store = try await makeStore()
        let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    do {
                        try await store.insert(self.record("k\(index)", owner: "chain"), ownerLimit: 11)
                        return true
                    } catch let error as APIKeyError where error.code == .keyLimitReached {
                        return false
                    }
                }
            }
            var count = 0
            for try await success in group where success { count += 1 }
            return count
        }
        let held = try await store.records(owner: "chain").count
        try check(
            inserted == 11 && held == 11, "concurrent inserts stop exactly at the owner's limit",
            "\(inserted) inserted, \(held) held")
    }

    private func revokedKeysDoNotCountTowardsTheLimit() async throws {
        let store = try await makeStore()
        try await store.insert(record("k1"), ownerLimit: 1)
        var revoked = try record("k1")
        revoked.revokedAt = Date(timeIntervalSince1970: 1_700_000_100)
        try await store.update(revoked, expectedVersion: 1)
        try await store.insert(record("k2"), ownerLimit: 1)
        let held = try await store.records(owner: "o").count
        try check(held == 2, "revoked keys do not count towards the owner's limit", "\(held) records")
    }

    private func countsUsage() async throws {
        let store = try await makeStore()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        for (offset, status) in [200, 404, 500, 200].enumerated() {
            try await store.recordUsage(
                APIKeyUsageEvent(
                    keyID: "k1", time: start.addingTimeInterval(TimeInterval(offset)), route: "GET /x", status: status),
                keepRecent: 3
            )
        }
        let usage = try await store.usage(keyID: "k1")
        try check(
            usage.totalRequests == 4 && usage.clientErrors == 1 && usage.serverErrors == 1 && usage.recent.count == 3
                && usage.recent.first?.status == 200 && usage.lastUsedAt == start.addingTimeInterval(3),
            "usage counts every request and keeps the most recent events, newest first",
            "\(usage)"
        )
    }
}
