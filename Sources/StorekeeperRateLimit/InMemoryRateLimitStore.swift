import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ``RateLimitStore`` in this process's memory: exact, sharded and self-cleaning.
///
/// It is production-grade for a single server (and what the example server uses): keys are
/// spread over shards, each behind its own lock, so requests for different keys rarely
/// contend; a key idle for longer than its longest window is dropped, so memory is bounded by
/// the keys active within a window. A cluster needs a shared store instead (see
/// ``RateLimitStore``).
///
/// Memory: a window costs `precision + 1` one-byte counts (wider only for buckets over 255 units)
/// plus its bookkeeping: about 360 bytes per key and policy at the default precision of 100
/// (two small allocations and a dictionary slot).
/// Lower the precision to trade accuracy for memory.
public final class InMemoryRateLimitStore: RateLimitStore, Sendable {
    private struct Entry {
        var windows: [SlidingWindowCounter] = []
        var lastSeen: Int64
        var idleAfter: Int64 = 0

        /// The index of the window enforcing `policy`, started now if there is none, advanced to now.
        mutating func window(for policy: RateLimitPolicy, now: Int64) -> Int {
            let index: Int
            if let existing = windows.firstIndex(where: { $0.policy == policy }) {
                index = existing
            } else {
                let window = SlidingWindowCounter(policy: policy, startingAt: now)
                idleAfter = max(idleAfter, Int64(window.bucketCount) * window.granularity)
                windows.append(window)
                index = windows.count - 1
            }
            windows[index].advance(to: windows[index].bucket(of: now))
            return index
        }
    }

    private struct Shard {
        var entries: [String: Entry] = [:]
        var operationsSinceSweep = 0
    }

    private let shards: [Locked<Shard>]
    private let sweepInterval: Int

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - shardCount: How many independently locked shards to spread keys over (default 16).
    ///   - sweepInterval: How many operations a shard performs between sweeps for idle keys.
    public init(shardCount: Int = 16, sweepInterval: Int = 4096) {
        shards = (0..<max(shardCount, 1)).map { _ in Locked(Shard()) }
        self.sweepInterval = max(sweepInterval, 1)
    }

    /// The number of keys currently tracked.
    public var trackedKeyCount: Int {
        shards.reduce(0) { $0 + $1.withLock { $0.entries.count } }
    }

    /// Drops every key idle for longer than its longest window (plus one bucket) at `now`.
    /// The store also does this by itself, a shard at a time, every `sweepInterval` operations.
    public func evictIdle(now: Date) {
        let milliseconds = Milliseconds.of(now)
        for shard in shards {
            shard.withLock { Self.sweep(&$0, now: milliseconds) }
        }
    }

    /// Checks and counts one policy atomically within the key's shard, allocating nothing for
    /// a key it already tracks.
    public func acquire(key: String, policy: RateLimitPolicy, cost: Int, now: Date) throws -> RateLimitDecision {
        let milliseconds = Milliseconds.of(now)
        return shard(for: key).withLock { state in
            sweepIfDue(&state, now: milliseconds)
            return Self.acquire(
                &state.entries[key, default: Entry(lastSeen: milliseconds)], policy: policy, cost: Int64(cost),
                now: milliseconds)
        }
    }

    /// Checks every policy and counts in all of them, or in none, atomically within the key's shard.
    public func acquire(key: String, policies: [RateLimitPolicy], cost: Int, now: Date) throws -> [RateLimitDecision] {
        let milliseconds = Milliseconds.of(now)
        return shard(for: key).withLock { state in
            sweepIfDue(&state, now: milliseconds)
            return Self.acquire(
                &state.entries[key, default: Entry(lastSeen: milliseconds)], policies: policies, cost: Int64(cost),
                now: milliseconds)
        }
    }

    private func shard(for key: String) -> Locked<Shard> {
        shards[Int(Self.shardHash(key) % UInt64(shards.count))]
    }

    private func sweepIfDue(_ state: inout Shard, now: Int64) {
        state.operationsSinceSweep += 1
        if state.operationsSinceSweep >= sweepInterval {
            Self.sweep(&state, now: now)
        }
    }

    private static func acquire(
        _ entry: inout Entry, policy: RateLimitPolicy, cost: Int64, now: Int64
    ) -> RateLimitDecision {
        let index = entry.window(for: policy, now: now)
        let allowed = entry.windows[index].total + cost <= Int64(policy.limit)
        if allowed && cost > 0 { entry.windows[index].add(cost) }
        entry.lastSeen = max(entry.lastSeen, now)
        return decision(for: policy, window: &entry.windows[index], allowed: allowed, cost: cost, now: now)
    }

    private static func acquire(
        _ entry: inout Entry, policies: [RateLimitPolicy], cost: Int64, now: Int64
    )
        -> [RateLimitDecision]
    {
        let indices = policies.map { entry.window(for: $0, now: now) }
        let allowed = zip(policies, indices).allSatisfy { policy, index in
            entry.windows[index].total + cost <= Int64(policy.limit)
        }
        if allowed && cost > 0 {
            for index in indices { entry.windows[index].add(cost) }
        }
        entry.lastSeen = max(entry.lastSeen, now)
        var decisions: [RateLimitDecision] = []
        decisions.reserveCapacity(policies.count)
        for (policy, index) in zip(policies, indices) {
            decisions.append(
                decision(for: policy, window: &entry.windows[index], allowed: allowed, cost: cost, now: now))
        }
        return decisions
    }

    private static func decision(
        for policy: RateLimitPolicy,
        window: inout SlidingWindowCounter,
        allowed: Bool,
        cost: Int64,
        now: Int64
    ) -> RateLimitDecision {
        let limit = Int64(policy.limit)
        let total = window.total
        let resetAt = max(now, window.lastRelease() ?? now)
        let nextUnit = max(now, window.releaseTime(freeing: 1) ?? now)
        var retryAt: Date? = nil
        if !allowed {
            retryAt = Milliseconds.date(max(now, window.releaseTime(freeing: total + cost - limit) ?? now))
        }
        return RateLimitDecision(
            policy: policy,
            isAllowed: allowed,
            remaining: Int(max(0, limit - total)),
            resetAt: Milliseconds.date(resetAt),
            nextUnitFreesAt: Milliseconds.date(nextUnit),
            retryAt: retryAt
        )
    }

    /// FNV-1a over the key's bytes: a cheap, well-spread choice of shard (the dictionary inside
    /// the shard still uses Swift's seeded hashing, so keys cannot be crafted to collide there).
    private static func shardHash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func sweep(_ shard: inout Shard, now: Int64) {
        shard.operationsSinceSweep = 0
        shard.entries = shard.entries.filter { _, entry in now - entry.lastSeen <= entry.idleAfter }
    }
}
