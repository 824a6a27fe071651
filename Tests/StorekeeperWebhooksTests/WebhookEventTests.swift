import StorekeeperJSON
import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Webhook events")
struct WebhookEventTests {
    @Test("the envelope has id, type, RFC 3339 timestamp and data, and renders the same bytes every time")
    func envelope() throws {
        let event = WebhookEvent(
            id: "msg_1",
            type: .orderStatusChanged,
            timestamp: Date(timeIntervalSince1970: 1_700_000_000),
            data: ["order_id": "A1", "status": "READY_FOR_PICKUP"]
        )
        let expected =
            #"{"id":"msg_1","type":"order.status_changed","timestamp":"2023-11-14T22:13:20Z","data":{"order_id":"A1","status":"READY_FOR_PICKUP"}}"#
        #expect(String(decoding: event.payload, as: UTF8.self) == expected)
        #expect(event.payload == event.payload)
    }

    @Test("new events get distinct msg_ IDs that they keep")
    func identifiers() {
        let first = WebhookEvent(type: .inventoryUpdated, timestamp: Date(timeIntervalSince1970: 0), data: nil)
        let second = WebhookEvent(type: .inventoryUpdated, timestamp: Date(timeIntervalSince1970: 0), data: nil)
        #expect(first.id.hasPrefix("msg_") && first.id.count == 26)
        #expect(first.id != second.id)
        #expect(first.envelope["id"] == .string(first.id))
    }

    @Test("timestamps render correctly across leap years and before 1970")
    func timestamps() {
        let cases: [(TimeInterval, String)] = [
            (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"),
            (4_102_444_799.9, "2099-12-31T23:59:59Z"), (1_709_251_199, "2024-02-29T23:59:59Z"),
        ]
        for (seconds, text) in cases {
            let event = WebhookEvent(id: "e", type: "x.y", timestamp: Date(timeIntervalSince1970: seconds), data: nil)
            #expect(event.envelope["timestamp"] == .string(text), "\(seconds)")
        }
    }

    @Test("the test echo returns the body with the time received")
    func testEcho() {
        let response = WebhookTestEcho.response(echoing: ["ping": 1], now: Date(timeIntervalSince1970: 0))
        #expect(response == ["success": true, "echo": ["ping": 1], "timestamp": "1970-01-01T00:00:00Z"])
    }
}
