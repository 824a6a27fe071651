/// The kind of a webhook event, such as `order.received`: a dotted name receivers route on.
///
/// The standard types are static members; a host adds its own with ``init(_:)``.
public struct WebhookEventType: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The dotted name.
    public let rawValue: String

    /// Creates a type from its dotted name.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a type from a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Creates a type from its encoded name.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the dotted name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A new order arrived (the partner status `RECEIVED`).
    public static let orderReceived = WebhookEventType("order.received")
    /// An order moved to another status, such as `READY_FOR_PICKUP` or `DISPATCHED`.
    public static let orderStatusChanged = WebhookEventType("order.status_changed")
    /// An order was cancelled, with its reason.
    public static let orderCancelled = WebhookEventType("order.cancelled")
    /// Stock levels changed.
    public static let inventoryUpdated = WebhookEventType("inventory.updated")
    /// A product was created or changed.
    public static let productUpdated = WebhookEventType("product.updated")
    /// A product was deleted.
    public static let productDeleted = WebhookEventType("product.deleted")
    /// An endpoint was disabled because it answered 410 Gone or kept failing; sent to the
    /// host's operational channel, never to the disabled endpoint itself.
    public static let endpointDisabled = WebhookEventType("endpoint.disabled")

    /// The dotted name.
    public var description: String { rawValue }
}
