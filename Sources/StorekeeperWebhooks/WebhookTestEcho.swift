@_spi(StorekeeperInternal) import StorekeeperCore
public import StorekeeperJSON

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The answer of a "test your webhook integration" endpoint, such as ShopiSync's
/// `POST /v1/webhooks/test`: the request body echoed back with the time it was received.
public enum WebhookTestEcho {
    /// `{"success": true, "echo": <body>, "timestamp": "<RFC 3339 now>"}`.
    public static func response(echoing body: JSONValue, now: Date) -> JSONValue {
        ["success": true, "echo": body, "timestamp": .string(InternetDateTime.format(now))]
    }
}
