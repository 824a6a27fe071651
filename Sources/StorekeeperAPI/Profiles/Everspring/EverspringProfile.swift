public import StorekeeperCatalog
@_spi(StorekeeperInternal) import StorekeeperCore
import StorekeeperJSON
public import StorekeeperKeys
public import StorekeeperPagination
public import StorekeeperRateLimit
import StorekeeperSchema
public import StorekeeperWebhooks

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The Everspring retailer API (seed 000), served under `/everspring/v1`.
///
/// The seed describes what the API offers and leaves paths and payloads to the implementer;
/// this profile designs them in the conventions of the others and keeps them stable:
///
/// - API users (`admin`): `POST /api-users` (a named key, its plaintext shown once),
///   `GET /api-users`, `DELETE /api-users/:id` (revoke). Each downstream system gets its own.
/// - Catalogue (`read`): `GET /products?updated_since&limit&starting_after`, products with their
///   variants and metadata, keyset-paginated by update time for incremental sync.
/// - SKU mapping: `GET /sku-mappings` (`read`), `PUT /sku-mappings/:everspringSku` with
///   `{"retailer_sku": ...}` and `DELETE /sku-mappings/:everspringSku` (`write`).
/// - Stock (`read`): `GET /inventory?updated_since&limit&starting_after`, each level stamped with
///   the time of its last update, for a sync at least hourly
///   (``StorekeeperCatalog/InventoryLevel/everspringSyncInterval``).
/// - Orders: `POST /orders` (`write`; every line must be an Everspring SKU, each unknown one is
///   reported on its line; send an `Idempotency-Key` and a retry never orders twice),
///   `GET /orders/:id` (`read`; the retailer's own orders only).
/// - Webhooks (`admin`): `POST /webhooks` subscribes a URL to `inventory.updated`; its signing
///   secret is shown once. ``updateStock(_:)`` is the supplier side that emits the events.
///
/// A sandbox (``Environment/sandbox``) is the same API over the stores the host gives it (keep
/// them apart from production's), with `ev_test` keys, an `Everspring-Environment: sandbox`
/// header on every response and `"environment": "sandbox"` in every body.
public struct EverspringProfile: Sendable {
    /// Production or sandbox.
    public enum Environment: String, Sendable, Hashable {
        /// Live data.
        case production
        /// Isolated data, marked on every response.
        case sandbox
    }

    /// `/everspring/v1`.
    public static let basePath = "/everspring/v1"
    /// The key prefixes: `ev_live` in production, `ev_test` in a sandbox.
    public static let keyPrefixes: Set<String> = ["ev_live", "ev_test"]
    /// 3,600 requests per hour per key (the seed leaves the figure to its developer docs).
    public static let defaultRateLimit = RateLimitPolicy(name: "default", limit: 3600, window: .seconds(3600))
    /// `limit` (default 10, at most 100), `starting_after` and `ending_before`.
    public static let pagination = PaginationPolicy.keyset

    private let catalog: any CatalogStore
    private let orders: any OrderStore
    private let mappings: any SKUMappingStore
    private let keys: APIKeyManager
    private let webhooks: any WebhookOutbox
    private let cursors: CursorCodec
    private let environment: Environment

    /// A profile over the host's stores.
    ///
    /// - Parameters:
    ///   - catalog: Everspring's catalogue; its SKUs are the Everspring SKUs.
    ///   - orders: Orders and the stock they reserve.
    ///   - mappings: Each retailer's links between Everspring SKUs and its own.
    ///   - keys: The key manager API users are created with; its format must include
    ///     ``keyPrefixes``.
    ///   - webhooks: The outbox retailers' webhook endpoints and events live in.
    ///   - cursors: Signs the list cursors.
    ///   - environment: Production or sandbox.
    public init(
        catalog: any CatalogStore,
        orders: any OrderStore,
        mappings: any SKUMappingStore,
        keys: APIKeyManager,
        webhooks: any WebhookOutbox,
        cursors: CursorCodec,
        environment: Environment = .production
    ) {
        self.catalog = catalog
        self.orders = orders
        self.mappings = mappings
        self.keys = keys
        self.webhooks = webhooks
        self.cursors = cursors
        self.environment = environment
    }

    /// The prefix of this environment's keys: `ev_live` or `ev_test`.
    public var keyPrefix: String {
        environment == .sandbox ? "ev_test" : "ev_live"
    }

    /// The routes, dialect, credentials and limits of the API.
    public var profile: APIProfile {
        let listQuery = [
            QueryParameter(
                "updated_since", .string(format: .dateTime), summary: "Only what changed at or after this instant."),
            QueryParameter("limit", .integer(minimum: 1, maximum: 100), summary: "Items per page (default 10)."),
            QueryParameter("starting_after", .string(), summary: "The next_cursor of the previous page."),
        ]
        return APIProfile(
            name: "everspring",
            basePath: Self.basePath,
            routes: [
                Route(
                    .post, "/api-users", operationID: "createAPIUser",
                    summary: "Create a named API user; its key is shown once.", access: .apiKey(.admin),
                    body: Self.apiUserSchema, response: EverspringResponseSchemas.newAPIUser, handler: createAPIUser),
                Route(
                    .get, "/api-users", operationID: "listAPIUsers", summary: "The retailer's API users.",
                    access: .apiKey(.admin),
                    response: EverspringResponseSchemas.list(EverspringResponseSchemas.apiUser),
                    handler: listAPIUsers),
                Route(
                    .delete, "/api-users/:id", operationID: "revokeAPIUser", summary: "Revoke an API user's key.",
                    access: .apiKey(.admin),
                    response: EverspringResponseSchemas.data(EverspringResponseSchemas.apiUser),
                    handler: revokeAPIUser),
                Route(
                    .get, "/products", operationID: "listProducts",
                    summary: "The catalogue with variants and metadata, by update time.", access: .apiKey(.read),
                    query: listQuery, response: EverspringResponseSchemas.list(EverspringProduct.schema),
                    handler: listProducts),
                Route(
                    .get, "/sku-mappings", operationID: "listSKUMappings", summary: "The retailer's SKU links.",
                    access: .apiKey(.read), response: EverspringResponseSchemas.list(EverspringResponseSchemas.mapping),
                    handler: listMappings),
                Route(
                    .put, "/sku-mappings/:everspringSku", operationID: "putSKUMapping",
                    summary: "Link an Everspring SKU to one of the retailer's SKUs.", access: .apiKey(.write),
                    body: Self.mappingSchema,
                    response: EverspringResponseSchemas.data(EverspringResponseSchemas.mapping),
                    handler: putMapping),
                Route(
                    .delete, "/sku-mappings/:everspringSku", operationID: "deleteSKUMapping",
                    summary: "Remove the link of an Everspring SKU.", access: .apiKey(.write),
                    response: EverspringResponseSchemas.data(EverspringResponseSchemas.mapping), handler: deleteMapping),
                Route(
                    .get, "/inventory", operationID: "listInventory",
                    summary: "Stock levels, each stamped with its update time.", access: .apiKey(.read),
                    query: listQuery, response: EverspringResponseSchemas.list(EverspringStockUpdate.schema),
                    handler: listInventory),
                Route(
                    .post, "/orders", operationID: "createOrder",
                    summary: "Push an order whose lines are Everspring SKUs.", access: .apiKey(.write),
                    body: Self.orderSchema, response: EverspringResponseSchemas.data(.any), handler: createOrder),
                Route(
                    .get, "/orders/:id", operationID: "getOrder", summary: "One of the retailer's orders.",
                    access: .apiKey(.read), response: EverspringResponseSchemas.data(.any), handler: getOrder),
                Route(
                    .post, "/webhooks", operationID: "createWebhook",
                    summary: "Subscribe a URL to inventory.updated; its secret is shown once.",
                    access: .apiKey(.admin), body: Self.webhookSchema,
                    response: EverspringResponseSchemas.data(EverspringResponseSchemas.webhook), handler: createWebhook),
            ],
            dialect: EverspringDialect(environment: environment == .sandbox ? "sandbox" : nil),
            credentials: [.bearer],
            defaultRateLimit: Self.defaultRateLimit,
            rateLimitHeaders: [.legacyEpochSeconds, .ietfDraft],
            responseHeaders: environment == .sandbox ? ["Everspring-Environment": "sandbox"] : HTTPHeaders()
        )
    }

    // MARK: Operations the back-office calls

    /// Creates an API user for a retailer, as Settings → API Users does: a named key whose
    /// plaintext is in the result, shown this once.
    ///
    /// - Parameters:
    ///   - name: What it is for, such as `Magento prod`; required.
    ///   - retailer: The retailer it belongs to.
    ///   - permissions: `write` (catalogue, stock, mappings and orders) unless stated; `admin`
    ///     also manages API users and webhooks.
    public func createAPIUser(
        named name: String, retailer: String, permissions: PermissionSet = [.write]
    )
        async throws -> IssuedAPIKey
    {
        try await keys.create(owner: retailer, name: name, prefix: keyPrefix, permissions: permissions)
    }

    /// Applies a supplier's stock update (the supplier is the source of truth) and, when it
    /// changed the level, enqueues an `inventory.updated` event for every subscribed endpoint.
    ///
    /// - Returns: Whether the update was applied or ignored as older than the level.
    /// - Throws: ``StorekeeperCatalog/InventoryError`` for a count the level cannot take, the
    ///   stores' errors.
    @discardableResult
    public func updateStock(_ update: StockUpdate) async throws -> StockUpdateOutcome {
        let outcome = try await orders.applyStockUpdate(update)
        guard outcome == .applied, let level = try await orders.inventory(sku: update.sku) else { return outcome }
        _ = try await webhooks.enqueue(
            WebhookEvent(type: .inventoryUpdated, timestamp: update.observedAt, data: EverspringJSON.inventory(level)))
        return outcome
    }

    // MARK: Schemas

    static let apiUserSchema = Schema.object(
        [.required("name", .string(minLength: 1, maxLength: 100).described("What the key is for"))],
        unknownFields: .reject)

    static let mappingSchema = Schema.object(
        [.required("retailer_sku", .string(minLength: 1, maxLength: 255).described("The retailer's own SKU"))],
        unknownFields: .reject)

    static let orderSchema = Schema.object(
        [
            .required("reference", .string(minLength: 1, maxLength: 64).described("The retailer's order number")),
            .required(
                "lines",
                .array(
                    of: .object(
                        [
                            .required("sku", .string(minLength: 1, maxLength: 255).described("An Everspring SKU")),
                            .required("quantity", .integer(minimum: 1, maximum: 10_000)),
                        ], unknownFields: .reject),
                    minItems: 1, maxItems: 100, uniqueBy: .field("sku"))),
        ],
        unknownFields: .reject)

    static let webhookSchema = Schema.object(
        [
            .required("url", .string(format: .url)),
            .required("events", .array(of: .enumeration(["inventory.updated"]), minItems: 1, uniqueBy: .value)),
        ],
        unknownFields: .reject)

    // MARK: Handlers

    private func createAPIUser(_ context: APIContext) async throws -> APIOutput {
        let retailer = try retailer(context)
        let issued = try await createAPIUser(
            named: ValidatedFields(context.body ?? [:]).string("name"), retailer: retailer)
        var user = EverspringJSON.apiUser(issued.record)
        user.append("key", .string(issued.secret.plaintext))
        return APIOutput(status: 201, data: .object(user))
    }

    private func listAPIUsers(_ context: APIContext) async throws -> APIOutput {
        let users = try await keys.list(owner: try retailer(context)).sorted {
            ($0.createdAt, $0.id) < ($1.createdAt, $1.id)
        }
        return .ok(Self.list(users.map { .object(EverspringJSON.apiUser($0)) }))
    }

    private func revokeAPIUser(_ context: APIContext) async throws -> APIOutput {
        let id = try context.parameter("id")
        let retailer = try retailer(context)
        guard try await keys.list(owner: retailer).contains(where: { $0.id == id }) else {
            throw APIError.notFound("No API user of this retailer has the id '\(id)'.")
        }
        try await keys.revoke(id: id)
        let revoked = try await keys.list(owner: retailer).first { $0.id == id }
        return .ok(revoked.map { .object(EverspringJSON.apiUser($0)) } ?? nil)
    }

    private func listProducts(_ context: APIContext) async throws -> APIOutput {
        let page = try PageRequest(query: context.request.query, policy: Self.pagination, cursors: cursors)
        let products = try await catalog.list(
            ProductQuery(page: page, order: .updatedAt, updatedSince: try Self.updatedSince(context.request)))
        return .ok(PageEnvelopes.keysetList(products.map(EverspringJSON.product), codec: cursors))
    }

    private func listMappings(_ context: APIContext) async throws -> APIOutput {
        let links = try await mappings.links(owner: try retailer(context))
        return .ok(Self.list(links.map(EverspringJSON.mapping)))
    }

    private func putMapping(_ context: APIContext) async throws -> APIOutput {
        let everspring = try SKU(try context.parameter("everspringSku"))
        guard let product = try await catalog.product(sku: everspring), !product.isDeleted else {
            throw APIError.notFound("'\(everspring)' is not an Everspring SKU.")
        }
        let link = SKULink(
            partner: everspring, host: try SKU(ValidatedFields(context.body ?? [:]).string("retailer_sku")))
        do {
            try await mappings.link(link, owner: try retailer(context))
        } catch let error as SKUMappingError {
            throw APIError(status: 409, code: .conflict, message: error.description)
        }
        return .ok(EverspringJSON.mapping(link))
    }

    private func deleteMapping(_ context: APIContext) async throws -> APIOutput {
        let everspring = try SKU(try context.parameter("everspringSku"))
        guard let removed = try await mappings.unlink(partner: everspring, owner: try retailer(context)) else {
            throw APIError.notFound("'\(everspring)' is not linked.")
        }
        return .ok(EverspringJSON.mapping(removed))
    }

    private func listInventory(_ context: APIContext) async throws -> APIOutput {
        let page = try PageRequest(query: context.request.query, policy: Self.pagination, cursors: cursors)
        let levels = try await orders.inventoryLevels(
            InventoryQuery(page: page, updatedSince: try Self.updatedSince(context.request)))
        return .ok(PageEnvelopes.keysetList(levels.map(EverspringJSON.inventory), codec: cursors))
    }

    private func createOrder(_ context: APIContext) async throws -> APIOutput {
        let retailer = try retailer(context)
        let body = ValidatedFields(context.body ?? [:])
        var lines: [OrderLine] = []
        var known: Set<SKU> = []
        var currency: Currency?
        for entry in body.fieldsArray("lines") {
            let sku = try SKU(entry.string("sku"))
            let variant = try await catalog.product(sku: sku).flatMap { $0.isDeleted ? nil : $0.variant(sku: sku) }
            if let variant {
                known.insert(sku)
                currency = currency ?? variant.price.currency
            }
            let price = variant?.price ?? Money.zero(in: currency ?? .eur)
            lines.append(try OrderLine(sku: sku, quantity: Int(entry.int64("quantity")), unitPrice: price))
        }
        try OrderLineValidation.check(lines, known: known)
        let order = try Order(
            id: "ord_" + Base62.randomString(length: 20), reference: body.string("reference"), vendorID: retailer,
            currency: currency ?? .eur, lines: lines, lifecycle: .retail, actor: context.key?.id ?? retailer,
            createdAt: context.now)
        let stored = try await orders.apply(OrderLifecycle.retail.creation(of: order))
        return APIOutput(
            status: 201, data: EverspringJSON.order(stored), entityTag: EntityTag(version: Int64(stored.version)))
    }

    private func getOrder(_ context: APIContext) async throws -> APIOutput {
        let id = try context.parameter("id")
        guard let order = try await orders.order(id: id), order.vendorID == (try retailer(context)) else {
            throw APIError.notFound("No order of this retailer has the id '\(id)'.")
        }
        return .ok(EverspringJSON.order(order), entityTag: EntityTag(version: Int64(order.version)))
    }

    private func createWebhook(_ context: APIContext) async throws -> APIOutput {
        let body = ValidatedFields(context.body ?? [:])
        let secret = WebhookSigner.generateSecret()
        let endpoint = WebhookEndpoint(
            id: "we_" + Base62.randomString(length: 20), url: body.string("url"), secrets: [secret],
            eventTypes: Set(body.strings("events").map { WebhookEventType($0) }))
        try await webhooks.saveEndpoint(endpoint)
        return APIOutput(
            status: 201,
            data: [
                "id": .string(endpoint.id), "url": .string(endpoint.url),
                "events": .array(endpoint.eventTypes.map(\.rawValue).sorted().map { JSONValue.string($0) }),
                "secret": .string(secret), "retailer": .string(try retailer(context)),
            ])
    }

    // MARK: Helpers

    private func retailer(_ context: APIContext) throws(APIError) -> String {
        guard let owner = context.owner else {
            throw APIError(status: 401, code: .missingCredentials, message: "This request needs an API key.")
        }
        return owner
    }

    private static func list(_ items: [JSONValue]) -> JSONValue {
        ["object": "list", "data": .array(items), "has_more": false, "next_cursor": nil, "previous_cursor": nil]
    }

    private static func updatedSince(_ request: APIRequest) throws(APIError) -> Date? {
        guard let text = request.queryValue("updated_since") else { return nil }
        guard let date = RFC3339Time.parse(text) else {
            throw APIError.validation([
                ValidationIssue(
                    path: JSONPointer(tokens: ["updated_since"]), code: "invalid_format",
                    message: "updated_since must be an ISO 8601 date-time such as 2026-01-31T12:00:00Z, not '\(text)'.")
            ])
        }
        return date
    }
}
