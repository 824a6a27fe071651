public import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Renders rate-limit decisions as response headers, in the dialects clients know.
///
/// ```swift
/// let headers = RateLimitHeaders.render(decisions, style: [.legacyISO8601], now: clock.now)
/// // X-RateLimit-Limit: 1000
/// // X-RateLimit-Remaining: 999
/// // X-RateLimit-Reset: 2024-01-15T11:00:00Z
/// ```
///
/// The legacy headers describe the most restrictive policy (the one with the fewest units
/// remaining). Their reset, and the IETF `t`, is when a denied request may be retried, or for an
/// admitted one when the window will be fully clear. `Retry-After` (delta seconds, rounded up,
/// at least 1) accompanies every denial, and is never earlier than that reset.
public enum RateLimitHeaders {
    /// Which header dialects to write; combine them freely.
    public struct Style: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: Int

        /// Creates a style from raw bits.
        public init(rawValue: Int) {
            self.rawValue = rawValue
        }

        /// `X-RateLimit-Limit`, `-Remaining` and `-Reset` with the reset as an ISO 8601 UTC
        /// timestamp (ShopiSync).
        public static let legacyISO8601 = Style(rawValue: 1)
        /// The same with the reset in Unix epoch seconds (GitHub's convention).
        public static let legacyEpochSeconds = Style(rawValue: 2)
        /// `RateLimit-Policy` and `RateLimit` structured fields of the IETF httpapi draft.
        public static let ietfDraft = Style(rawValue: 4)
    }

    /// The headers for the decisions of one request.
    ///
    /// - Parameters:
    ///   - decisions: The decisions of every policy applied to the request (an array, or
    ///     `CollectionOfOne` for a single policy without allocating).
    ///   - style: The dialects to write.
    ///   - now: The request's time, for relative values.
    public static func render(
        _ decisions: some Collection<RateLimitDecision>, style: Style, now: Date
    ) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.reserveCapacity(6)
        guard let tightest = decisions.min(by: { ($0.remaining, $0.limit) < ($1.remaining, $1.limit) }) else {
            return headers
        }
        let nowSeconds = InternetDateTime.epochSeconds(now)
        if style.contains(.legacyISO8601) || style.contains(.legacyEpochSeconds) {
            let reset = InternetDateTime.epochSeconds(resetInstant(of: tightest), rounding: .up)
            headers.add(name: "X-RateLimit-Limit", value: String(tightest.limit))
            headers.add(name: "X-RateLimit-Remaining", value: String(tightest.remaining))
            headers.add(
                name: "X-RateLimit-Reset",
                value: style.contains(.legacyISO8601) ? InternetDateTime.format(epochSeconds: reset) : String(reset)
            )
        }
        if style.contains(.ietfDraft) {
            let policies = decisions.map { decision in
                "\"\(decision.policy.name)\";q=\(decision.limit);w=\(windowSeconds(decision.policy))"
            }
            let states = decisions.map { decision in
                let reset = InternetDateTime.epochSeconds(resetInstant(of: decision), rounding: .up)
                let seconds = max(0, reset - nowSeconds)
                return "\"\(decision.policy.name)\";r=\(decision.remaining);t=\(seconds)"
            }
            headers.add(name: "RateLimit-Policy", value: policies.joined(separator: ", "))
            headers.add(name: "RateLimit", value: states.joined(separator: ", "))
        }
        let denials = decisions.compactMap { $0.retryAfter(now: now) }
        if let wait = denials.max() {
            headers.add(name: "Retry-After", value: String(wait.components.seconds))
        }
        return headers
    }

    /// When a denied request may be retried, or when an admitted one's window is fully clear
    /// (announced in whole seconds rounded up from the date itself, so never early).
    private static func resetInstant(of decision: RateLimitDecision) -> Date {
        decision.retryAt ?? decision.resetAt
    }

    /// The window in whole seconds, rounded up (without overflow, for any window).
    private static func windowSeconds(_ policy: RateLimitPolicy) -> Int64 {
        policy.windowMilliseconds.dividedRoundingUp(by: 1000)
    }
}
