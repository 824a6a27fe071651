import StorekeeperRateLimit
import StorekeeperTesting
import Synchronization
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Rate limiter")
struct RateLimiterTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let hourly = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))

    /// Milliseconds after `start`, so instants compare exactly.
    func offset(_ date: Date?) -> Int64? {
        date.map { Int64(($0.timeIntervalSince(Self.start) * 1000).rounded()) }
    }

    @Test("admits up to the limit and reports remaining, reset and retry times")
    func decisions() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let policy = RateLimitPolicy(name: "small", limit: 3, window: .seconds(60))
        let first = try await limiter.acquire(key: "k", policy: policy, now: Self.start)
        #expect(first.isAllowed && first.remaining == 2 && first.limit == 3)
        #expect(first.retryAt == nil && first.retryAfter(now: Self.start) == nil)
        // Buckets are 600 ms, aligned to the epoch: the first request fell 200 ms into its bucket, which
        // leaves the window 101 buckets after it began: 60.4 s later (at least 60 s, at most 60.6 s).
        #expect(offset(first.resetAt) == 60_400)
        _ = try await limiter.acquire(key: "k", policy: policy, cost: 2, now: Self.start.addingTimeInterval(30))
        let denied = try await limiter.acquire(key: "k", policy: policy, now: Self.start.addingTimeInterval(31))
        #expect(!denied.isAllowed && denied.remaining == 0)
        #expect(offset(denied.nextUnitFreesAt) == 60_400)
        #expect(offset(denied.retryAt) == 60_400, "one unit frees when the first request's bucket leaves")
        #expect(denied.retryAfter(now: Self.start.addingTimeInterval(31)) == .seconds(30))
        #expect(offset(denied.resetAt) == 90_400)
    }

    @Test("a cost of several units needs that many to free up before a retry")
    func costs() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let policy = RateLimitPolicy(name: "p", limit: 10, window: .seconds(10), precision: 10)
        _ = try await limiter.acquire(key: "k", policy: policy, cost: 4, now: Self.start)
        _ = try await limiter.acquire(key: "k", policy: policy, cost: 6, now: Self.start.addingTimeInterval(5))
        let denied = try await limiter.acquire(key: "k", policy: policy, cost: 5, now: Self.start.addingTimeInterval(6))
        #expect(!denied.isAllowed)
        #expect(offset(denied.retryAt) == 16_000, "needs the second batch of 6 to leave")
        let small = try await limiter.acquire(key: "k", policy: policy, cost: 4, now: Self.start.addingTimeInterval(11))
        #expect(small.isAllowed, "the first batch of 4 has left by 11 s")
    }

    @Test("a policy given twice is applied once: at the widest limit nothing wraps or traps")
    func repeatedPolicy() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let widest = RateLimitPolicy(name: "widest", limit: Int(UInt32.max), window: .seconds(10))
        _ = try await limiter.acquire(key: "k", policy: widest, cost: 1 << 31, now: Self.start)
        // Counted twice, these units would pass the limit, wrap the count and, once the first
        // bucket left, trap; counted once they fit.
        let twice = try await limiter.acquire(
            key: "k", policies: [widest, widest], cost: 3 << 29, now: Self.start.addingTimeInterval(1.5))
        let left = Int(UInt32.max) - (1 << 31) - (3 << 29)
        #expect(twice.map(\.isAllowed) == [true, true] && twice.map(\.remaining) == [left, left])
        let over = try await limiter.acquire(
            key: "k", policy: widest, cost: left + 1, now: Self.start.addingTimeInterval(2))
        #expect(!over.isAllowed)
        let later = try await limiter.acquire(key: "k", policy: widest, cost: 0, now: Self.start.addingTimeInterval(11))
        #expect(later.remaining == Int(UInt32.max) - (3 << 29), "the first request's units have left")
        // The in-memory store, called directly, applies the repeat once too.
        let store = InMemoryRateLimitStore()
        _ = try await store.acquire(key: "k", policy: widest, cost: 1 << 31, now: Self.start)
        let direct = try store.acquire(
            key: "k", policies: [widest, widest], cost: 3 << 29, now: Self.start.addingTimeInterval(1.5))
        #expect(direct.map(\.remaining) == [left, left])
        let cleared = try await store.acquire(key: "k", policy: widest, cost: 0, now: Self.start.addingTimeInterval(11))
        #expect(cleared.remaining == Int(UInt32.max) - (3 << 29))
    }

    /// A store that admits everything and records the policies it is asked about.
    final class RecordingStore: RateLimitStore {
        let asked = Mutex<[[String]]>([])

        func acquire(
            key: String, policies: [RateLimitPolicy], cost: Int, now: Date
        ) async throws
            -> [RateLimitDecision]
        {
            asked.withLock { $0.append(policies.map(\.name)) }
            return policies.map {
                RateLimitDecision(
                    policy: $0, isAllowed: true, remaining: $0.limit - cost, resetAt: now, nextUnitFreesAt: now,
                    retryAt: nil)
            }
        }
    }

    @Test("the limiter hands its store each policy once and repeats the decision where it was repeated")
    func repeatedPolicyReachesTheStoreOnce() async throws {
        let store = RecordingStore()
        let limiter = RateLimiter(store: store)
        let burst = RateLimitPolicy(name: "burst", limit: 50, window: .seconds(10))
        let decisions = try await limiter.acquire(
            key: "k", policies: [hourly, burst, hourly, hourly, burst], cost: 2, now: Self.start)
        #expect(store.asked.withLock { $0 } == [["default", "burst"]])
        #expect(decisions.map(\.policy.name) == ["default", "burst", "default", "default", "burst"])
        #expect(decisions.map(\.remaining) == [998, 48, 998, 998, 48])
    }

    @Test(
        "invalid policies and costs are errors, not crashes",
        arguments: [
            (RateLimitPolicy(name: "p", limit: 0, window: .seconds(1)), 1, RateLimitError.Code.invalidPolicy),
            (RateLimitPolicy(name: "p", limit: -5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "p", limit: 5, window: .zero), 1, .invalidPolicy),
            (RateLimitPolicy(name: "p", limit: 5, window: .seconds(-1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "p", limit: 5, window: .seconds(1), precision: 0), 1, .invalidPolicy),
            (RateLimitPolicy(name: "", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "a\"b", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "a\\b", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "a\nb", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "täglich\u{2028}", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "täglich\u{85}", limit: 5, window: .seconds(1)), 1, .invalidPolicy),
            (RateLimitPolicy(name: "p", limit: 5, window: .seconds(1)), -1, .invalidCost),
            (RateLimitPolicy(name: "p", limit: 5, window: .seconds(1)), 6, .invalidCost),
        ])
    func invalidInput(policy: RateLimitPolicy, cost: Int, code: RateLimitError.Code) async {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        do {
            _ = try await limiter.acquire(key: "k", policy: policy, cost: cost, now: Self.start)
            Issue.record("accepted \(policy) with cost \(cost)")
        } catch let error as RateLimitError {
            #expect(error.code == code)
        } catch {
            Issue.record("unexpected \(error)")
        }
        await #expect(throws: RateLimitError.self) {
            try await limiter.acquire(key: "k", policies: [], now: Self.start)
        }
    }

    @Test("a policy name in any script is accepted when it has no quote, backslash or line break")
    func nonASCIIPolicyName() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let policy = RateLimitPolicy(name: "täglich", limit: 5, window: .seconds(1))
        #expect(try await limiter.acquire(key: "k", policy: policy, now: Self.start).isAllowed)
    }

    @Test("odd instants (NaN, far past, far future) never crash and never grant extra")
    func oddInstants() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let policy = RateLimitPolicy(name: "p", limit: 2, window: .seconds(60))
        for instant in [
            Date(timeIntervalSince1970: .nan), .distantPast, .distantFuture, Date(timeIntervalSince1970: -1e300),
        ] {
            _ = try await limiter.acquire(key: "odd", policy: policy, now: instant)
        }
        let after = try await limiter.acquire(key: "odd", policy: policy, now: .distantFuture)
        #expect(after.remaining >= 0)
    }

    @Test("instants are rounded down to the millisecond, before 1970 as after")
    func millisecondRounding() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        // One-millisecond buckets: a unit counted in bucket b leaves when bucket b + 1001 begins.
        let policy = RateLimitPolicy(name: "p", limit: 1, window: .seconds(1), precision: 1000)
        let cases: [(instant: TimeInterval, resetMilliseconds: Double)] = [
            (1.0005, 2001), (-0.0005, 1000), (-2.0, -999), (0, 1001), (-0.9995, 1),
        ]
        for (index, (instant, reset)) in cases.enumerated() {
            let decision = try await limiter.acquire(
                key: "k\(index)", policy: policy, now: Date(timeIntervalSince1970: instant))
            // A `Date` counts from 2001, so compare whole milliseconds.
            #expect((decision.resetAt.timeIntervalSince1970 * 1000).rounded() == reset, "at \(instant)")
        }
    }

    @Test("idle keys are evicted once their window has passed, and only then")
    func eviction() async throws {
        let store = InMemoryRateLimitStore()
        let limiter = RateLimiter(store: store)
        let policy = RateLimitPolicy(name: "p", limit: 5, window: .seconds(60))
        for key in 0..<100 {
            _ = try await limiter.acquire(key: "key-\(key)", policy: policy, now: Self.start)
        }
        #expect(store.trackedKeyCount == 100)
        store.evictIdle(now: Self.start.addingTimeInterval(60))
        #expect(store.trackedKeyCount == 100, "still within the window")
        store.evictIdle(now: Self.start.addingTimeInterval(61))
        #expect(store.trackedKeyCount == 0)
        let automatic = InMemoryRateLimitStore(shardCount: 1, sweepInterval: 10)
        let sweeping = RateLimiter(store: automatic)
        for key in 0..<9 { _ = try await sweeping.acquire(key: "old-\(key)", policy: policy, now: Self.start) }
        _ = try await sweeping.acquire(key: "new", policy: policy, now: Self.start.addingTimeInterval(3600))
        #expect(automatic.trackedKeyCount == 1, "the tenth operation swept the idle keys")
    }

    @Test("the in-memory store meets the store conformance suite")
    func conformance() async throws {
        try await RateLimitStoreConformance { InMemoryRateLimitStore() }.run()
    }
}

@Suite("Rate limiter concurrency")
struct RateLimiterConcurrencyTests {
    @Test("many tasks acquiring one key at the same instant admit exactly the limit")
    func exactlyLimit() async throws {
        let store = InMemoryRateLimitStore()
        let limiter = RateLimiter(store: store)
        let policy = RateLimitPolicy(name: "p", limit: 100, window: .seconds(60))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let admitted = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var count = 0
                    for _ in 0..<50 where try await limiter.acquire(key: "hot", policy: policy, now: now).isAllowed {
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(admitted == 100)
    }
}
