import StorekeeperCore
import StorekeeperRateLimit
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Rate-limit headers")
struct RateLimitHeadersTests {
    static let now = Date(timeIntervalSince1970: 1_705_312_800)  // 2024-01-15T10:00:00Z
    let hourly = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
    let burst = RateLimitPolicy(name: "burst", limit: 50, window: .seconds(10))

    func fields(_ headers: HTTPHeaders) -> [String] {
        headers.map { "\($0.name): \($0.value)" }
    }

    @Test("legacy headers with an ISO 8601 reset (ShopiSync)")
    func legacyISO() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let decision = try await limiter.acquire(key: "k", policy: hourly, now: Self.now)
        let headers = RateLimitHeaders.render([decision], style: .legacyISO8601, now: Self.now)
        #expect(
            fields(headers) == [
                "X-RateLimit-Limit: 1000", "X-RateLimit-Remaining: 999", "X-RateLimit-Reset: 2024-01-15T11:00:36Z",
            ])
    }

    @Test("legacy headers with an epoch-seconds reset (GitHub)")
    func legacyEpoch() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let decision = try await limiter.acquire(key: "k", policy: hourly, now: Self.now)
        let headers = RateLimitHeaders.render([decision], style: .legacyEpochSeconds, now: Self.now)
        #expect(
            fields(headers) == [
                "X-RateLimit-Limit: 1000", "X-RateLimit-Remaining: 999", "X-RateLimit-Reset: 1705316436",
            ])
    }

    @Test("IETF draft fields list every policy")
    func ietf() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let decisions = try await limiter.acquire(key: "k", policies: [hourly, burst], now: Self.now)
        let headers = RateLimitHeaders.render(decisions, style: .ietfDraft, now: Self.now)
        #expect(
            fields(headers) == [
                #"RateLimit-Policy: "default";q=1000;w=3600, "burst";q=50;w=10"#,
                #"RateLimit: "default";r=999;t=3636, "burst";r=49;t=11"#,
            ]
        )
    }

    @Test("a denial adds Retry-After, never earlier than the reset it announces")
    func denial() async throws {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let policy = RateLimitPolicy(name: "tiny", limit: 1, window: .seconds(10), precision: 10)
        _ = try await limiter.acquire(key: "k", policy: policy, now: Self.now)
        let later = Self.now.addingTimeInterval(2.5)
        let denied = try await limiter.acquire(key: "k", policy: policy, now: later)
        let headers = RateLimitHeaders.render([denied], style: [.legacyEpochSeconds, .ietfDraft], now: later)
        #expect(
            fields(headers) == [
                "X-RateLimit-Limit: 1", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 1705312811",
                #"RateLimit-Policy: "tiny";q=1;w=10"#, #"RateLimit: "tiny";r=0;t=9"#, "Retry-After: 9",
            ]
        )
        let resetSeconds = Int64(headers["X-RateLimit-Reset"] ?? "") ?? 0
        let retryAfter = Int64(headers["Retry-After"] ?? "") ?? 0
        #expect(Int64(later.timeIntervalSince1970.rounded(.down)) + retryAfter >= resetSeconds)
    }

    @Test("a window beyond any valid policy's renders in whole seconds, rounded up, without trapping")
    func outOfRangeWindow() {
        let far = RateLimitPolicy(name: "far", limit: 1, window: .seconds(Int64.max))
        let decision = RateLimitDecision(
            policy: far, isAllowed: true, remaining: 1, resetAt: Self.now, nextUnitFreesAt: Self.now, retryAt: nil)
        let headers = RateLimitHeaders.render([decision], style: .ietfDraft, now: Self.now)
        #expect(headers["RateLimit-Policy"] == #""far";q=1;w=9223372036854776"#)
    }

    @Test("a reset one millisecond past a whole second is announced at the next second, not that one")
    func resetJustPastASecond() {
        // 8,589,934,592.001 s is held as 8,589,934,592.000999…: rounding to the millisecond first
        // would announce the reset a second early.
        let resetAt = Date(timeIntervalSince1970: 8_589_934_592.001)
        let denied = RateLimitDecision(
            policy: burst, isAllowed: false, remaining: 0, resetAt: resetAt, nextUnitFreesAt: resetAt, retryAt: resetAt)
        let now = Date(timeIntervalSince1970: 8_589_934_590.5)
        let headers = RateLimitHeaders.render([denied], style: [.legacyEpochSeconds, .ietfDraft], now: now)
        #expect(headers["X-RateLimit-Reset"] == "8589934593")
        #expect(headers["RateLimit"] == #""burst";r=0;t=3"#)
        #expect(headers["Retry-After"] == "3")
    }

    @Test("Retry-After counts from the start of the current second, before 1970 as after")
    func retryAfterBefore1970() {
        let now = Date(timeIntervalSince1970: -10.5)
        let denied = RateLimitDecision(
            policy: burst, isAllowed: false, remaining: 0, resetAt: now, nextUnitFreesAt: now,
            retryAt: Date(timeIntervalSince1970: -8.2))
        // The current second began at -11 s; -8.2 s rounds up to -8: three seconds.
        #expect(denied.retryAfter(now: now) == .seconds(3))
    }

    @Test("no decisions, no headers")
    func empty() {
        #expect(RateLimitHeaders.render([], style: [.legacyISO8601, .ietfDraft], now: Self.now).isEmpty)
    }
}
