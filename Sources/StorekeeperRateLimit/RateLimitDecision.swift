import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The outcome of one policy for one request.
public struct RateLimitDecision: Sendable, Hashable {
    /// The policy decided on.
    public var policy: RateLimitPolicy
    /// Whether the request is admitted. With several policies, a request is admitted only if
    /// every policy admits it, and a denial consumes nothing from any of them.
    public var isAllowed: Bool
    /// The policy's limit.
    public var limit: Int { policy.limit }
    /// Units still available in the window after this request.
    public var remaining: Int
    /// When every unit now counted will have left the window (now, if none is counted).
    public var resetAt: Date
    /// When the next counted unit leaves the window, raising `remaining` (now, if none is counted).
    public var nextUnitFreesAt: Date
    /// For a denial, the earliest instant the same request could be admitted, assuming no other
    /// traffic (with several policies, the same in each of their decisions: the instant by which
    /// every one admits it); `nil` when allowed.
    public var retryAt: Date?

    /// Creates a decision.
    public init(
        policy: RateLimitPolicy, isAllowed: Bool, remaining: Int, resetAt: Date, nextUnitFreesAt: Date, retryAt: Date?
    ) {
        self.policy = policy
        self.isAllowed = isAllowed
        self.remaining = remaining
        self.resetAt = resetAt
        self.nextUnitFreesAt = nextUnitFreesAt
        self.retryAt = retryAt
    }

    /// For a denial, how long to wait before retrying, in whole seconds (at least 1), counted
    /// from the start of the current second to `retryAt` rounded up, so waiting that long from
    /// any moment of this second never retries early.
    public func retryAfter(now: Date) -> Duration? {
        guard let retryAt else { return nil }
        // Rounded up from the date itself: a date made from whole milliseconds may hold a hair
        // less than them (1.001 s as 1.000999…), which rounding to the millisecond first would
        // turn into a whole second.
        let retrySeconds = InternetDateTime.epochSeconds(retryAt, rounding: .up)
        return .seconds(max(1, retrySeconds - InternetDateTime.epochSeconds(now)))
    }
}
