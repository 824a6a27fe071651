public import StorekeeperAPI
import StorekeeperCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``IdempotencyStore`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func postgresIdempotencyStoreConforms() async throws {
///     try await IdempotencyStoreConformance { PostgresIdempotencyStore(pool: freshPool()) }.run()
/// }
/// ```
///
/// `makeStore` must return a new, empty store each time.
public struct IdempotencyStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any IdempotencyStore

    /// Creates the suite.
    public init(makeStore: @escaping @Sendable () async throws -> any IdempotencyStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await aCompletedResponseIsReplayed()
        try await aDifferentRequestIsAMismatch()
        try await anUnfinishedRequestIsInProgress()
        try await aReleasedKeyCanBeClaimedAgain()
        try await anExpiredEntryIsFree()
        try await scopesAreSeparate()
        try await concurrentClaimsHaveOneWinner()
    }

    private static let now = Date(timeIntervalSince1970: 1_700_000_000)
    private static let later = now.addingTimeInterval(86_400)
    private static let key = IdempotencyKey(scope: "key_1", value: "order-42")
    private static let response = StoredResponse(status: 201, headers: ["ETag": "\"1\""], body: Array("{}".utf8))

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(
                suite: "IdempotencyStoreConformance", requirement: requirement, observed: observed())
        }
    }

    private func aCompletedResponseIsReplayed() async throws {
        let store = try await makeStore()
        let first = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try check(first == .claimed, "the first claim of a free key succeeds", "\(first)")
        try await store.complete(Self.key, fingerprint: "a", response: Self.response)
        let again = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try check(again == .completed(Self.response), "a repeated request gets the stored response", "\(again)")
    }

    private func aDifferentRequestIsAMismatch() async throws {
        let store = try await makeStore()
        _ = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try await store.complete(Self.key, fingerprint: "a", response: Self.response)
        let other = try await store.claim(Self.key, fingerprint: "b", now: Self.now, expiresAt: Self.later)
        try check(other == .mismatch, "the same key with another request is a mismatch", "\(other)")
    }

    private func anUnfinishedRequestIsInProgress() async throws {
        let store = try await makeStore()
        _ = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        let retry = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try check(retry == .inProgress, "a retry while the first request runs is in progress", "\(retry)")
    }

    private func aReleasedKeyCanBeClaimedAgain() async throws {
        let store = try await makeStore()
        _ = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try await store.release(Self.key, fingerprint: "a")
        let retry = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try check(retry == .claimed, "a released key is free again", "\(retry)")
        try await store.complete(Self.key, fingerprint: "a", response: Self.response)
        try await store.release(Self.key, fingerprint: "a")
        let replay = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try check(replay == .completed(Self.response), "release never drops a completed response", "\(replay)")
    }

    private func anExpiredEntryIsFree() async throws {
        let store = try await makeStore()
        _ = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        try await store.complete(Self.key, fingerprint: "a", response: Self.response)
        let atExpiry = try await store.claim(
            Self.key, fingerprint: "b", now: Self.later, expiresAt: Self.later.addingTimeInterval(86_400))
        try check(atExpiry == .claimed, "an entry is free at its expiry instant", "\(atExpiry)")
    }

    private func scopesAreSeparate() async throws {
        let store = try await makeStore()
        _ = try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later)
        let other = IdempotencyKey(scope: "key_2", value: Self.key.value)
        let claim = try await store.claim(other, fingerprint: "b", now: Self.now, expiresAt: Self.later)
        try check(claim == .claimed, "the same key text in another scope is another entry", "\(claim)")
    }

    private func concurrentClaimsHaveOneWinner() async throws {
        let store = try await makeStore()
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    try await store.claim(Self.key, fingerprint: "a", now: Self.now, expiresAt: Self.later) == .claimed
                }
            }
            var count = 0
            for try await won in group where won { count += 1 }
            return count
        }
        try check(winners == 1, "of concurrent claims of a free key exactly one wins", "\(winners) won")
    }
}
