#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Applies rate-limit policies to identities, over any ``RateLimitStore``.
///
/// ```swift
/// let limiter = RateLimiter(store: InMemoryRateLimitStore())
/// let hourly = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
/// let decision = try await limiter.acquire(key: apiKey.id, policy: hourly, now: clock.now)
/// if !decision.isAllowed { /* 429 with RateLimitHeaders */ }
/// ```
///
/// It validates policies and costs before the store sees them, so a store implementation can
/// assume well-formed input.
public struct RateLimiter: Sendable {
    /// The store that holds the counts.
    public let store: any RateLimitStore

    /// Creates a limiter over `store`.
    public init(store: some RateLimitStore) {
        self.store = store
    }

    /// Admits or denies a request of `cost` units under one policy.
    ///
    /// - Parameters:
    ///   - key: The identity limited, such as an API key's ID.
    ///   - policy: The policy.
    ///   - cost: The units the request costs (default 1); 0 reads the state without counting.
    ///   - now: The request's time, from the host's clock.
    /// - Throws: ``RateLimitError`` for an invalid policy or cost, or the store's error.
    public func acquire(
        key: String, policy: RateLimitPolicy, cost: Int = 1, now: Date
    ) async throws
        -> RateLimitDecision
    {
        try Self.validate(policy, cost: cost)
        return try await store.acquire(key: key, policy: policy, cost: cost, now: now)
    }

    /// Admits a request only if every policy admits it; a denial consumes nothing anywhere.
    ///
    /// A policy given more than once is applied once (its cost counted once), and its decision
    /// is repeated at each of its positions.
    ///
    /// - Returns: One decision per policy, in order; all have the same `isAllowed` (and, for a
    ///   denial, the same `retryAt`).
    public func acquire(
        key: String, policies: [RateLimitPolicy], cost: Int = 1, now: Date
    ) async throws
        -> [RateLimitDecision]
    {
        guard !policies.isEmpty else {
            throw RateLimitError(code: .noPolicies, message: "At least one policy is needed.")
        }
        for policy in policies {
            try Self.validate(policy, cost: cost)
        }
        let repeated = policies.indices.contains { index in policies[..<index].contains(policies[index]) }
        guard repeated else { return try await store.acquire(key: key, policies: policies, cost: cost, now: now) }
        var distinct: [RateLimitPolicy] = []
        var positions: [Int] = []
        for policy in policies {
            if let position = distinct.firstIndex(of: policy) {
                positions.append(position)
            } else {
                positions.append(distinct.count)
                distinct.append(policy)
            }
        }
        let decisions = try await store.acquire(key: key, policies: distinct, cost: cost, now: now)
        // A store that answers with another number of decisions than asked is passed through.
        guard decisions.count == distinct.count else { return decisions }
        return positions.map { decisions[$0] }
    }

    private static func validate(_ policy: RateLimitPolicy, cost: Int) throws(RateLimitError) {
        try policy.validate()
        guard cost >= 0, cost <= policy.limit else {
            throw RateLimitError(
                code: .invalidCost,
                message:
                    "A cost must be between 0 and the smallest limit (\(policy.limit) for '\(policy.name)'); it was \(cost)."
            )
        }
    }
}
