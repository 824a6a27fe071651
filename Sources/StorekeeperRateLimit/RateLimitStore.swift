#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where rate-limit state lives: shared by every server of a cluster, implemented once per store.
///
/// The protocol is a single operation, so it is one atomic step wherever the state lives: check
/// every policy of the key and, only if all admit the request, count its cost in all of them.
/// A store never over-admits under concurrency, because the check and the count are one step.
///
/// Keys are identities compared by their UTF-8 bytes (as a database or Redis compares them), so
/// that every store, and every server of a cluster, agrees on which requests share a limit.
///
/// A PostgreSQL sketch, one statement per policy inside one transaction (a row per key, policy
/// and bucket; buckets are `g = ⌈window ÷ precision⌉` milliseconds, `$b` is the current bucket's
/// number, `⌊now ÷ g⌋`, and `$n` the buckets the window spans, `⌈window ÷ g⌉`, which is the
/// precision when it divides the window):
///
/// ```sql
/// SELECT pg_advisory_xact_lock(hashtext($key));
/// SELECT coalesce(sum(count), 0) FROM rate_limit_buckets
///   WHERE key = $key AND policy = $policy AND bucket > $b - $n - 1;   -- for each policy
/// -- if every sum + $cost <= limit:
/// INSERT INTO rate_limit_buckets (key, policy, bucket, count) VALUES ($key, $policy, $b, $cost)
///   ON CONFLICT (key, policy, bucket) DO UPDATE SET count = rate_limit_buckets.count + $cost;
/// ```
///
/// A Redis sketch, one Lua script (`EVALSHA`), a hash of bucket → count per key and policy:
///
/// ```lua
/// -- KEYS: one hash per policy; ARGV: cost, then per policy: limit, current bucket, buckets
/// for i, key in ipairs(KEYS) do
///   -- HDEL buckets older than current - buckets; HVALS and sum; deny (return) if sum + cost > limit
/// end
/// for i, key in ipairs(KEYS) do redis.call('HINCRBY', key, current, cost); redis.call('PEXPIRE', key, window) end
/// ```
///
/// ``InMemoryRateLimitStore`` implements it for one process; `RateLimitStoreConformance` in
/// `StorekeeperTesting` checks any implementation.
public protocol RateLimitStore: Sendable {
    /// Checks every policy for `key` and, if all admit `cost` units, counts them in all.
    ///
    /// - Parameters:
    ///   - key: The identity limited, such as an API key's ID.
    ///   - policies: The policies to apply together; already validated, at least one, no two
    ///     equal (``RateLimiter`` merges a policy given twice).
    ///   - cost: The units the request costs; 0 reads without counting.
    ///   - now: The request's time, from the host's clock.
    /// - Returns: One decision per policy, in the order given. For a denial, every decision
    ///   has the same `retryAt`: the instant by which every policy admits the request.
    func acquire(key: String, policies: [RateLimitPolicy], cost: Int, now: Date) async throws -> [RateLimitDecision]

    /// Checks one policy for `key` and, if it admits `cost` units, counts them: the common case,
    /// which a store may serve faster. The default calls ``acquire(key:policies:cost:now:)``.
    func acquire(key: String, policy: RateLimitPolicy, cost: Int, now: Date) async throws -> RateLimitDecision
}

extension RateLimitStore {
    /// Calls ``acquire(key:policies:cost:now:)`` with one policy.
    public func acquire(key: String, policy: RateLimitPolicy, cost: Int, now: Date) async throws -> RateLimitDecision {
        let decisions = try await acquire(key: key, policies: [policy], cost: cost, now: now)
        guard let decision = decisions.first else {
            throw RateLimitError(code: .noPolicies, message: "The store returned no decision.")
        }
        return decision
    }
}
