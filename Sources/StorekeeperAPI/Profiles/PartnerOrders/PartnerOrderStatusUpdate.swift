public import StorekeeperCatalog
import StorekeeperJSON
public import StorekeeperSchema

/// The body of the partner orders API's `PUT /v2/chains/:chainId/orders/:orderId`:
///
/// ```json
/// {"status": "CANCELLED", "reason": "Out of stock"}
/// ```
///
/// `status` is one of the statuses a partner may move an order to (`READY_FOR_PICKUP`,
/// `DISPATCHED`, `CANCELLED`; `RECEIVED` is the platform's); `reason` is free text, required
/// when cancelling, which ``StorekeeperCatalog/OrderLifecycle/partnerOrders`` enforces. Other
/// members are refused, so a typo such as `stauts` is reported instead of silently ignored.
public struct PartnerOrderStatusUpdate: SchemaDecodable, Hashable {
    /// The schema: `status` (required, one of the three) and `reason` (optional or `null`, 1 to 500 characters).
    public static let schema = Schema.object(
        [
            .required(
                "status",
                .enumeration([
                    .string(OrderStatus.readyForPickup.rawValue), .string(OrderStatus.dispatched.rawValue),
                    .string(OrderStatus.cancelled.rawValue),
                ])
                .described("The status to move the order to")),
            .optional(
                "reason", .string(minLength: 1, maxLength: 500).described("Why; required when cancelling"),
                nullable: true),
        ],
        unknownFields: .reject
    )

    /// The status asked for.
    public var status: OrderStatus
    /// Why, as sent.
    public var reason: String?

    /// An update from its parts.
    public init(status: OrderStatus, reason: String? = nil) {
        self.status = status
        self.reason = reason
    }

    /// An update from validated fields.
    public init(validated fields: ValidatedFields) {
        status = OrderStatus(fields.string("status"))
        reason = fields.optionalString("reason")
    }
}
