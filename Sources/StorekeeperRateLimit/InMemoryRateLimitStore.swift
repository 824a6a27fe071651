#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ``RateLimitStore`` in this process's memory: exact, sharded and self-cleaning.
///
/// It is production-grade for a single server (and what the example server uses). Each key has
/// a lock of its own, in a 128-byte entry of its own: a request for a key the store already
/// tracks finds the entry without taking any shared lock, so requests for different keys never
/// contend, and do not even write to a shared cache line, whatever thread they run on. Keys are
/// spread over shards, each with a mutex taken only to insert a key, add a policy to it, or
/// sweep. A key idle for longer than its longest window is dropped, so the windows' memory is
/// bounded by the keys active within a window. A cluster needs a shared store instead (see
/// ``RateLimitStore``).
///
/// Keys are compared by their UTF-8 bytes, as a database or Redis store compares them: two
/// spellings Swift considers equal (such as "é" precomposed and decomposed) are two keys. Keys
/// are hashed with SipHash-1-3 (the function behind Swift's `Hasher`) under a seed of the
/// store's own, so keys cannot be crafted to collide in its tables.
///
/// Memory: a key costs a 128-byte entry (its lock, the key, and its first window when that fits)
/// and its share of the shard's table, about 150 bytes in all at the default precision of 100:
/// a window is a 35-byte header followed by a four-bit count per bucket (`precision + 1`) and
/// three two-byte overflow cells (92 bytes), which let up to three buckets hold 16 to 4,095
/// units each (a burst). The counts widen to 8, 16 or 32 bits only when a fourth bucket passes
/// 15 units or one passes 4,095 (or, in a ring of more than 256 buckets, which has no cells,
/// when any bucket passes 15). A window that does not fit in the entry (wider counts, a second policy, a
/// finer precision) is one heap block of its own: 144 bytes with 8-bit counts at the default
/// precision, so such a key costs about 300 bytes. A key of up
/// to 15 UTF-8 bytes is stored in its entry; a longer one keeps a copy of its bytes on the heap.
/// A swept key's windows are freed at once; its entry and table slot are kept for the next new
/// key (entries are only freed with the store, so that a lock-free reader never reaches freed
/// memory), so those follow the peak number of keys. Lower the precision to trade accuracy for
/// memory.
public final class InMemoryRateLimitStore: RateLimitStore, Sendable {
    private let shards: RateLimitShards
    /// Hashes keys under this store's own random seed.
    private let keyHasher: KeyHasher

    /// Creates an empty store.
    ///
    /// - Parameters:
    ///   - shardCount: How many shards to spread keys over (default 16); a shard's mutex is
    ///     only taken to insert keys, add policies to them, and sweep.
    ///   - sweepInterval: How many operations a shard performs between sweeps for idle keys (at
    ///     least; a shard also waits for as many operations as it holds keys, so sweeping costs
    ///     O(1) per operation). Operations on keys already tracked are counted in batches of 64
    ///     per key. A shard skips sweeps until one of its keys can be idle.
    public init(shardCount: Int = 16, sweepInterval: Int = 4096) {
        let keyHasher = KeyHasher()
        self.keyHasher = keyHasher
        shards = RateLimitShards(
            count: min(max(shardCount, 1), 1 << 16), sweepInterval: max(sweepInterval, 1), keyHasher: keyHasher)
    }

    deinit {
        shards.deallocate()
    }

    /// The number of keys currently tracked.
    public var trackedKeyCount: Int {
        (0..<shards.count).reduce(0) { sum, index in sum + shards[index].withKeys { $0.count } }
    }

    /// Drops every key whose windows have all been idle for longer than their length (plus one
    /// bucket) at `now`. The store also does this by itself, a shard at a time.
    public func evictIdle(now: Date) {
        let milliseconds = Milliseconds.of(now)
        for index in 0..<shards.count {
            shards[index].withKeys { $0.sweep(now: milliseconds) }
        }
    }

    /// Checks and counts one policy atomically under the key's lock, allocating nothing for a
    /// key it already tracks with this policy.
    public func acquire(key: String, policy: RateLimitPolicy, cost: Int, now: Date) throws -> RateLimitDecision {
        let milliseconds = Milliseconds.of(now)
        let cost = Self.clamped(cost)
        let hash = keyHasher.hash(key)
        let shard = shards[shardIndex(for: hash)]
        if let entry = shard.lockedEntry(for: key, hash: hash) {
            if let window = entry.window(for: policy) {
                let outcome = entry.acquire(in: window, cost: cost, now: milliseconds)
                let batchDone = entry.countOperation()
                entry.unlockEntry()
                if batchDone { shard.countBatch(now: milliseconds) }
                return outcome.decision(for: policy)
            }
            entry.unlockEntry()
        }
        let outcome = shard.withKeys { keys in
            keys.countOperation(now: milliseconds)
            let entry = keys.lockedEntry(for: key, hash: hash)
            defer { entry.unlockEntry() }
            if entry.window(for: policy) == nil {
                entry.appendWindow(shape: keys.shape(for: policy), now: milliseconds)
            }
            guard let window = entry.window(for: policy) else { return Self.unreachable(now: milliseconds) }
            let outcome = entry.acquire(in: window, cost: cost, now: milliseconds)
            keys.noteActivity(of: entry)
            return outcome
        }
        return outcome.decision(for: policy)
    }

    /// Checks every policy and counts in all of them, or in none, atomically under the key's lock.
    /// A policy given more than once is one policy: its cost is checked and counted once, and
    /// its decision repeated.
    public func acquire(key: String, policies: [RateLimitPolicy], cost: Int, now: Date) throws -> [RateLimitDecision] {
        guard !policies.isEmpty else { return [] }
        let milliseconds = Milliseconds.of(now)
        let cost = Self.clamped(cost)
        let hash = keyHasher.hash(key)
        let shard = shards[shardIndex(for: hash)]
        if let entry = shard.lockedEntry(for: key, hash: hash) {
            if let outcomes = entry.acquire(policies: policies, cost: cost, now: milliseconds) {
                let batchDone = entry.countOperation()
                entry.unlockEntry()
                if batchDone { shard.countBatch(now: milliseconds) }
                return Self.decisions(for: policies, outcomes)
            }
            entry.unlockEntry()
        }
        let outcomes = shard.withKeys { keys in
            keys.countOperation(now: milliseconds)
            let entry = keys.lockedEntry(for: key, hash: hash)
            defer { entry.unlockEntry() }
            for policy in policies where entry.window(for: policy) == nil {
                entry.appendWindow(shape: keys.shape(for: policy), now: milliseconds)
            }
            let outcomes =
                entry.acquire(policies: policies, cost: cost, now: milliseconds)
                ?? policies.map { _ in Self.unreachable(now: milliseconds) }
            keys.noteActivity(of: entry)
            return outcomes
        }
        return Self.decisions(for: policies, outcomes)
    }

    private static func decisions(for policies: [RateLimitPolicy], _ outcomes: [WindowOutcome]) -> [RateLimitDecision] {
        var decisions: [RateLimitDecision] = []
        decisions.reserveCapacity(policies.count)
        for (policy, outcome) in zip(policies, outcomes) { decisions.append(outcome.decision(for: policy)) }
        return decisions
    }

    /// A denial for a state that cannot arise (a window just added found missing), so that no
    /// input can crash the store.
    private static func unreachable(now: Int64) -> WindowOutcome {
        WindowOutcome(remaining: 0, resetAt: now, nextUnitFreesAt: now, retryAt: now)
    }

    // A key's hash (``KeyHasher``): bits 32–55 choose the shard, the low bits the slot, the top
    // six the tag.
    private func shardIndex(for hash: UInt64) -> Int {
        Int((((hash >> 32) & 0xFF_FFFF) &* UInt64(shards.count)) >> 24)
    }

    /// A cost bounded so that no arithmetic on it overflows; beyond the widest limit
    /// (`UInt32.max`) every cost is denied alike.
    private static func clamped(_ cost: Int) -> Int64 {
        min(max(Int64(cost), -(1 << 33)), 1 << 33)
    }
}
