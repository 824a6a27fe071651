#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where events wait to be delivered: the host's table or queue, implemented once per store.
///
/// An event is persisted, with one delivery per subscribed endpoint, before any attempt, so a
/// restart loses nothing: the next ``WebhookDispatcher`` pass finds what is due. Every method is
/// one atomic operation:
///
/// ```sql
/// -- enqueue: one transaction
/// INSERT INTO webhook_events (id, type, timestamp, payload) VALUES ($1, $2, $3, $4);
/// INSERT INTO webhook_deliveries (event_id, endpoint_id, status, next_attempt_at)
///   SELECT $1, id, 'pending', $3 FROM webhook_endpoints
///   WHERE disabled_reason IS NULL AND (event_types = '{}' OR $2 = ANY(event_types));
/// -- claimDue: one statement; SKIP LOCKED lets several workers share the queue
/// UPDATE webhook_deliveries SET next_attempt_at = $now + $lease
///   WHERE (event_id, endpoint_id) IN (SELECT event_id, endpoint_id FROM webhook_deliveries
///     WHERE status = 'pending' AND next_attempt_at <= $now
///     ORDER BY next_attempt_at LIMIT $limit FOR UPDATE SKIP LOCKED) RETURNING *;
/// ```
///
/// `StorekeeperTesting` has `InMemoryWebhookOutbox` and `WebhookOutboxConformance`, which a host
/// runs against its own implementation.
public protocol WebhookOutbox: Sendable {
    /// Stores or replaces an endpoint.
    func saveEndpoint(_ endpoint: WebhookEndpoint) async throws

    /// The endpoint with `id`, or `nil`.
    func endpoint(id: String) async throws -> WebhookEndpoint?

    /// Persists `event` and, in the same transaction, a pending delivery due at `event.timestamp`
    /// for every enabled endpoint that receives its type. Returns the endpoints it was queued for.
    func enqueue(_ event: WebhookEvent) async throws -> [String]

    /// Claims up to `limit` pending deliveries due at `now`, earliest first (the older event first
    /// among deliveries due at the same instant), together with their
    /// events, and pushes their due time to `now + lease` so no other worker claims them while
    /// they are being attempted. Atomic: two concurrent claims never return the same delivery.
    func claimDue(now: Date, limit: Int, lease: Duration) async throws -> [(WebhookDelivery, WebhookEvent)]

    /// Records an attempt's result: the delivery's new state and the endpoint's, in one
    /// transaction. When the endpoint became disabled, its other pending deliveries fail too.
    func record(_ delivery: WebhookDelivery, endpoint: WebhookEndpoint) async throws

    /// The delivery of `eventID` to `endpointID`, or `nil`.
    func delivery(eventID: String, endpointID: String) async throws -> WebhookDelivery?

    /// Events with a timestamp in `range`, oldest first, for replay.
    func events(in range: ClosedRange<Date>) async throws -> [WebhookEvent]

    /// Queues `eventIDs` again for `endpointID`, due at `now`, replacing any earlier delivery
    /// state of those pairs. Unknown event IDs are ignored. Returns how many were queued.
    func replay(eventIDs: [String], to endpointID: String, now: Date) async throws -> Int
}
