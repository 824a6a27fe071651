import StorekeeperJSON
public import StorekeeperWebhooks

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``WebhookOutbox`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func myOutboxConforms() async throws {
///     try await WebhookOutboxConformance { try await PostgresWebhookOutbox.fresh() }.run()
/// }
/// ```
///
/// `makeOutbox` must return a new, empty outbox each time.
public struct WebhookOutboxConformance: Sendable {
    private let makeOutbox: @Sendable () async throws -> any WebhookOutbox

    /// Creates the suite.
    public init(makeOutbox: @escaping @Sendable () async throws -> any WebhookOutbox) {
        self.makeOutbox = makeOutbox
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await enqueuesForSubscribedEnabledEndpoints()
        try await claimsDueDeliveriesOnceUntilTheLeaseEnds()
        try await concurrentClaimsNeverShareADelivery()
        try await disablingAnEndpointFailsItsPendingDeliveries()
        try await replaysEventsInARange()
    }

    private static let start = Date(timeIntervalSince1970: 1_700_000_000)

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(suite: "WebhookOutboxConformance", requirement: requirement, observed: observed())
        }
    }

    private func endpoint(_ id: String, types: Set<WebhookEventType> = [], disabled: Bool = false) -> WebhookEndpoint {
        WebhookEndpoint(
            id: id,
            url: "https://\(id).example/hooks",
            secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
            eventTypes: types,
            disabledReason: disabled ? "test" : nil
        )
    }

    private func enqueuesForSubscribedEnabledEndpoints() async throws {
        let outbox = try await makeOutbox()
        try await outbox.saveEndpoint(endpoint("all"))
        try await outbox.saveEndpoint(endpoint("orders", types: [.orderReceived]))
        try await outbox.saveEndpoint(endpoint("stock", types: [.inventoryUpdated]))
        try await outbox.saveEndpoint(endpoint("off", disabled: true))
        let event = WebhookEvent(type: .orderReceived, timestamp: Self.start, data: ["order": "A1"])
        let queued = try await outbox.enqueue(event).sorted()
        try check(
            queued == ["all", "orders"], "an event is queued for every enabled endpoint that receives its type",
            "\(queued)")
        let delivery = try await outbox.delivery(eventID: event.id, endpointID: "orders")
        try check(
            delivery?.status == .pending && delivery?.nextAttemptAt == Self.start,
            "a queued delivery is pending and due at the event's time",
            "\(String(describing: delivery))"
        )
    }

    private func claimsDueDeliveriesOnceUntilTheLeaseEnds() async throws {
        let outbox = try await makeOutbox()
        try await outbox.saveEndpoint(endpoint("a"))
        let early = WebhookEvent(type: .productUpdated, timestamp: Self.start, data: nil)
        let late = WebhookEvent(type: .productUpdated, timestamp: Self.start.addingTimeInterval(60), data: nil)
        _ = try await outbox.enqueue(late)
        _ = try await outbox.enqueue(early)
        let first = try await outbox.claimDue(now: Self.start.addingTimeInterval(120), limit: 10, lease: .seconds(30))
        try check(
            first.map(\.1.id) == [early.id, late.id],
            "due deliveries are claimed earliest first, with their events",
            "\(first.map(\.1.id))"
        )
        let again = try await outbox.claimDue(now: Self.start.addingTimeInterval(130), limit: 10, lease: .seconds(30))
        try check(again.isEmpty, "a claimed delivery is not claimed again while leased", "\(again.count) claimed")
        let afterLease = try await outbox.claimDue(
            now: Self.start.addingTimeInterval(151), limit: 1, lease: .seconds(30))
        try check(
            afterLease.count == 1, "an unrecorded delivery is claimable again once its lease ends (limit respected)",
            "\(afterLease.count)")
        let notDue = try await outbox.claimDue(now: Self.start.addingTimeInterval(-1), limit: 10, lease: .seconds(30))
        try check(notDue.isEmpty, "nothing is claimed before it is due", "\(notDue.count)")
    }

    private func concurrentClaimsNeverShareADelivery() async throws {
        let outbox = try await makeOutbox()
        try await outbox.saveEndpoint(endpoint("a"))
        for index in 0..<50 {
            _ = try await outbox.enqueue(
                WebhookEvent(
                    type: .productUpdated, timestamp: Self.start.addingTimeInterval(TimeInterval(index)), data: nil)
            )
        }
        let now = Self.start.addingTimeInterval(100)
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<10 {
                group.addTask { try await outbox.claimDue(now: now, limit: 7, lease: .seconds(60)).map(\.1.id) }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        try check(
            claims.count == 50 && Set(claims).count == 50,
            "concurrent claims never return the same delivery twice, and together claim all that is due",
            "\(claims.count) claims, \(Set(claims).count) distinct"
        )
    }

    private func disablingAnEndpointFailsItsPendingDeliveries() async throws {
        let outbox = try await makeOutbox()
        try await outbox.saveEndpoint(endpoint("a"))
        let first = WebhookEvent(type: .productUpdated, timestamp: Self.start, data: nil)
        let second = WebhookEvent(type: .productUpdated, timestamp: Self.start, data: nil)
        _ = try await outbox.enqueue(first)
        _ = try await outbox.enqueue(second)
        var disabled = endpoint("a")
        disabled.disabledReason = "answered 410 Gone"
        var failed = WebhookDelivery(
            eventID: first.id, endpointID: "a", attempts: 1, status: .failed, nextAttemptAt: nil)
        failed.lastResponseStatus = 410
        try await outbox.record(failed, endpoint: disabled)
        let other = try await outbox.delivery(eventID: second.id, endpointID: "a")
        let stored = try await outbox.endpoint(id: "a")
        try check(
            other?.status == .failed && stored?.isDisabled == true,
            "recording a disabled endpoint stores it and fails its other pending deliveries",
            "other: \(String(describing: other?.status)), endpoint disabled: \(String(describing: stored?.isDisabled))"
        )
        let later = WebhookEvent(type: .productUpdated, timestamp: Self.start, data: nil)
        let queued = try await outbox.enqueue(later)
        try check(queued.isEmpty, "a disabled endpoint receives no new events", "\(queued)")
    }

    private func replaysEventsInARange() async throws {
        let outbox = try await makeOutbox()
        try await outbox.saveEndpoint(endpoint("a"))
        var events: [WebhookEvent] = []
        for hour in 0..<4 {
            let event = WebhookEvent(
                type: .inventoryUpdated, timestamp: Self.start.addingTimeInterval(TimeInterval(hour * 3600)), data: nil)
            events.append(event)
            _ = try await outbox.enqueue(event)
        }
        let range = Self.start.addingTimeInterval(3600)...Self.start.addingTimeInterval(2 * 3600)
        let found = try await outbox.events(in: range)
        try check(
            found.map(\.id) == [events[1].id, events[2].id], "events(in:) returns the range, oldest first",
            "\(found.map(\.id))")
        let now = Self.start.addingTimeInterval(10 * 3600)
        _ = try await outbox.claimDue(now: now, limit: 10, lease: .seconds(60))
        let replayed = try await outbox.replay(eventIDs: found.map(\.id) + ["msg_unknown"], to: "a", now: now)
        let claimed = try await outbox.claimDue(now: now, limit: 10, lease: .seconds(60))
        try check(
            replayed == 2 && Set(claimed.map(\.1.id)) == Set(found.map(\.id)),
            "replay queues known events again, due now, and ignores unknown IDs",
            "replayed \(replayed), claimed \(claimed.map(\.1.id))"
        )
    }
}
