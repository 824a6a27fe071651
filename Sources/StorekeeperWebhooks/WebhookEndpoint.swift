#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A receiver of webhooks: where to POST, the secrets to sign with, and its health.
///
/// Its description never shows the secrets.
public struct WebhookEndpoint: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The endpoint's ID.
    public let id: String
    /// The URL events are POSTed to.
    public var url: String
    /// The `whsec_` secrets to sign with: one normally, two while rotating (both signatures are
    /// sent, so the receiver can switch at its own pace).
    public var secrets: [String]
    /// The event types it receives; empty means all.
    public var eventTypes: Set<WebhookEventType>
    /// When it started failing without a success since, if it is failing.
    public var failingSince: Date?
    /// Why it was disabled, if it is; a disabled endpoint receives nothing.
    public var disabledReason: String?

    /// Creates an endpoint.
    public init(
        id: String,
        url: String,
        secrets: [String],
        eventTypes: Set<WebhookEventType> = [],
        failingSince: Date? = nil,
        disabledReason: String? = nil
    ) {
        self.id = id
        self.url = url
        self.secrets = secrets
        self.eventTypes = eventTypes
        self.failingSince = failingSince
        self.disabledReason = disabledReason
    }

    /// Whether it is disabled.
    public var isDisabled: Bool { disabledReason != nil }

    /// Whether it wants events of `type`.
    public func receives(_ type: WebhookEventType) -> Bool {
        eventTypes.isEmpty || eventTypes.contains(type)
    }

    /// The endpoint without its secrets.
    public var description: String {
        "WebhookEndpoint(id: \(id), url: \(url), secrets: \(secrets.count) redacted"
            + (disabledReason.map { ", disabled: \($0)" } ?? "") + ")"
    }
}
