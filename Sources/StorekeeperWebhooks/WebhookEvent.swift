@_spi(StorekeeperInternal) import StorekeeperCore
public import StorekeeperJSON

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One event, as every endpoint receives it: `{"id", "type", "timestamp", "data"}`.
///
/// The `id` is fixed when the event is created and sent as `webhook-id` on every attempt, so
/// receivers deduplicate retries on it. The body is rendered once (``payload``) and the same
/// bytes are signed and sent on every attempt.
public struct WebhookEvent: Sendable, Hashable, Identifiable {
    /// The event's ID: `msg_` and 22 base62 characters, unique and stable across retries.
    public let id: String
    /// What happened.
    public let type: WebhookEventType
    /// When it happened.
    public let timestamp: Date
    /// The event's data, such as the order or the stock levels.
    public let data: JSONValue

    /// Creates an event with a fresh random ID.
    ///
    /// - Parameters:
    ///   - type: What happened.
    ///   - timestamp: When it happened, from the host's clock.
    ///   - data: The event's data.
    public init(type: WebhookEventType, timestamp: Date, data: JSONValue) {
        self.init(id: "msg_" + Base62.randomString(length: 22), type: type, timestamp: timestamp, data: data)
    }

    /// Recreates an event with a known ID, as an outbox does when it loads one.
    public init(id: String, type: WebhookEventType, timestamp: Date, data: JSONValue) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.data = data
    }

    /// The envelope as JSON, the timestamp in RFC 3339 (`2024-01-15T10:00:00Z`).
    public var envelope: JSONValue {
        [
            "id": .string(id),
            "type": .string(type.rawValue),
            "timestamp": .string(InternetDateTime.format(timestamp)),
            "data": data,
        ]
    }

    /// The exact body bytes to sign and send.
    public var payload: [UInt8] {
        JSONWriter().serialize(envelope)
    }
}
