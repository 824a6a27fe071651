/// An order's status, as its API spells it.
///
/// The partner orders statuses are upper case, as that platform's webhooks send them; the
/// generic retail lifecycle's are lower case. A host adds its own with ``init(_:)``.
public struct OrderStatus: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The status as the API spells it.
    public let rawValue: String

    /// Creates a status.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Decodes the spelling.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The spelling.
    public var description: String { rawValue }

    /// Partner orders: the order arrived.
    public static let received = OrderStatus("RECEIVED")
    /// Partner orders: packed and waiting for the rider.
    public static let readyForPickup = OrderStatus("READY_FOR_PICKUP")
    /// Partner orders: handed over.
    public static let dispatched = OrderStatus("DISPATCHED")
    /// Partner orders: cancelled, with a reason.
    public static let cancelled = OrderStatus("CANCELLED")

    /// Retail: placed by the customer.
    public static let placed = OrderStatus("placed")
    /// Retail: accepted by the seller; stock is reserved.
    public static let accepted = OrderStatus("accepted")
    /// Retail: refused by the seller, with a reason.
    public static let rejected = OrderStatus("rejected")
    /// Retail: picked and packed.
    public static let fulfilled = OrderStatus("fulfilled")
    /// Retail: with the carrier.
    public static let shipped = OrderStatus("shipped")
    /// Retail: received by the customer.
    public static let delivered = OrderStatus("delivered")
    /// Retail: cancelled, with a reason.
    public static let retailCancelled = OrderStatus("cancelled")
}
