#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What checking one window decided, in milliseconds: read under the key's lock, turned into a
/// ``RateLimitDecision`` after it is released.
///
/// Four integers, so that it is returned in registers: the lock is held only for the window's
/// arithmetic, and the decision is built where it is returned instead of being copied out of
/// the locked section.
struct WindowOutcome {
    /// The `retryAt` of an admitted request.
    static let admitted = Int64.min

    /// Units still available in the window after the request.
    var remaining: Int64
    /// When every unit now counted will have left the window.
    var resetAt: Int64
    /// When the next counted unit leaves the window.
    var nextUnitFreesAt: Int64
    /// For a denial, the earliest instant the same request could be admitted; ``admitted`` if
    /// the request is admitted.
    var retryAt: Int64

    /// Whether the request is admitted.
    var isAllowed: Bool { retryAt == Self.admitted }

    /// The decision for `policy`.
    @inline(__always)
    func decision(for policy: RateLimitPolicy) -> RateLimitDecision {
        RateLimitDecision(
            policy: policy,
            isAllowed: isAllowed,
            remaining: Int(remaining),
            resetAt: Milliseconds.date(resetAt),
            nextUnitFreesAt: Milliseconds.date(nextUnitFreesAt),
            retryAt: isAllowed ? nil : Milliseconds.date(retryAt)
        )
    }
}
