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

    /// Feeds `arrivals` (times relative to a fixed epoch) and checks, for every admitted request,
    /// that no window of the policy's length ever holds more than the limit; and for every
    /// denial, that it is justified by what was admitted within the window plus one bucket.
    func check(_ arrivals: [Arrival], policy: RateLimitPolicy) async throws -> (admitted: Int, denied: Int) {
        let limiter = RateLimiter(store: InMemoryRateLimitStore())
        let windowMilliseconds =
            Int64(policy.window.components.seconds) * 1000
            + policy.window.components.attoseconds / 1_000_000_000_000_000
        let bucket = (windowMilliseconds + Int64(policy.precision) - 1) / Int64(policy.precision)
        let held = bucket * Int64(policy.precision) + bucket
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
