import StorekeeperCore
import StorekeeperJSON
import StorekeeperTesting
import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Webhook dispatcher")
struct WebhookDispatcherTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    struct Harness {
        let clock = ManualClock()
        let outbox = InMemoryWebhookOutbox()
        let transport: RecordingWebhookTransport
        let dispatcher: WebhookDispatcher<InMemoryWebhookOutbox, RecordingWebhookTransport>

        init(
            answers: [RecordingWebhookTransport.Answer], secrets: [String] = [WebhookDispatcherTests.secret]
        ) async throws {
            transport = RecordingWebhookTransport(answers: answers)
            let policy = WebhookDeliveryPolicy(
                schedule: WebhookDeliveryPolicy.standard.schedule, jitterPercent: 0, disableAfter: .seconds(86_400))
            dispatcher = WebhookDispatcher(outbox: outbox, transport: transport, policy: policy, clock: clock)
            try await outbox.saveEndpoint(
                WebhookEndpoint(id: "shop", url: "https://shop.example/hooks", secrets: secrets))
        }
    }

    @Test("sends a signed request the receiver can verify, with the event ID as webhook-id")
    func signsRequests() async throws {
        let harness = try await Harness(answers: [.status(200)])
        let event = WebhookEvent(type: .orderReceived, timestamp: harness.clock.now, data: ["order_id": "A1"])
        _ = try await harness.outbox.enqueue(event)
        #expect(try await harness.dispatcher.deliverDue() == 1)
        let request = try #require(harness.transport.requests.first)
        #expect(request.url == "https://shop.example/hooks")
        #expect(request.headers["webhook-id"] == event.id)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.body == event.payload)
        let timestamp = try #require(Int(request.headers["webhook-timestamp"] ?? ""))
        try WebhookSigner(secret: Self.secret).verify(
            messageID: event.id,
            timestamp: timestamp,
            signatureHeader: request.headers["webhook-signature"] ?? "",
            payload: request.body,
            now: harness.clock.now
        )
        #expect(try await harness.outbox.delivery(eventID: event.id, endpointID: "shop")?.status == .delivered)
        #expect(try await harness.dispatcher.deliverDue() == 0, "nothing left to do")
    }

    @Test("retries on the schedule as the clock moves, with the same ID and body, until success")
    func retries() async throws {
        let harness = try await Harness(answers: [.unreachable, .status(500), .status(200)])
        let event = WebhookEvent(type: .inventoryUpdated, timestamp: harness.clock.now, data: ["sku": "A", "qty": 3])
        _ = try await harness.outbox.enqueue(event)
        #expect(try await harness.dispatcher.deliverDue() == 1)
        harness.clock.advance(by: .seconds(4))
        #expect(try await harness.dispatcher.deliverDue() == 0, "not due before 5 s")
        harness.clock.advance(by: .seconds(1))
        #expect(try await harness.dispatcher.deliverDue() == 1)
        harness.clock.advance(by: .seconds(300))
        #expect(try await harness.dispatcher.deliverDue() == 1)
        let requests = harness.transport.requests
        #expect(requests.count == 3)
        #expect(Set(requests.compactMap { $0.headers["webhook-id"] }) == [event.id])
        #expect(Set(requests.map(\.body)).count == 1)
        let delivery = try #require(try await harness.outbox.delivery(eventID: event.id, endpointID: "shop"))
        #expect(delivery.status == .delivered)
        #expect(delivery.attempts == 3)
    }

    @Test("410 disables the endpoint, fails its other deliveries and tells the host")
    func goneDisables() async throws {
        let clock = ManualClock()
        let outbox = InMemoryWebhookOutbox()
        let transport = RecordingWebhookTransport(answers: [.status(410)])
        let notices = NoticeBox()
        let dispatcher = WebhookDispatcher(outbox: outbox, transport: transport, clock: clock) { await notices.add($0) }
        try await outbox.saveEndpoint(
            WebhookEndpoint(id: "shop", url: "https://shop.example/hooks", secrets: [Self.secret]))
        let first = WebhookEvent(type: .productUpdated, timestamp: clock.now, data: nil)
        let second = WebhookEvent(type: .productUpdated, timestamp: clock.now.addingTimeInterval(60), data: nil)
        _ = try await outbox.enqueue(first)
        _ = try await outbox.enqueue(second)
        #expect(try await dispatcher.deliverDue() == 1)
        #expect(try await outbox.endpoint(id: "shop")?.isDisabled == true)
        #expect(try await outbox.delivery(eventID: second.id, endpointID: "shop")?.status == .failed)
        let received = await notices.events
        #expect(received.map(\.type) == [.endpointDisabled])
        #expect(received.first?.data["endpoint_id"] == "shop")
        clock.advance(by: .seconds(3600))
        #expect(try await dispatcher.deliverDue() == 0)
        #expect(transport.requests.count == 1)
    }

    @Test("429 with Retry-After waits that long")
    func throttled() async throws {
        let harness = try await Harness(answers: [.status(429, retryAfterSeconds: 90), .status(200)])
        let event = WebhookEvent(type: .orderCancelled, timestamp: harness.clock.now, data: nil)
        _ = try await harness.outbox.enqueue(event)
        try await harness.dispatcher.deliverDue()
        harness.clock.advance(by: .seconds(89))
        #expect(try await harness.dispatcher.deliverDue() == 0)
        harness.clock.advance(by: .seconds(1))
        #expect(try await harness.dispatcher.deliverDue() == 1)
        #expect(try await harness.outbox.delivery(eventID: event.id, endpointID: "shop")?.status == .delivered)
    }

    @Test("signs with every secret while one is rotated")
    func rotation() async throws {
        let next = WebhookSigner.generateSecret()
        let harness = try await Harness(answers: [.status(200)], secrets: [Self.secret, next])
        let event = WebhookEvent(type: .productDeleted, timestamp: harness.clock.now, data: nil)
        _ = try await harness.outbox.enqueue(event)
        try await harness.dispatcher.deliverDue()
        let request = try #require(harness.transport.requests.first)
        let header = request.headers["webhook-signature"] ?? ""
        #expect(header.split(separator: " ").count == 2)
        let timestamp = Int(request.headers["webhook-timestamp"] ?? "") ?? 0
        try WebhookSigner(secret: next).verify(
            messageID: event.id, timestamp: timestamp, signatureHeader: header, payload: request.body,
            now: harness.clock.now)
    }

    @Test("replays a range of past events to an endpoint")
    func replay() async throws {
        let harness = try await Harness(answers: [])
        var events: [WebhookEvent] = []
        for hour in 0..<3 {
            let event = WebhookEvent(
                type: .inventoryUpdated, timestamp: harness.clock.now.addingTimeInterval(Double(hour) * 3600), data: nil
            )
            events.append(event)
            _ = try await harness.outbox.enqueue(event)
        }
        harness.clock.advance(by: .seconds(3 * 3600))
        #expect(try await harness.dispatcher.deliverDue() == 3)
        let past = try await harness.outbox.events(in: events[1].timestamp...events[2].timestamp)
        #expect(try await harness.outbox.replay(eventIDs: past.map(\.id), to: "shop", now: harness.clock.now) == 2)
        #expect(try await harness.dispatcher.deliverDue() == 2)
        #expect(
            harness.transport.requests.suffix(2).compactMap { $0.headers["webhook-id"] } == [
                events[1].id, events[2].id,
            ])
    }
}

/// Collects the dispatcher's notices across tasks.
actor NoticeBox {
    var events: [WebhookEvent] = []

    func add(_ event: WebhookEvent) {
        events.append(event)
    }
}
