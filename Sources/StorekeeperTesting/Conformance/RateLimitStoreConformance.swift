public import StorekeeperRateLimit

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``RateLimitStore`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func redisStoreConforms() async throws {
///     try await RateLimitStoreConformance { RedisRateLimitStore(client: freshClient()) }.run()
/// }
/// ```
///
/// `makeStore` must return a new, empty store each time.
public struct RateLimitStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any RateLimitStore

    /// Creates the suite.
    public init(makeStore: @escaping @Sendable () async throws -> any RateLimitStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await admitsUpToTheLimitAndDenialsConsumeNothing()
        try await policiesAreAllOrNothing()
        try await peekingConsumesNothing()
        try await concurrentAcquiresNeverOverAdmit()
        try await theWindowSlides()
        try await aClockGoingBackwardsGrantsNothingExtra()
    }

    private static let start = Date(timeIntervalSince1970: 1_700_000_000)
    private static let policy = RateLimitPolicy(name: "test", limit: 5, window: .seconds(60))

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(suite: "RateLimitStoreConformance", requirement: requirement, observed: observed())
        }
    }

    private func admitsUpToTheLimitAndDenialsConsumeNothing() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        var allowed = 0
        for _ in 0..<8 where try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start).isAllowed {
            allowed += 1
        }
        try check(allowed == 5, "exactly `limit` units are admitted in one window", "\(allowed) admitted")
        let denied = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start)
        try check(
            !denied.isAllowed && denied.remaining == 0, "a request over the limit is denied with nothing remaining",
            "\(denied)")
        let other = try await limiter.acquire(key: "other", policy: Self.policy, now: Self.start)
        try check(other.isAllowed && other.remaining == 4, "keys are limited independently", "\(other)")
    }

    private func policiesAreAllOrNothing() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        let wide = RateLimitPolicy(name: "wide", limit: 100, window: .seconds(3600))
        let narrow = RateLimitPolicy(name: "narrow", limit: 2, window: .seconds(10))
        for _ in 0..<2 { _ = try await limiter.acquire(key: "k", policies: [wide, narrow], now: Self.start) }
        let denied = try await limiter.acquire(key: "k", policies: [wide, narrow], now: Self.start)
        try check(
            denied.allSatisfy { !$0.isAllowed }, "a request denied by one policy is denied by all",
            "\(denied.map(\.isAllowed))")
        let retries = Set(denied.map(\.retryAt))
        try check(
            retries.count == 1 && denied.allSatisfy { ($0.retryAt ?? Self.start) > Self.start },
            "a denial names one retry instant, later than now, in every policy's decision", "\(retries)")
        let wideAfter = try await limiter.acquire(key: "k", policies: [wide], cost: 0, now: Self.start)
        try check(
            wideAfter.first?.remaining == 98, "a denial consumes nothing from the policies that would admit it",
            "\(wideAfter.first?.remaining ?? -1)")
    }

    private func peekingConsumesNothing() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        _ = try await limiter.acquire(key: "k", policy: Self.policy, cost: 2, now: Self.start)
        let peek = try await limiter.acquire(key: "k", policy: Self.policy, cost: 0, now: Self.start)
        let again = try await limiter.acquire(key: "k", policy: Self.policy, cost: 0, now: Self.start)
        try check(
            peek.isAllowed && peek.remaining == 3 && again.remaining == 3, "cost 0 reads without counting",
            "\(peek.remaining), \(again.remaining)")
    }

    private func concurrentAcquiresNeverOverAdmit() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        let policy = RateLimitPolicy(name: "burst", limit: 50, window: .seconds(60))
        let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { try await limiter.acquire(key: "shared", policy: policy, now: Self.start).isAllowed }
            }
            var count = 0
            for try await allowed in group where allowed { count += 1 }
            return count
        }
        try check(admitted == 50, "concurrent requests at one instant admit exactly `limit`", "\(admitted) admitted")
    }

    private func theWindowSlides() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        for _ in 0..<5 { _ = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start) }
        let inside = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start.addingTimeInterval(59))
        try check(!inside.isAllowed, "units stay counted for the whole window", "\(inside)")
        let after = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start.addingTimeInterval(62))
        try check(after.isAllowed, "units leave once the window (plus at most one bucket) has passed", "\(after)")
    }

    private func aClockGoingBackwardsGrantsNothingExtra() async throws {
        let limiter = RateLimiter(store: try await makeStore())
        for _ in 0..<5 {
            _ = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start.addingTimeInterval(30))
        }
        let earlier = try await limiter.acquire(key: "k", policy: Self.policy, now: Self.start)
        let muchEarlier = try await limiter.acquire(
            key: "k", policy: Self.policy, now: Self.start.addingTimeInterval(-3600))
        try check(
            !earlier.isAllowed && !muchEarlier.isAllowed, "an earlier `now` never frees units",
            "\(earlier.isAllowed), \(muchEarlier.isAllowed)")
    }
}
