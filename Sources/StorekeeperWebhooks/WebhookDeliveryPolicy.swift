#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The rules of webhook delivery, as a pure function from an attempt's outcome to what happens next.
///
/// - Only a 2xx answer is success; redirects are failures.
/// - `410 Gone` disables the endpoint at once.
/// - `429`, `502` and `504` mean "slow down": the next attempt waits at least the `Retry-After`
///   the endpoint sent.
/// - Everything else is retried on the schedule (Standard Webhooks': immediately, 5 s, 5 min,
///   30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h), each delay spread by ± ``jitterPercent`` so
///   retries after an outage do not arrive together.
/// - An endpoint that has failed without a success for ``disableAfter`` is disabled, and an
///   ``WebhookEventType/endpointDisabled`` event says so.
///
/// No clock and no randomness are read here: `now` and the random generator are passed in, so
/// tests drive the machine with a `ManualClock` and a seeded generator.
public struct WebhookDeliveryPolicy: Sendable, Hashable {
    /// The delay before each attempt: the first is usually zero (send at once).
    public var schedule: [Duration]
    /// How much each retry delay is spread, in percent either way (0 to 50).
    public var jitterPercent: Int
    /// How long an endpoint may fail without a success before it is disabled.
    public var disableAfter: Duration

    /// Standard Webhooks' schedule, 10% jitter, disabling after five days of failure.
    public static let standard = WebhookDeliveryPolicy(
        schedule: [
            .zero, .seconds(5), .seconds(5 * 60), .seconds(30 * 60), .seconds(2 * 3600), .seconds(5 * 3600),
            .seconds(10 * 3600), .seconds(14 * 3600), .seconds(20 * 3600), .seconds(24 * 3600),
        ],
        jitterPercent: 10,
        disableAfter: .seconds(5 * 86_400)
    )

    /// Creates a policy.
    public init(schedule: [Duration], jitterPercent: Int, disableAfter: Duration) {
        self.schedule = schedule
        self.jitterPercent = min(max(jitterPercent, 0), 50)
        self.disableAfter = disableAfter
    }

    /// What happens after an attempt.
    public struct Transition: Sendable, Hashable {
        /// The delivery, updated: delivered, failed, or pending with its next attempt time.
        public var delivery: WebhookDelivery
        /// The endpoint, updated: its failure streak, or its disabling.
        public var endpoint: WebhookEndpoint
        /// Whether this attempt disabled the endpoint (emit ``WebhookEventType/endpointDisabled``).
        public var disabledEndpoint: Bool
    }

    /// Applies an attempt's outcome.
    ///
    /// - Parameters:
    ///   - outcome: What the attempt got back.
    ///   - delivery: The delivery as it was before the attempt.
    ///   - endpoint: The endpoint as it was before the attempt.
    ///   - now: When the attempt finished.
    ///   - generator: The randomness for jitter.
    public func transition(
        after outcome: WebhookAttemptOutcome,
        of delivery: WebhookDelivery,
        to endpoint: WebhookEndpoint,
        now: Date,
        using generator: inout some RandomNumberGenerator
    ) -> Transition {
        var delivery = delivery
        var endpoint = endpoint
        delivery.attempts += 1
        var minimumDelay = Duration.zero
        switch outcome {
        case .response(let status, _) where (200...299).contains(status):
            delivery.status = .delivered
            delivery.nextAttemptAt = nil
            delivery.lastResponseStatus = status
            delivery.lastError = nil
            endpoint.failingSince = nil
            return Transition(delivery: delivery, endpoint: endpoint, disabledEndpoint: false)
        case .response(410, _):
            delivery.lastResponseStatus = 410
            delivery.lastError = "The endpoint answered 410 Gone."
            return disable(&delivery, &endpoint, reason: "answered 410 Gone", now: now)
        case .response(let status, let retryAfter):
            delivery.lastResponseStatus = status
            delivery.lastError = "The endpoint answered \(status)."
            if [429, 502, 504].contains(status), let retryAfter { minimumDelay = retryAfter }
        case .noResponse(let reason):
            delivery.lastResponseStatus = nil
            delivery.lastError = reason
        }
        let failingSince = endpoint.failingSince ?? now
        endpoint.failingSince = failingSince
        if now.timeIntervalSince(failingSince) >= Self.seconds(disableAfter) {
            return disable(&delivery, &endpoint, reason: "failed without a success since \(failingSince)", now: now)
        }
        guard delivery.attempts < schedule.count else {
            delivery.status = .failed
            delivery.nextAttemptAt = nil
            return Transition(delivery: delivery, endpoint: endpoint, disabledEndpoint: false)
        }
        let delay = max(jittered(schedule[delivery.attempts], using: &generator), minimumDelay)
        delivery.status = .pending
        delivery.nextAttemptAt = now.addingTimeInterval(Self.seconds(delay))
        return Transition(delivery: delivery, endpoint: endpoint, disabledEndpoint: false)
    }

    private func disable(
        _ delivery: inout WebhookDelivery,
        _ endpoint: inout WebhookEndpoint,
        reason: String,
        now: Date
    ) -> Transition {
        delivery.status = .failed
        delivery.nextAttemptAt = nil
        endpoint.disabledReason = reason
        return Transition(delivery: delivery, endpoint: endpoint, disabledEndpoint: true)
    }

    /// `delay` spread uniformly by ± ``jitterPercent``, in whole milliseconds.
    func jittered(_ delay: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
        let milliseconds = delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000
        let spread = milliseconds * Int64(jitterPercent) / 100
        guard spread > 0 else { return delay }
        return .milliseconds(milliseconds - spread + Int64.random(in: 0...(2 * spread), using: &generator))
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
