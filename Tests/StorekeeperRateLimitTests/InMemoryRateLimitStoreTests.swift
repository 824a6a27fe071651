import StorekeeperRateLimit
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The in-memory store's own bookkeeping: its table of keys growing, sweeping and refilling,
/// counts widening, and keys with several policies.
@Suite("In-memory rate-limit store")
struct InMemoryRateLimitStoreTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let policy = RateLimitPolicy(name: "p", limit: 10, window: .seconds(60))

    @Test("thousands of keys keep their own counts while the table grows, sweeps and refills")
    func manyKeys() throws {
        let store = InMemoryRateLimitStore(shardCount: 4, sweepInterval: 1)
        for key in 0..<5000 {
            _ = try store.acquire(key: "key-\(key)", policy: policy, cost: key % 3 + 1, now: Self.start)
        }
        #expect(store.trackedKeyCount == 5000)
        for key in 0..<5000 {
            let peek = try store.acquire(key: "key-\(key)", policy: policy, cost: 0, now: Self.start)
            #expect(peek.remaining == 10 - (key % 3 + 1), "key-\(key)")
        }
        // Half the keys come back a minute later; the rest go idle and are swept away.
        let later = Self.start.addingTimeInterval(40)
        for key in stride(from: 0, to: 5000, by: 2) {
            _ = try store.acquire(key: "key-\(key)", policy: policy, cost: 1, now: later)
        }
        let muchLater = Self.start.addingTimeInterval(61)
        store.evictIdle(now: muchLater)
        #expect(store.trackedKeyCount == 2500)
        for key in 0..<5000 {
            let peek = try store.acquire(key: "key-\(key)", policy: policy, cost: 0, now: muchLater)
            let expected = key % 2 == 0 ? 9 : 10
            #expect(peek.remaining == expected, "key-\(key)")
        }
        // New keys reuse the slots the swept ones left.
        for key in 5000..<8000 { _ = try store.acquire(key: "key-\(key)", policy: policy, cost: 1, now: muchLater) }
        #expect(store.trackedKeyCount == 8000)
    }

    @Test("sweeps wait until some key can be idle, and a key added later with a shorter window brings them forward")
    func sweepsWaitForIdleKeys() throws {
        let store = InMemoryRateLimitStore(shardCount: 1, sweepInterval: 1)
        let hourly = RateLimitPolicy(name: "hourly", limit: 10, window: .seconds(3600))
        let short = RateLimitPolicy(name: "short", limit: 10, window: .seconds(1))
        _ = try store.acquire(key: "long", policy: hourly, cost: 1, now: Self.start)
        for _ in 0..<200 { _ = try store.acquire(key: "long", policy: hourly, cost: 0, now: Self.start) }
        _ = try store.acquire(key: "brief", policy: short, cost: 1, now: Self.start.addingTimeInterval(10))
        #expect(store.trackedKeyCount == 2)
        // "brief" is idle from 11.02 s on; enough operations on "long" later sweep it away.
        for _ in 0..<200 {
            _ = try store.acquire(key: "long", policy: hourly, cost: 0, now: Self.start.addingTimeInterval(20))
        }
        #expect(store.trackedKeyCount == 1)
        let peek = try store.acquire(key: "long", policy: hourly, cost: 0, now: Self.start.addingTimeInterval(20))
        #expect(peek.remaining == 9)
    }

    @Test("keys are spread over the shards: a sweep drops idle keys from its own shard only")
    func keysSpreadOverShards() throws {
        let store = InMemoryRateLimitStore(shardCount: 1024, sweepInterval: 1)
        let brief = RateLimitPolicy(name: "brief", limit: 10, window: .seconds(1))
        for key in 0..<64 { _ = try store.acquire(key: "old-\(key)", policy: brief, cost: 1, now: Self.start) }
        // Every old key is idle by now. Inserting a new key sweeps the shard it lands in; spread
        // over 1,024 shards, 64 new keys share a shard with about four old ones (more than half
        // of them only with odds below one in 10²⁰), so most old keys outlive these sweeps.
        let later = Self.start.addingTimeInterval(10)
        for key in 0..<64 { _ = try store.acquire(key: "new-\(key)", policy: brief, cost: 1, now: later) }
        #expect(store.trackedKeyCount > 64 + 32)
        // They were idle all the same: a sweep of every shard drops them.
        store.evictIdle(now: later)
        #expect(store.trackedKeyCount == 64)
    }

    @Test("a bucket's count widens past 15, 255 and 65,535 units without losing any")
    func wideCounts() throws {
        let store = InMemoryRateLimitStore()
        let wide = RateLimitPolicy(name: "wide", limit: 1_000_000, window: .seconds(10))
        var admitted = 0
        for cost in [15, 1, 200, 100, 60_000, 10_000, 500_000] {
            let decision = try store.acquire(key: "k", policy: wide, cost: cost, now: Self.start)
            #expect(decision.isAllowed)
            admitted += cost
            #expect(decision.remaining == 1_000_000 - admitted)
        }
        let denied = try store.acquire(key: "k", policy: wide, cost: 1_000_000 - admitted + 1, now: Self.start)
        #expect(!denied.isAllowed && denied.remaining == 1_000_000 - admitted)
        let freed = try store.acquire(key: "k", policy: wide, cost: 0, now: Self.start.addingTimeInterval(10.2))
        #expect(freed.remaining == 1_000_000, "every unit leaves together, one bucket after the window")
    }

    @Test("busy buckets (16 to 4,095 units), three and then a fourth, are counted and released exactly")
    func busyBuckets() throws {
        let store = InMemoryRateLimitStore()
        // One-second buckets: a unit counted in bucket b leaves when bucket b + 101 begins.
        let policy = RateLimitPolicy(name: "busy", limit: 100_000, window: .seconds(100))
        func decide(_ key: String, cost: Int, at seconds: Double) throws -> RateLimitDecision {
            try store.acquire(key: key, policy: policy, cost: cost, now: Self.start.addingTimeInterval(seconds))
        }
        let costs = [20, 4095, 300, 15, 16]
        var admitted = 0
        for (second, cost) in costs.enumerated() {
            let decision = try decide("k", cost: cost, at: Double(second) + 0.5)
            admitted += cost
            #expect(decision.isAllowed && decision.remaining == 100_000 - admitted, "cost \(cost)")
        }
        // Internally the first three busy buckets keep their high bits in overflow cells and the
        // fourth widens the counts (to 16 bits, for the 4,095); what is visible, and checked, is
        // that no bucket lost a unit and each leaves on time.
        let expected = [
            (at: 101.2, remaining: 100_000 - 4095 - 300 - 15 - 16, nextFree: 102.0),
            (at: 102.2, remaining: 100_000 - 300 - 15 - 16, nextFree: 103.0),
            (at: 103.2, remaining: 100_000 - 15 - 16, nextFree: 104.0),
            (at: 104.2, remaining: 100_000 - 16, nextFree: 105.0),
        ]
        for step in expected {
            let peek = try decide("k", cost: 0, at: step.at)
            #expect(peek.remaining == step.remaining, "at \(step.at) s")
            #expect(peek.nextUnitFreesAt == Self.start.addingTimeInterval(step.nextFree), "at \(step.at) s")
            #expect(peek.resetAt == Self.start.addingTimeInterval(105), "at \(step.at) s")
        }
        // Another key's three busy buckets, then a fourth after the first has left (internally, a
        // freed cell taken again, the last cell moving into the freed one's place).
        for (second, cost) in [16, 4000, 255].enumerated() { _ = try decide("j", cost: cost, at: Double(second) + 0.5) }
        let refilled = try decide("j", cost: 300, at: 101.5)
        #expect(refilled.isAllowed && refilled.remaining == 100_000 - 4000 - 255 - 300)
        let first = try decide("j", cost: 0, at: 102.5)
        #expect(first.remaining == 100_000 - 255 - 300)
        #expect(first.nextUnitFreesAt == Self.start.addingTimeInterval(103))
        #expect(first.resetAt == Self.start.addingTimeInterval(202))
        let second = try decide("j", cost: 0, at: 103.5)
        #expect(second.remaining == 100_000 - 300)
        #expect(second.nextUnitFreesAt == Self.start.addingTimeInterval(202))
    }

    @Test("a key's first window moves out of its entry when it widens, its chained windows intact")
    func firstWindowWidensWithAChain() throws {
        let store = InMemoryRateLimitStore()
        let first = RateLimitPolicy(name: "first", limit: 10_000, window: .seconds(10))
        let second = RateLimitPolicy(name: "second", limit: 6000, window: .seconds(20))
        _ = try store.acquire(key: "k", policies: [first, second], cost: 15, now: Self.start)
        // Both new buckets pass 4,095 units, more than 4-bit counts hold even with an overflow
        // cell: the first window leaves the entry, the second is re-linked.
        let wider = try store.acquire(
            key: "k", policies: [first, second], cost: 4096, now: Self.start.addingTimeInterval(1))
        #expect(wider.map(\.remaining) == [5889, 1889])
        let denied = try store.acquire(
            key: "k", policies: [first, second], cost: 1890, now: Self.start.addingTimeInterval(2))
        #expect(denied.map(\.isAllowed) == [false, false] && denied.map(\.remaining) == [5889, 1889])
        // After the first window has passed, only the second still holds the units.
        let later = try store.acquire(
            key: "k", policies: [first, second], cost: 0, now: Self.start.addingTimeInterval(12))
        #expect(later.map(\.remaining) == [10_000, 1889])
        store.evictIdle(now: Self.start.addingTimeInterval(60))
        #expect(store.trackedKeyCount == 0)
        // The recycled entry serves a new key from scratch.
        let fresh = try store.acquire(key: "j", policy: first, cost: 3, now: Self.start.addingTimeInterval(61))
        #expect(fresh.remaining == 9997)
    }

    @Test("a precision too fine for the entry's room keeps its window on the heap, exact all the same")
    func fineFirstWindow() throws {
        let store = InMemoryRateLimitStore()
        let fine = RateLimitPolicy(name: "fine", limit: 40, window: .seconds(10), precision: 1000)
        for second in 0..<10 {
            let decision = try store.acquire(
                key: "k", policy: fine, cost: 4, now: Self.start.addingTimeInterval(TimeInterval(second)))
            #expect(decision.isAllowed && decision.remaining == 36 - 4 * second)
        }
        let denied = try store.acquire(key: "k", policy: fine, cost: 1, now: Self.start.addingTimeInterval(9.5))
        #expect(!denied.isAllowed)
        let next = try store.acquire(key: "k", policy: fine, cost: 4, now: Self.start.addingTimeInterval(10.02))
        #expect(next.isAllowed && next.remaining == 0, "the first 4 units left 10.01 s after they came")
    }

    @Test("a key's policies are kept apart, and a policy given twice is one policy, counted once")
    func policiesPerKey() throws {
        let store = InMemoryRateLimitStore()
        let second = RateLimitPolicy(name: "q", limit: 300, window: .seconds(60))
        _ = try store.acquire(key: "k", policy: policy, cost: 4, now: Self.start)
        let both = try store.acquire(key: "k", policies: [second, policy], cost: 3, now: Self.start)
        #expect(both.map(\.remaining) == [297, 3])
        // Only 157 units are left: a request for 158 is denied, whichever way it is counted.
        let twice = try store.acquire(key: "k", policies: [second, second], cost: 140, now: Self.start)
        #expect(twice.map(\.isAllowed) == [true, true] && twice.map(\.remaining) == [157, 157])
        let denied = try store.acquire(key: "k", policies: [second, policy, second], cost: 158, now: Self.start)
        #expect(denied.map(\.isAllowed) == [false, false, false])
        let peek = try store.acquire(key: "k", policies: [policy, second], cost: 0, now: Self.start)
        #expect(peek.map(\.remaining) == [3, 157])
        let none = try store.acquire(key: "k", policies: [], cost: 1, now: Self.start)
        #expect(none.isEmpty)
    }

    @Test("a store used directly with out-of-range input neither crashes nor over-admits")
    func unvalidatedInput() throws {
        let store = InMemoryRateLimitStore(shardCount: 0, sweepInterval: 0)
        let odd = [
            RateLimitPolicy(name: "zero", limit: 0, window: .zero, precision: 0),
            RateLimitPolicy(name: "huge", limit: Int.max, window: .seconds(Int64.max), precision: Int.max),
            RateLimitPolicy(name: "negative", limit: -3, window: .seconds(-5), precision: -1),
            RateLimitPolicy(name: "lowest", limit: Int.min, window: .seconds(Int64.min), precision: Int.min),
            RateLimitPolicy(
                name: "wrapping", limit: 5, window: .seconds(9_223_372_036_854_775) + .milliseconds(900),
                precision: 10),
        ]
        for policy in odd {
            for cost in [Int.min, -1, 0, 1, Int.max] {
                let decision = try store.acquire(key: "k", policy: policy, cost: cost, now: Self.start)
                #expect(decision.remaining >= 0)
                if cost > 0 && policy.limit < 1 { #expect(!decision.isAllowed) }
            }
        }
    }

    @Test("a denial names one retry instant in every policy's decision: when all of them admit")
    func retryAtAcrossPolicies() throws {
        let store = InMemoryRateLimitStore()
        let burst = RateLimitPolicy(name: "burst", limit: 1, window: .seconds(10), precision: 10)
        let hourly = RateLimitPolicy(name: "hourly", limit: 100, window: .seconds(3600))
        _ = try store.acquire(key: "k", policies: [burst, hourly], cost: 1, now: Self.start)
        let later = Self.start.addingTimeInterval(0.5)
        let denied = try store.acquire(key: "k", policies: [hourly, burst], cost: 1, now: later)
        // Only the burst policy blocks; its unit leaves when one-second bucket 11 begins.
        let retryAt = Self.start.addingTimeInterval(11)
        #expect(denied.map(\.isAllowed) == [false, false])
        #expect(denied.map(\.retryAt) == [retryAt, retryAt])
        #expect(denied.map(\.remaining) == [99, 0])
        let retried = try store.acquire(key: "k", policies: [hourly, burst], cost: 1, now: retryAt)
        #expect(retried.map(\.isAllowed) == [true, true])
    }

    @Test("keys of every length up to 40 bytes are kept apart, however they were built")
    func keysOfEveryLength() throws {
        let store = InMemoryRateLimitStore(shardCount: 2)
        let single = RateLimitPolicy(name: "p", limit: 1, window: .seconds(60))
        // Keys differing only in their last byte, at every length the store reads a key's bytes
        // in a different way (empty, under 4, under 8, whole words and tails). This checks that
        // keys stay apart and the same bytes find the same key; the hash itself was checked
        // against SipHash-1-3's reference implementation, outside the tests.
        for length in 0...40 {
            for last in ["a", "b"] where length > 0 || last == "a" {
                let key = String(repeating: "k", count: max(length - 1, 0)) + (length > 0 ? last : "")
                let first = try store.acquire(key: key, policy: single, cost: 1, now: Self.start)
                #expect(first.isAllowed, "\(key.utf8.count) bytes, ending \(last)")
                // The same bytes built another way are the same key, now full.
                let rebuilt = String(decoding: Array(key.utf8), as: UTF8.self)
                let again = try store.acquire(key: "\(rebuilt)", policy: single, cost: 1, now: Self.start)
                #expect(!again.isAllowed, "\(key.utf8.count) bytes, ending \(last)")
            }
        }
        #expect(store.trackedKeyCount == 81)
    }

    @Test("keys are compared by their UTF-8 bytes, not by Unicode equivalence")
    func keysAreBytes() throws {
        let store = InMemoryRateLimitStore(shardCount: 1)
        let single = RateLimitPolicy(name: "p", limit: 1, window: .seconds(60))
        // Each pair is equal as Swift strings (canonically equivalent) but differently encoded:
        // an ASCII key and a longer spelling, then pairs of the same byte count whose combining
        // marks come in another order or attach elsewhere.
        let pairs = [
            ("K", "\u{212A}"), ("\u{E9}", "e\u{301}"), ("caf\u{E9}-key", "cafe\u{301}-key"),
            ("a\u{301}\u{316}", "a\u{316}\u{301}"), ("\u{1E0B}\u{323}", "\u{1E0D}\u{307}"),
        ]
        for (first, second) in pairs {
            #expect(first == second)
            #expect(try store.acquire(key: first, policy: single, cost: 1, now: Self.start).isAllowed)
            #expect(try store.acquire(key: second, policy: single, cost: 1, now: Self.start).isAllowed)
            #expect(try !store.acquire(key: first, policy: single, cost: 1, now: Self.start).isAllowed)
            #expect(try !store.acquire(key: second, policy: single, cost: 1, now: Self.start).isAllowed)
        }
        #expect(store.trackedKeyCount == 10)
    }

    @Test("equivalent spellings of the same byte count stay apart even when their hashes meet")
    func equivalentSpellingsInOneSlot() throws {
        let single = RateLimitPolicy(name: "p", limit: 1, window: .seconds(60))
        // Two keys' probes meet in a slot with the same tag about once in 600 fresh stores (a
        // 16-slot table, six bits of tag); in 20,000 stores that happens some 30 times, and then
        // only the byte comparison keeps the two spellings apart.
        for index in 0..<20_000 {
            let store = InMemoryRateLimitStore(shardCount: 1)
            let first = "k\(index)-a\u{301}\u{316}"
            let second = "k\(index)-a\u{316}\u{301}"
            #expect(try store.acquire(key: first, policy: single, cost: 1, now: Self.start).isAllowed)
            #expect(try store.acquire(key: second, policy: single, cost: 1, now: Self.start).isAllowed, "\(index)")
        }
    }
}
