import StorekeeperCore
public import StorekeeperWebhooks

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ``WebhookOutbox`` in memory, with the atomicity the protocol requires (one lock around
/// each operation). For tests and single-process development servers; it forgets everything
/// when the process ends.
public final class InMemoryWebhookOutbox: WebhookOutbox, Sendable {
    private struct DeliveryKey: Hashable {
        let eventID: String
        let endpointID: String
    }

    private struct State {
        var endpoints: [String: WebhookEndpoint] = [:]
        var events: [String: WebhookEvent] = [:]
        var eventOrder: [String] = []
        var deliveries: [DeliveryKey: WebhookDelivery] = [:]
    }

    private let state = Locked(State())

    /// Creates an empty outbox.
    public init() {}

    /// Stores or replaces an endpoint.
    public func saveEndpoint(_ endpoint: WebhookEndpoint) async throws {
        state.withLock { $0.endpoints[endpoint.id] = endpoint }
    }

    /// The endpoint with `id`, or `nil`.
    public func endpoint(id: String) async throws -> WebhookEndpoint? {
        state.withLock { $0.endpoints[id] }
    }

    /// Persists the event and its deliveries in one step.
    public func enqueue(_ event: WebhookEvent) async throws -> [String] {
        state.withLock { state in
            if state.events[event.id] == nil { state.eventOrder.append(event.id) }
            state.events[event.id] = event
            let targets = state.endpoints.values
                .filter { !$0.isDisabled && $0.receives(event.type) }
                .map(\.id)
                .sorted()
            for endpointID in targets {
                state.deliveries[DeliveryKey(eventID: event.id, endpointID: endpointID)] = WebhookDelivery(
                    eventID: event.id,
                    endpointID: endpointID,
                    nextAttemptAt: event.timestamp
                )
            }
            return targets
        }
    }

    /// Claims due deliveries, earliest first, leasing them until `now + lease`.
    public func claimDue(now: Date, limit: Int, lease: Duration) async throws -> [(WebhookDelivery, WebhookEvent)] {
        let leaseSeconds = TimeInterval(lease.components.seconds) + TimeInterval(lease.components.attoseconds) / 1e18
        return state.withLock { state in
            // Earliest due first; among equals, the older event first, so replays keep their order.
            let due = state.deliveries.values
                .filter { $0.status == .pending && ($0.nextAttemptAt ?? .distantFuture) <= now }
                .map { ($0, state.events[$0.eventID]?.timestamp ?? now) }
                .sorted {
                    ($0.0.nextAttemptAt ?? now, $0.1, $0.0.eventID, $0.0.endpointID)
                        < ($1.0.nextAttemptAt ?? now, $1.1, $1.0.eventID, $1.0.endpointID)
                }
                .map(\.0)
                .prefix(max(limit, 0))
            var claimed: [(WebhookDelivery, WebhookEvent)] = []
            for delivery in due {
                guard let event = state.events[delivery.eventID] else { continue }
                var leased = delivery
                leased.nextAttemptAt = now.addingTimeInterval(leaseSeconds)
                state.deliveries[DeliveryKey(eventID: delivery.eventID, endpointID: delivery.endpointID)] = leased
                claimed.append((delivery, event))
            }
            return claimed
        }
    }

    /// Records a delivery and its endpoint in one step; a disabled endpoint's other pending
    /// deliveries fail with it.
    public func record(_ delivery: WebhookDelivery, endpoint: WebhookEndpoint) async throws {
        state.withLock { state in
            state.deliveries[DeliveryKey(eventID: delivery.eventID, endpointID: delivery.endpointID)] = delivery
            state.endpoints[endpoint.id] = endpoint
            guard endpoint.isDisabled else { return }
            for (key, other) in state.deliveries where key.endpointID == endpoint.id && other.status == .pending {
                var failed = other
                failed.status = .failed
                failed.nextAttemptAt = nil
                failed.lastError = "The endpoint was disabled."
                state.deliveries[key] = failed
            }
        }
    }

    /// The delivery of `eventID` to `endpointID`, or `nil`.
    public func delivery(eventID: String, endpointID: String) async throws -> WebhookDelivery? {
        state.withLock { $0.deliveries[DeliveryKey(eventID: eventID, endpointID: endpointID)] }
    }

    /// Events with a timestamp in `range`, oldest first.
    public func events(in range: ClosedRange<Date>) async throws -> [WebhookEvent] {
        state.withLock { state in
            state.eventOrder.compactMap { state.events[$0] }
                .filter { range.contains($0.timestamp) }
                .sorted { $0.timestamp < $1.timestamp }
        }
    }

    /// Queues the events again for the endpoint, due at `now`.
    public func replay(eventIDs: [String], to endpointID: String, now: Date) async throws -> Int {
        state.withLock { state in
            var queued = 0
            for eventID in eventIDs where state.events[eventID] != nil {
                state.deliveries[DeliveryKey(eventID: eventID, endpointID: endpointID)] = WebhookDelivery(
                    eventID: eventID,
                    endpointID: endpointID,
                    nextAttemptAt: now
                )
                queued += 1
            }
            return queued
        }
    }
}
