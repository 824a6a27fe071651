@_spi(StorekeeperInternal) public import StorekeeperCore
import StorekeeperJSON

/// Delivers what is due: claims deliveries from the outbox, signs and sends them through the
/// transport, and records what the delivery policy decides.
///
/// Call ``deliverDue(limit:)`` from the host's scheduler (a timer, a job runner); it reads the
/// time from the injected clock, so tests drive it with a `ManualClock` and never sleep.
///
/// ```swift
/// let dispatcher = WebhookDispatcher(outbox: outbox, transport: transport, clock: SystemClock())
/// let attempted = try await dispatcher.deliverDue()
/// ```
public struct WebhookDispatcher<Outbox: WebhookOutbox, Transport: WebhookTransport>: Sendable {
    /// The outbox events are claimed from.
    public let outbox: Outbox
    /// The transport that POSTs.
    public let transport: Transport
    /// The delivery rules.
    public let policy: WebhookDeliveryPolicy
    /// The clock.
    public let clock: any WallClock
    /// How long a claimed delivery is hidden from other workers while it is attempted.
    public let lease: Duration
    /// Called with an ``WebhookEventType/endpointDisabled`` event whenever an endpoint is
    /// disabled, so the host can alert someone (it is not sent to the disabled endpoint).
    public let onEndpointDisabled: @Sendable (WebhookEvent) async -> Void

    /// Creates a dispatcher.
    public init(
        outbox: Outbox,
        transport: Transport,
        policy: WebhookDeliveryPolicy = .standard,
        clock: any WallClock,
        lease: Duration = .seconds(60),
        onEndpointDisabled: @escaping @Sendable (WebhookEvent) async -> Void = { _ in }
    ) {
        self.outbox = outbox
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.lease = lease
        self.onEndpointDisabled = onEndpointDisabled
    }

    /// Attempts every delivery due now, up to `limit`, once each.
    ///
    /// - Returns: How many deliveries were attempted.
    /// - Throws: Only the outbox's errors; transport failures are outcomes, not errors.
    @discardableResult
    public func deliverDue(limit: Int = 100) async throws -> Int {
        let claimed = try await outbox.claimDue(now: clock.now, limit: limit, lease: lease)
        var generator = SystemRandomNumberGenerator()
        for (delivery, event) in claimed {
            guard let endpoint = try await outbox.endpoint(id: delivery.endpointID) else { continue }
            let outcome: WebhookAttemptOutcome
            if endpoint.isDisabled {
                outcome = .noResponse(reason: "The endpoint is disabled.")
            } else {
                outcome = await attempt(event, to: endpoint)
            }
            let transition = policy.transition(
                after: outcome,
                of: delivery,
                to: endpoint,
                now: clock.now,
                using: &generator
            )
            var recorded = transition.delivery
            if endpoint.isDisabled {
                recorded.status = .failed
                recorded.nextAttemptAt = nil
            }
            try await outbox.record(recorded, endpoint: endpoint.isDisabled ? endpoint : transition.endpoint)
            if transition.disabledEndpoint {
                let notice = WebhookEvent(
                    type: .endpointDisabled,
                    timestamp: clock.now,
                    data: [
                        "endpoint_id": .string(endpoint.id),
                        "reason": .string(transition.endpoint.disabledReason ?? ""),
                    ]
                )
                await onEndpointDisabled(notice)
            }
        }
        return claimed.count
    }

    /// Signs and sends one event; any failure to get an answer becomes `.noResponse`.
    private func attempt(_ event: WebhookEvent, to endpoint: WebhookEndpoint) async -> WebhookAttemptOutcome {
        let signers = endpoint.secrets.compactMap { try? WebhookSigner(secret: $0) }
        guard !signers.isEmpty else {
            return .noResponse(reason: "The endpoint has no valid signing secret.")
        }
        let timestamp = Int(InternetDateTime.epochSeconds(clock.now))
        let body = event.payload
        var headers: HTTPHeaders = ["content-type": "application/json"]
        headers.add(name: "webhook-id", value: event.id)
        headers.add(name: "webhook-timestamp", value: String(timestamp))
        headers.add(
            name: "webhook-signature",
            value: WebhookSigner.signatureHeader(
                signers: signers, messageID: event.id, timestamp: timestamp, payload: body)
        )
        do {
            let response = try await transport.send(WebhookRequest(url: endpoint.url, headers: headers, body: body))
            return .response(status: response.status, retryAfter: response.retryAfter)
        } catch {
            return .noResponse(reason: "No answer: \(error)")
        }
    }
}
