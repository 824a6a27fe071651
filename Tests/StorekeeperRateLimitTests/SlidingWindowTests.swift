import StorekeeperRateLimit
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Drives the limiter with arrival traces and checks every decision against an exact sliding log.
@Suite("Sliding window accuracy")
struct SlidingWindowTests {
    struct Arrival {
        let milliseconds: Int64
        let cost: Int
    }

    static let epoch: Int64 = 1_700_000_000_000

    /// A policy's bucket length in milliseconds (the window divided by the precision, rounded
    /// up) and the buckets its window spans (the precision, or fewer when it does not divide the
    /// window): a unit counted in bucket b is held until bucket b + spans + 1 begins.
    static func buckets(of policy: RateLimitPolicy) -> (length: Int64, spans: Int64) {
        let window =
            policy.window.components.seconds * 1000 + policy.window.components.attoseconds / 1_000_000_000_000_000
        let length = (window + Int64(policy.precision) - 1) / Int64(policy.precision)
        return (length, (window + length - 1) / length)
    }

    /// `date` in whole milliseconds since 1970.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// Feeds `arrivals` (times relative to a fixed epoch) and checks, for every admitted request,
    /// that no window of the policy's length ever holds more than the limit; and for every
    /// denial, that it is justified by what was admitted within the window plus one bucket.
    func check(_ arrivals: [Arrival], policy: RateLimitPolicy) async throws -> (admitted: Int, denied: Int) {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let windowMilliseconds =
            Int64(policy.window.components.seconds) * 1000
            + policy.window.components.attoseconds / 1_000_000_000_000_000
        let (bucket, spans) = Self.buckets(of: policy)
        let held = bucket * (spans + 1)
        var log: [(Int64, Int)] = []
        var denied = 0
        for arrival in arrivals {
            let now = Date(timeIntervalSince1970: TimeInterval(Self.epoch + arrival.milliseconds) / 1000)
            let decision = try await limiter.acquire(key: "k", policy: policy, cost: arrival.cost, now: now)
            if decision.isAllowed {
                log.append((arrival.milliseconds, arrival.cost))
                let inWindow = log.filter { $0.0 > arrival.milliseconds - windowMilliseconds }.reduce(0) { $0 + $1.1 }
                #expect(inWindow <= policy.limit, "over-admission at \(arrival.milliseconds): \(inWindow) in window")
                let heldUnits = log.filter { $0.0 > arrival.milliseconds - held }.reduce(0) { $0 + $1.1 }
                #expect(decision.remaining <= policy.limit - inWindow && decision.remaining >= policy.limit - heldUnits)
            } else {
                denied += 1
                let heldUnits = log.filter { $0.0 > arrival.milliseconds - held }.reduce(0) { $0 + $1.1 }
                #expect(heldUnits + arrival.cost > policy.limit, "unjustified denial at \(arrival.milliseconds)")
                #expect(decision.retryAt.map { $0 > now } ?? false)
            }
            // A unit counted in bucket b is held until bucket b + spans + 1 begins: the next unit
            // frees up when the oldest held one is released, the window is clear when the newest
            // is.
            let instant = Self.epoch + arrival.milliseconds
            let releases = log.filter { $0.1 > 0 }
                .map { ((Self.epoch + $0.0) / bucket + spans + 1) * bucket }
                .filter { $0 > instant }
            #expect(Self.milliseconds(decision.nextUnitFreesAt) == releases.min() ?? instant)
            #expect(Self.milliseconds(decision.resetAt) == releases.max() ?? instant)
        }
        return (log.count, denied)
    }

    @Test("random traces with costs above 1 never over-admit, and every denial is justified")
    func randomTraces() async throws {
        var generator = SeededRandomNumberGenerator(seed: 2024)
        for trial in 0..<20 {
            let policy = RateLimitPolicy(
                name: "p", limit: 10 + trial, window: .milliseconds(1000 + 37 * trial), precision: 10)
            var time: Int64 = 0
            var arrivals: [Arrival] = []
            for _ in 0..<400 {
                time += Int64.random(in: 0...120, using: &generator)
                arrivals.append(Arrival(milliseconds: time, cost: Int.random(in: 1...3, using: &generator)))
            }
            let result = try await check(arrivals, policy: policy)
            #expect(result.admitted > 0 && result.denied > 0, "trial \(trial) exercises both outcomes")
        }
    }

    @Test("several policies with wide counts and a clock that jumps back never over-admit, all or nothing")
    func severalPoliciesAgainstTheLog() async throws {
        var generator = SeededRandomNumberGenerator(seed: 6)
        for trial in 0..<12 {
            // Limits large enough that a bucket holds more than 255 and then 65,535 units, so
            // the counts widen; precisions differ so bucket boundaries do not line up.
            let scale = trial % 3 == 0 ? 1 : (trial % 3 == 1 ? 300 : 70_000)
            let policies = [
                RateLimitPolicy(name: "short", limit: 8 * scale, window: .milliseconds(900 + 13 * trial), precision: 7),
                RateLimitPolicy(name: "long", limit: 20 * scale, window: .milliseconds(3100), precision: 100),
                RateLimitPolicy(name: "coarse", limit: 12 * scale, window: .milliseconds(2000), precision: 1),
            ]
            let limiter = RateLimiter(store: InMemoryRateLimitStore(shardCount: 3))
            var log: [(Int64, Int)] = []
            var effective = Int64.min
            var time: Int64 = 0
            var outcomes = (allowed: 0, denied: 0)
            for _ in 0..<600 {
                time += Int64.random(in: 0...60, using: &generator)
                // Now and then the clock goes back by up to two seconds.
                let now =
                    Bool.random(using: &generator) && Int.random(in: 0..<10, using: &generator) == 0
                    ? time - Int64.random(in: 1...2000, using: &generator) : time
                effective = max(effective, now)
                let cost = Int.random(in: 0...3, using: &generator) * scale
                let date = Date(timeIntervalSince1970: TimeInterval(Self.epoch + now) / 1000)
                let decisions = try await limiter.acquire(key: "k", policies: policies, cost: cost, now: date)
                #expect(decisions.map(\.policy) == policies)
                #expect(Set(decisions.map(\.isAllowed)).count == 1, "all or nothing")
                let allowed = decisions.first?.isAllowed ?? false
                if allowed { log.append((effective, cost)) }
                var justified = false
                for (policy, decision) in zip(policies, decisions) {
                    let window =
                        Int64(policy.window.components.attoseconds / 1_000_000_000_000_000)
                        + policy.window.components.seconds * 1000
                    let (bucket, spans) = Self.buckets(of: policy)
                    let held = bucket * (spans + 1)
                    let inWindow = log.filter { $0.0 > effective - window }.reduce(0) { $0 + $1.1 }
                    let heldUnits = log.filter { $0.0 > effective - held }.reduce(0) { $0 + $1.1 }
                    #expect(inWindow <= policy.limit, "trial \(trial): \(policy.name) over-admits at \(now)")
                    #expect(decision.remaining <= policy.limit - inWindow)
                    #expect(decision.remaining >= max(0, policy.limit - heldUnits))
                    if heldUnits + cost > policy.limit { justified = true }
                    if now == effective {
                        let instant = Self.epoch + now
                        let releases = log.filter { $0.1 > 0 }
                            .map { ((Self.epoch + $0.0) / bucket + spans + 1) * bucket }
                            .filter { $0 > instant }
                        #expect(Self.milliseconds(decision.nextUnitFreesAt) == releases.min() ?? instant)
                        #expect(Self.milliseconds(decision.resetAt) == releases.max() ?? instant)
                    }
                }
                if allowed {
                    outcomes.allowed += 1
                } else {
                    outcomes.denied += 1
                    #expect(justified, "trial \(trial): unjustified denial at \(now)")
                }
            }
            #expect(outcomes.allowed > 0 && outcomes.denied > 0, "trial \(trial) exercises both outcomes")
        }
    }

    @Test("bursts at window edges never over-admit")
    func edgeBursts() async throws {
        let policy = RateLimitPolicy(name: "p", limit: 20, window: .seconds(1), precision: 10)
        var arrivals: [Arrival] = []
        for window in 0..<10 {
            let edge = Int64(window) * 1000
            for offset: Int64 in [-1, 0, 1, 999, 1000] {
                arrivals += Array(repeating: Arrival(milliseconds: max(0, edge + offset), cost: 1), count: 15)
            }
        }
        arrivals.sort { $0.milliseconds < $1.milliseconds }
        _ = try await check(arrivals, policy: policy)
    }

    @Test("steady traffic just under the limit is always admitted")
    func steadyJustUnder() async throws {
        // 99 requests per second against 100 per second, precision 100: held 1% longer at most.
        let policy = RateLimitPolicy(name: "p", limit: 100, window: .seconds(1))
        let arrivals = (0..<2000).map { Arrival(milliseconds: Int64($0) * 1000 / 98, cost: 1) }
        let result = try await check(arrivals, policy: policy)
        #expect(result.denied == 0)
    }

    @Test(
        "steady traffic at or above the limit loses under 1% against an exact sliding log (4% for a short window the precision does not divide)",
        arguments: [
            (100, Duration.seconds(1), 100, 1), (1000, .seconds(3600), 100, 1), (5000, .seconds(3600), 100, 1),
            (1000, .milliseconds(1001), 1000, 1), (101, .milliseconds(101), 100, 4),
        ])
    func underAdmissionAgainstTheLog(limit: Int, window: Duration, precision: Int, lossPercent: Int) throws {
        // A limit below the precision loses up to one request interval per window instead
        // (1/(limit + 1)), as any window holding units past its end. A window of 1,001 ms in
        // 1,000 buckets has 2 ms buckets, of which it spans 501 (1 ms of rounding); one of
        // 101 ms in 100 has 2 ms buckets, of which it spans 51 (up to 2 + 1 ms held too long).
        let policy = RateLimitPolicy(name: "p", limit: limit, window: window, precision: precision)
        let windowMilliseconds =
            window.components.seconds * 1000 + window.components.attoseconds / 1_000_000_000_000_000
        for rate in [1.0, 1.1, 2.0] {
            let store = InMemoryRateLimitStore()
            var log: [Int64] = []
            var oldest = 0
            var (admitted, logged) = (0, 0)
            let requests = Int(Double(20 * limit) * rate)
            for request in 0..<requests {
                let offset = Int64(Double(request) * Double(windowMilliseconds) / (Double(limit) * rate))
                let now = Date(timeIntervalSince1970: TimeInterval(Self.epoch + offset) / 1000)
                if try store.acquire(key: "k", policy: policy, cost: 1, now: now).isAllowed { admitted += 1 }
                while oldest < log.count && log[oldest] <= offset - windowMilliseconds { oldest += 1 }
                if log.count - oldest < limit {
                    log.append(offset)
                    logged += 1
                }
            }
            #expect(admitted <= logged)
            #expect(
                (logged - admitted) * 100 < logged * lossPercent,
                "rate ×\(rate): \(admitted) admitted, the log \(logged)")
        }
    }

    @Test("saturating steady traffic is admitted at 99% of the limit or more")
    func underAdmissionBound() async throws {
        // Ten times the allowed rate (a request every millisecond against 100 per second) for
        // 60 windows, at the default precision of 100.
        let policy = RateLimitPolicy(name: "p", limit: 100, window: .seconds(1))
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        var admitted = 0
        for millisecond in 0..<60_000 {
            let now = Date(timeIntervalSince1970: TimeInterval(Self.epoch + Int64(millisecond)) / 1000)
            if try await limiter.acquire(key: "k", policy: policy, now: now).isAllowed { admitted += 1 }
        }
        let ideal = 60 * 100
        #expect(admitted <= ideal)
        #expect(admitted * 100 >= ideal * 99, "admitted \(admitted) of \(ideal)")
    }
}
