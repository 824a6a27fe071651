public import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
public import StorekeeperPagination
public import StorekeeperRateLimit
import StorekeeperSchema

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The ShopiSync repricing API (seed 004), served as documented under `/api/external/v1`.
///
/// Bearer keys with `read`, `write` and `admin`; a per-key rate limit (1,000 requests per hour
/// unless the key says otherwise) reported in `X-RateLimit-*` headers with the reset in ISO 8601;
/// IP allowlists; the seed's envelopes and error codes (``ShopiSyncDialect``). A key sees only the
/// products of its owner, the shop: another shop's product is a 404.
///
/// ```swift
/// let profile = ShopiSyncProfile(catalog: catalog, priceHistory: history) { owner in
///     ShopiSyncShop(domain: "\(owner).myshopify.com", plan: "enterprise")
/// }.profile
/// let pipeline = APIPipeline(profile: profile, keys: keys, rateLimiter: limiter, clock: SystemClock())
/// ```
///
/// Key management (create with a name, permissions, rate limit, expiry and allowlist; rotate,
/// which revokes the old key at once; revoke; usage statistics) is ``StorekeeperKeys/APIKeyManager``'s, with
/// ``keyPrefixes`` as the format's prefixes.
public struct ShopiSyncProfile: Sendable {
    /// `/api/external/v1`.
    public static let basePath = "/api/external/v1"
    /// The key prefixes: `sk_live` and `sk_test`.
    public static let keyPrefixes: Set<String> = ["sk_live", "sk_test"]
    /// 1,000 requests per hour per key, the seed's default.
    public static let defaultRateLimit = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
    /// `page` and `limit` (default 50, at most 100) of `GET /v1/products`.
    public static let pagination = PaginationPolicy.shopiSync

    private let catalog: any CatalogStore
    private let priceHistory: any PriceHistoryStore
    private let shop: @Sendable (String) async throws -> ShopiSyncShop?

    /// A profile over the host's stores.
    ///
    /// - Parameters:
    ///   - catalog: The products; a product belongs to the shop named by its `owner`.
    ///   - priceHistory: The recorded price changes.
    ///   - shop: The domain and plan of a shop, by the owner of the calling key.
    public init(
        catalog: any CatalogStore,
        priceHistory: any PriceHistoryStore,
        shop: @escaping @Sendable (String) async throws -> ShopiSyncShop?
    ) {
        self.catalog = catalog
        self.priceHistory = priceHistory
        self.shop = shop
    }

    /// The routes, dialect, credentials and limits of the API.
    public var profile: APIProfile {
        APIProfile(
            name: "shopisync",
            basePath: Self.basePath,
            routes: [
                Route(
                    .get, "/products", operationID: "listProducts",
                    summary: "List products with their competitors; page, limit (default 50) and active filter.",
                    access: .apiKey(.read),
                    query: [
                        QueryParameter(
                            "page", .integer(minimum: 1), summary: "Page number for pagination (default 1)."),
                        QueryParameter(
                            "limit", .integer(minimum: 1, maximum: 100), summary: "Products per page (default 50)."),
                        QueryParameter("active", .boolean(), summary: "Filter by active status (true or false)."),
                    ],
                    response: .array(of: ShopiSyncResponseSchemas.product), handler: listProducts),
                Route(
                    .get, "/products/:productId", operationID: "getProduct",
                    summary: "A product with its competitors and its last 10 price changes.",
                    access: .apiKey(.read), response: ShopiSyncResponseSchemas.productDetail, handler: getProduct),
                Route(
                    .put, "/products/:productId", operationID: "updateProduct",
                    summary: "Update minPrice, maxPrice, costPrice, autoReprice or active; all optional.",
                    access: .apiKey(.write), body: ShopiSyncProductUpdate.schema,
                    response: ShopiSyncResponseSchemas.product, handler: updateProduct),
                Route(
                    .get, "/competitors", operationID: "listCompetitors",
                    summary: "Every competitor of every product, with the product's id, title and currentPrice.",
                    access: .apiKey(.read), response: .array(of: ShopiSyncResponseSchemas.competitorWithProduct),
                    handler: listCompetitors),
                Route(
                    .get, "/price-history/:productId", operationID: "getPriceHistory",
                    summary: "A product's price changes in the last `days` days (default 30).",
                    access: .apiKey(.read),
                    query: [
                        QueryParameter(
                            "days", .integer(minimum: 1, maximum: 365), summary: "Days of history (default 30).")
                    ],
                    response: .array(of: ShopiSyncResponseSchemas.pricePoint), handler: priceHistory),
                Route(
                    .get, "/stats", operationID: "getStats",
                    summary: "Totals, active products, competitors, price changes in 24 hours, plan and shop domain.",
                    access: .apiKey(.read), response: ShopiSyncResponseSchemas.stats, handler: stats),
                Route(
                    .post, "/webhooks/test", operationID: "testWebhook",
                    summary: "Echo the request body with a timestamp.",
                    access: .apiKey(.write), body: .any, response: ShopiSyncResponseSchemas.echo, handler: testWebhook),
            ],
            dialect: ShopiSyncDialect(),
            credentials: [.bearer],
            defaultRateLimit: Self.defaultRateLimit,
            rateLimitHeaders: .legacyISO8601
        )
    }

    // MARK: Handlers

    private func listProducts(_ context: APIContext) async throws -> APIOutput {
        let page = try PageRequest(query: context.request.query, policy: Self.pagination)
        let active = try Self.booleanParameter("active", in: context.request)
        let products = try await catalog.list(ProductQuery(page: page, isActive: active, owner: try owner(context)))
        let envelope = PageEnvelopes.shopiSync(products.map { .object(ShopiSyncJSON.product($0)) })
        return .ok(envelope["data"] ?? [], meta: ["pagination": envelope["pagination"] ?? nil])
    }

    private func getProduct(_ context: APIContext) async throws -> APIOutput {
        let product = try await ownedProduct(context)
        let history = try await priceHistory.history(productID: product.id, since: .distantPast, limit: 10)
        var body = ShopiSyncJSON.product(product)
        body.append("priceHistory", .array(history.map(ShopiSyncJSON.pricePoint)))
        return .ok(.object(body), entityTag: EntityTag(version: product.version))
    }

    private func updateProduct(_ context: APIContext) async throws -> APIOutput {
        var product = try await ownedProduct(context)
        try context.checkIfMatch(currentVersion: product.version)
        let update = ShopiSyncProductUpdate(validated: ValidatedFields(context.body ?? [:]))
        let currency = product.pricing?.currency ?? product.variants.first?.price.currency ?? .usd
        let pricing = try (product.pricing ?? PricingSettings()).updated(
            with: try update.pricingUpdate(currency: currency))
        product.pricing = pricing
        if let active = update.active { product.isActive = active }
        let stored = try await catalog.upsert(product, condition: .version(product.version), now: context.now)
        return .ok(.object(ShopiSyncJSON.product(stored)), entityTag: EntityTag(version: stored.version))
    }

    private func listCompetitors(_ context: APIContext) async throws -> APIOutput {
        var competitors: [JSONValue] = []
        for product in try await catalog.allProducts(
            ProductQuery(page: PageRequest(position: .start, limit: 100), owner: try owner(context)))
        {
            for competitor in product.competitors {
                var entry = ShopiSyncJSON.competitor(competitor)
                entry.append(
                    "product",
                    [
                        "id": .string(product.id.rawValue),
                        "title": .string(product.title),
                        "currentPrice": ShopiSyncJSON.money(product.variants.first?.price),
                    ]
                )
                competitors.append(.object(entry))
            }
        }
        return .ok(.array(competitors))
    }

    private func priceHistory(_ context: APIContext) async throws -> APIOutput {
        let days = try Self.daysParameter(in: context.request)
        let product = try await ownedProduct(context)
        let since = context.now.adding(.seconds(-86_400 * Int64(days)))
        let points = try await priceHistory.history(productID: product.id, since: since, limit: nil)
        return .ok(.array(points.filter { $0.recordedAt <= context.now }.map(ShopiSyncJSON.pricePoint)))
    }

    private func stats(_ context: APIContext) async throws -> APIOutput {
        let owner = try owner(context)
        let products = try await catalog.allProducts(
            ProductQuery(page: PageRequest(position: .start, limit: 100), owner: owner))
        let changes = try await priceHistory.changeCount(owner: owner, since: context.now.adding(.seconds(-86_400)))
        let shop = try await shop(owner)
        return .ok([
            "totalProducts": .number(JSONNumber(products.count)),
            "activeProducts": .number(JSONNumber(products.count(where: \.isActive))),
            "totalCompetitors": .number(JSONNumber(products.reduce(0) { $0 + $1.competitors.count })),
            "priceChangesLast24h": .number(JSONNumber(changes)),
            "plan": shop.map { .string($0.plan) } ?? nil,
            "shopDomain": shop.map { .string($0.domain) } ?? nil,
        ])
    }

    private func testWebhook(_ context: APIContext) async throws -> APIOutput {
        .ok(["echo": context.body ?? nil, "timestamp": .string(InternetDateTime.format(context.now))])
    }

    // MARK: Helpers

    private func owner(_ context: APIContext) throws(APIError) -> String {
        guard let key = context.key else { throw APIError(status: 401, code: .missingCredentials, message: "No key.") }
        return key.owner
    }

    /// The product named by `:productId`, if it exists, is not deleted and belongs to the key's shop.
    private func ownedProduct(_ context: APIContext) async throws -> Product {
        let raw = try context.parameter("productId")
        let owner = try owner(context)
        guard let id = try? ProductID(raw), let product = try await catalog.product(id: id), !product.isDeleted,
            product.owner == owner
        else {
            throw APIError.notFound("Product not found or does not belong to your shop")
        }
        return product
    }

    private static func booleanParameter(_ name: String, in request: APIRequest) throws(APIError) -> Bool? {
        guard let text = request.queryValue(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            throw APIError.validation([
                ValidationIssue(
                    path: JSONPointer(tokens: [name]), code: "type_mismatch",
                    message: "\(name) must be true or false, not '\(text)'.")
            ])
        }
    }

    private static func daysParameter(in request: APIRequest) throws(APIError) -> Int {
        guard let text = request.queryValue("days") else { return 30 }
        guard let days = Int(text), (1...365).contains(days) else {
            throw APIError.validation([
                ValidationIssue(
                    path: JSONPointer(tokens: ["days"]), code: "out_of_range",
                    message: "days must be a whole number from 1 to 365, not '\(text)'.")
            ])
        }
        return days
    }
}
