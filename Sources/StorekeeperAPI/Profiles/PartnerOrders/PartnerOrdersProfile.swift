public import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
public import StorekeeperKeys
public import StorekeeperPagination
import StorekeeperSchema
public import StorekeeperWebhooks

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The partner orders API (seed 003, in the style of Delivery Hero's foodpanda), served under `/v2`.
///
/// The platform receives orders (``receive(_:)``) and announces every status to the chain's
/// webhook outbox; the partner reads the orders of the past 60 days and moves them through
/// ``StorekeeperCatalog/OrderLifecycle/partnerOrders`` (`RECEIVED` → `READY_FOR_PICKUP` →
/// `DISPATCHED`, or `CANCELLED` with a reason):
///
/// - `GET /v2/chains/:chainId/orders/:orderId`: one order, with an `ETag`.
/// - `GET /v2/chains/:chainId/vendors/:vendorId/orders?start_time&end_time&page&page_size`: a
///   vendor's orders created in the span, oldest first, in ``StorekeeperPagination/PageEnvelopes/partnerOrders(_:)``.
/// - `PUT /v2/chains/:chainId/orders/:orderId` with ``PartnerOrderStatusUpdate``: a status
///   change, honouring `If-Match`.
///
/// Tokens are bearer tokens whose record `owner` is the chain's id: a token serves every vendor
/// of its chain. A path naming another chain is refused with 403 `FORBIDDEN` before any order is
/// looked up, so it reveals nothing about that chain; an order of another chain (or of no chain)
/// asked for under the token's own chain is 404, as is an order created more than 60 days ago:
/// the API no longer serves it. Create tokens with
/// ``createToken(named:chainID:keys:prefix:permissions:)``: at most 11 per chain, never expiring.
///
/// ```swift
/// let profile = PartnerOrdersProfile(orders: orderStore) { chainID in try await outboxes.outbox(for: chainID) }
/// let pipeline = APIPipeline(profile: profile.profile, keys: keys, clock: SystemClock())
/// let token = try await PartnerOrdersProfile.createToken(named: "Order Management", chainID: "chain_7", keys: keys)
/// _ = try await profile.receive(order)   // stores it and enqueues the RECEIVED event
/// ```
public struct PartnerOrdersProfile: Sendable {
    /// `/v2`.
    public static let basePath = "/v2"
    /// The prefix of the tokens ``createToken(named:chainID:keys:prefix:permissions:)`` issues: `po_live`.
    public static let tokenPrefix = "po_live"
    /// The key prefixes the host's `APIKeyFormat` must include: ``tokenPrefix``.
    public static let keyPrefixes: Set<String> = [tokenPrefix]
    /// The most active tokens a chain may hold: 11.
    public static let maximumTokensPerChain = 11
    /// `page` (default 1) and `page_size` (default 20, at most 100) of the order list.
    public static let pagination = PaginationPolicy.partnerOrders

    private let orders: any OrderStore
    private let outbox: @Sendable (String) async throws -> (any WebhookOutbox)?
    private let lifecycle: OrderLifecycle
    private let window: OrderRetrievalWindow

    /// A profile over the host's orders and webhook outboxes.
    ///
    /// - Parameters:
    ///   - orders: The orders; an order belongs to the chain named by its `chainID`.
    ///   - lifecycle: The statuses and moves: ``StorekeeperCatalog/OrderLifecycle/partnerOrders``.
    ///   - window: How far back orders are served and how long a listed span may be: 60 days.
    ///   - outbox: The outbox of a chain, by its id, holding the chain's webhook endpoints; `nil`
    ///     when the chain has none. Each chain has its own, so no chain receives another's events.
    public init(
        orders: any OrderStore,
        lifecycle: OrderLifecycle = .partnerOrders,
        window: OrderRetrievalWindow = .partnerOrders,
        outbox: @escaping @Sendable (_ chainID: String) async throws -> (any WebhookOutbox)?
    ) {
        self.orders = orders
        self.lifecycle = lifecycle
        self.window = window
        self.outbox = outbox
    }

    /// The routes, dialect and credentials of the API.
    public var profile: APIProfile {
        APIProfile(
            name: "partner-orders",
            basePath: Self.basePath,
            routes: [
                Route(
                    .get, "/chains/:chainId/orders/:orderId", operationID: "getOrder",
                    summary: "One order of the chain created in the past 60 days.",
                    access: .apiKey(.read), response: PartnerOrdersResponseSchemas.order, handler: getOrder),
                Route(
                    .put, "/chains/:chainId/orders/:orderId", operationID: "updateOrderStatus",
                    summary: "Move an order to READY_FOR_PICKUP, DISPATCHED or CANCELLED (with a reason).",
                    access: .apiKey(.write), body: PartnerOrderStatusUpdate.schema,
                    response: PartnerOrdersResponseSchemas.order, handler: updateOrderStatus),
                Route(
                    .get, "/chains/:chainId/vendors/:vendorId/orders", operationID: "listVendorOrders",
                    summary:
                        "A vendor's orders created from start_time to end_time (at most 60 days back), oldest first.",
                    access: .apiKey(.read),
                    query: [
                        QueryParameter(
                            "start_time", .string(format: .dateTime), required: true,
                            summary: "Start of the span (RFC 3339), at most 60 days ago."),
                        QueryParameter(
                            "end_time", .string(format: .dateTime), required: true,
                            summary: "End of the span (RFC 3339); the span is at most 60 days."),
                        QueryParameter("page", .integer(minimum: 1), summary: "Page number (default 1)."),
                        QueryParameter(
                            "page_size", .integer(minimum: 1, maximum: 100), summary: "Orders per page (default 20)."),
                    ],
                    response: PartnerOrdersResponseSchemas.orderPage, handler: listVendorOrders),
            ],
            dialect: PartnerOrdersDialect(),
            credentials: [.bearer]
        )
    }

    // MARK: The platform's side

    /// Receives a new order, as the platform does when a customer orders: stores it through the
    /// lifecycle's ``StorekeeperCatalog/OrderLifecycle/creation(of:)`` (reserving its stock) and
    /// enqueues the `RECEIVED` event (``StorekeeperWebhooks/WebhookEventType/orderReceived``,
    /// timestamped at the order's creation) to its chain's outbox.
    ///
    /// - Parameter order: An order just created with this profile's lifecycle, with its `chainID`.
    /// - Returns: The order as stored.
    /// - Throws: ``StorekeeperCatalog/OrderError`` ``StorekeeperCatalog/OrderError/Code/invalidOrder``
    ///   for an order without a chain or not in its initial status; the store's errors
    ///   (``StorekeeperCatalog/OrderError/Code/alreadyExists``,
    ///   ``StorekeeperCatalog/OrderError/Code/insufficientStock``), and then nothing was stored;
    ///   the outbox's errors, and then the order is stored but its event is not.
    @discardableResult
    public func receive(_ order: Order) async throws -> Order {
        guard let chainID = order.chainID, !chainID.isEmpty else {
            throw OrderError(code: .invalidOrder, message: "Order \(order.id) names no chain; partner orders need one.")
        }
        guard order.status == lifecycle.initialStatus, order.history.count == 1 else {
            throw OrderError(
                code: .invalidOrder,
                message:
                    "A received order starts in \(lifecycle.initialStatus); order \(order.id) is in \(order.status).")
        }
        let stored = try await orders.apply(lifecycle.creation(of: order))
        try await announce(stored, previous: nil)
        return stored
    }

    /// Creates a named, never-expiring token for a chain, as the Shops Integrations plugin does;
    /// its plaintext is in the result, shown this once.
    ///
    /// - Parameters:
    ///   - name: What it is for, such as `Order Management`; required.
    ///   - chainID: The chain; the token serves every vendor of it.
    ///   - keys: The host's key manager; its format must include `prefix`.
    ///   - prefix: The token's prefix: ``tokenPrefix``.
    ///   - permissions: What it may do: `write` (reading and changing orders) unless narrowed to `read`.
    /// - Throws: ``StorekeeperKeys/APIKeyError`` ``StorekeeperKeys/APIKeyError/Code/keyLimitReached``
    ///   when the chain already holds 11 active tokens (revoke one first); other key errors, such
    ///   as an empty name.
    public static func createToken(
        named name: String,
        chainID: String,
        keys: APIKeyManager,
        prefix: String = tokenPrefix,
        permissions: PermissionSet = [.write]
    ) async throws -> IssuedAPIKey {
        do {
            return try await keys.create(
                owner: chainID, name: name, prefix: prefix, permissions: permissions, expiresAt: nil,
                ownerLimit: maximumTokensPerChain)
        } catch let error as APIKeyError where error.code == .keyLimitReached {
            throw APIKeyError(
                code: .keyLimitReached,
                message: "Chain \(chainID) already has \(maximumTokensPerChain) tokens, the most a chain may hold; "
                    + "revoke one to create another.")
        }
    }

    // MARK: Handlers

    private func getOrder(_ context: APIContext) async throws -> APIOutput {
        let order = try await servedOrder(context, chainID: try chainID(context))
        return .ok(.object(PartnerOrdersJSON.order(order)), entityTag: EntityTag(version: Int64(order.version)))
    }

    private func updateOrderStatus(_ context: APIContext) async throws -> APIOutput {
        let chainID = try chainID(context)
        let order = try await servedOrder(context, chainID: chainID)
        try context.checkIfMatch(currentVersion: Int64(order.version))
        let update = PartnerOrderStatusUpdate(validated: ValidatedFields(context.body ?? [:]))
        let step = try lifecycle.transition(
            order, to: update.status, actor: try actor(context), reason: update.reason, now: context.now)
        let stored = try await orders.apply(step)
        try await announce(stored, previous: order.status)
        return .ok(.object(PartnerOrdersJSON.order(stored)), entityTag: EntityTag(version: Int64(stored.version)))
    }

    private func listVendorOrders(_ context: APIContext) async throws -> APIOutput {
        let chainID = try chainID(context)
        let vendorID = try context.parameter("vendorId")
        let span = try timeSpan(context)
        let request = try PageRequest(query: context.request.query, policy: Self.pagination)
        let number = if case .page(let number) = request.position { number } else { 1 }
        // A vendor of another chain has no orders of this chain: its list is empty.
        let found = try await orders.orders(vendorID: vendorID, createdIn: span).filter { $0.chainID == chainID }
        let page = Page.offset(found, page: number, limit: request.limit).map {
            JSONValue.object(PartnerOrdersJSON.order($0))
        }
        return .ok(PageEnvelopes.partnerOrders(page))
    }

    // MARK: Helpers

    /// The `:chainId` of the path, when the calling token belongs to that chain.
    private func chainID(_ context: APIContext) throws(APIError) -> String {
        guard let key = context.key else {
            throw APIError(status: 401, code: .missingCredentials, message: "No token.")
        }
        let chainID = try context.parameter("chainId")
        guard key.owner == chainID else {
            throw APIError(
                status: 403, code: .insufficientPermissions,
                message: "This token is valid for the vendors of its own chain only, not for chain \(chainID).")
        }
        return chainID
    }

    /// Who changes an order through the API: the calling token, by its public id.
    private func actor(_ context: APIContext) throws(APIError) -> String {
        guard let key = context.key else {
            throw APIError(status: 401, code: .missingCredentials, message: "No token.")
        }
        return key.id
    }

    /// The order named by `:orderId`, if it belongs to the chain and is recent enough to be served.
    private func servedOrder(_ context: APIContext, chainID: String) async throws -> Order {
        let orderID = try context.parameter("orderId")
        guard let order = try await orders.order(id: orderID), order.chainID == chainID else {
            throw APIError.notFound("Chain \(chainID) has no order \(orderID).")
        }
        do {
            try window.check(orderCreatedAt: order.createdAt, now: context.now)
        } catch {
            throw APIError.notFound("Order \(orderID) is no longer served: \(error.message)")
        }
        return order
    }

    /// `start_time`…`end_time`, both required ISO 8601 instants, within the retrieval window.
    private func timeSpan(_ context: APIContext) throws(APIError) -> ClosedRange<Date> {
        var issues: [ValidationIssue] = []
        func instant(_ name: String) -> Date? {
            let pointer = JSONPointer(tokens: [name])
            guard let text = context.request.queryValue(name) else {
                issues.append(
                    ValidationIssue(
                        path: pointer, code: "required", message: "\(name) is required, such as 2024-01-15T10:00:00Z."))
                return nil
            }
            guard let date = RFC3339Time.parse(text) else {
                issues.append(
                    ValidationIssue(
                        path: pointer, code: "invalid_date_time",
                        message: "\(name) must be an ISO 8601 date-time such as 2024-01-15T10:00:00Z, not '\(text)'."))
                return nil
            }
            return date
        }
        let start = instant("start_time")
        let end = instant("end_time")
        guard let start, let end, issues.isEmpty else { throw APIError.validation(issues) }
        do {
            try window.check(start: start, end: end, now: context.now)
        } catch {
            // The window checks order first, then the span's length, then how far back it starts.
            let spanSeconds = TimeInterval(window.maximumSpan.components.seconds)
            let parameter = start <= end && end.timeIntervalSince(start) > spanSeconds ? "end_time" : "start_time"
            throw APIError.validation([
                ValidationIssue(
                    path: JSONPointer(tokens: [parameter]), code: error.code.rawValue, message: error.message)
            ])
        }
        return start...end
    }

    /// Enqueues the event announcing `order`'s current status to its chain's outbox.
    private func announce(_ order: Order, previous: OrderStatus?) async throws {
        guard let chainID = order.chainID, let outbox = try await outbox(chainID) else { return }
        let type: WebhookEventType =
            switch order.status {
            case lifecycle.initialStatus where previous == nil: .orderReceived
            case .cancelled: .orderCancelled
            default: .orderStatusChanged
            }
        let event = WebhookEvent(
            type: type, timestamp: order.history.last?.time ?? order.updatedAt,
            data: PartnerOrdersJSON.event(order, previous: previous))
        _ = try await outbox.enqueue(event)
    }
}
