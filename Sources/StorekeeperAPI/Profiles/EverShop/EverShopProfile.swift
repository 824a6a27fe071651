public import StorekeeperCatalog
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

/// The EverShop Product API (seed 002), served as documented under `/api`.
///
/// Create, update (`PATCH`, only the members sent), delete, get and list products, in the seed's
/// `data` envelope with the integer `product_id`, the `uuid`, timestamps as `YYYY-MM-DD HH:MM:SS`
/// and the `links` arrays. Bodies are validated in full with EverShop's documented leniency
/// (``StorekeeperCatalog/EverShopProductInput``): every problem is listed in one 400. A SKU or
/// URL key already in use is a 409 naming which. Lists page with `page` and `limit` (default 20,
/// at most 100) and carry `total`, `currentPage`, `limit` and first/last/next/prev links.
///
/// EverShop itself authenticates its admin with a session cookie: pass the host's
/// ``APISessionAuthenticator`` to accept it. API keys work too, as `Authorization: Bearer <key>`,
/// with ``keyPrefixes``; `read` lists and gets, `write` creates, updates and deletes.
public struct EverShopProfile: Sendable {
    /// `/api`.
    public static let basePath = "/api"
    /// The key prefixes: `es_live` and `es_test`.
    public static let keyPrefixes: Set<String> = ["es_live", "es_test"]
    /// 600 requests per minute per key or session (the seed names 429 without a figure).
    public static let defaultRateLimit = RateLimitPolicy(name: "default", limit: 600, window: .seconds(60))
    /// `page` and `limit` (default 20, at most 100).
    public static let pagination = PaginationPolicy.everShop

    private let catalog: any CatalogStore
    private let currency: Currency
    private let sessions: (any APISessionAuthenticator)?
    private let newID: @Sendable () -> ProductID

    /// A profile over the host's catalogue.
    ///
    /// - Parameters:
    ///   - catalog: The products.
    ///   - currency: The store's currency, in which prices are read and written.
    ///   - sessions: Authenticates EverShop admin sessions, if the host accepts them.
    ///   - newID: The id (`uuid`) of a created product: a random UUID unless a test fixes it.
    public init(
        catalog: any CatalogStore,
        currency: Currency = .usd,
        sessions: (any APISessionAuthenticator)? = nil,
        newID: (@Sendable () -> ProductID)? = nil
    ) {
        self.catalog = catalog
        self.currency = currency
        self.sessions = sessions
        self.newID = newID ?? { ProductID(UUID()) }
    }

    /// The routes, dialect, credentials and limits of the API.
    public var profile: APIProfile {
        APIProfile(
            name: "evershop",
            basePath: Self.basePath,
            routes: [
                Route(
                    .post, "/products", operationID: "createProduct", summary: "Create a product.",
                    access: .apiKey(.write), body: EverShopProductInput.createSchema,
                    response: EverShopResponseSchemas.written, handler: createProduct),
                Route(
                    .patch, "/products/:uuid", operationID: "updateProduct",
                    summary: "Update a product; only the members sent change.",
                    access: .apiKey(.write), body: EverShopProductInput.updateSchema,
                    response: EverShopResponseSchemas.written, handler: updateProduct),
                Route(
                    .delete, "/products/:uuid", operationID: "deleteProduct", summary: "Delete a product.",
                    access: .apiKey(.write), response: EverShopResponseSchemas.written, handler: deleteProduct),
                Route(
                    .get, "/products/:uuid", operationID: "getProduct", summary: "A product with every detail.",
                    access: .apiKey(.read), response: EverShopResponseSchemas.detail, handler: getProduct),
                Route(
                    .get, "/products", operationID: "listProducts", summary: "A page of products (page, limit).",
                    access: .apiKey(.read),
                    query: [
                        QueryParameter("page", .integer(minimum: 1), summary: "Page number (default 1)."),
                        QueryParameter(
                            "limit", .integer(minimum: 1, maximum: 100), summary: "Products per page (default 20)."),
                    ],
                    response: .array(of: EverShopResponseSchemas.listItem), handler: listProducts),
            ],
            dialect: EverShopDialect(),
            credentials: [.bearer],
            defaultRateLimit: Self.defaultRateLimit,
            rateLimitHeaders: [.legacyEpochSeconds, .ietfDraft],
            sessionAuthenticator: sessions
        )
    }

    // MARK: Handlers

    private func createProduct(_ context: APIContext) async throws -> APIOutput {
        let input = EverShopProductInput(validated: ValidatedFields(context.body ?? [:]))
        let product = try input.newProduct(id: newID(), currency: currency)
        let stored = try await catalog.upsert(product, condition: .insertOnly, now: context.now)
        return .ok(EverShopJSON.product(stored, shape: .written), entityTag: EntityTag(version: stored.version))
    }

    private func updateProduct(_ context: APIContext) async throws -> APIOutput {
        let product = try await existingProduct(context)
        try context.checkIfMatch(currentVersion: product.version)
        let input = EverShopProductInput(validated: ValidatedFields(context.body ?? [:]))
        let updated = try input.applied(to: product, currency: currency)
        let stored = try await catalog.upsert(updated, condition: .version(product.version), now: context.now)
        return .ok(EverShopJSON.product(stored, shape: .written), entityTag: EntityTag(version: stored.version))
    }

    private func deleteProduct(_ context: APIContext) async throws -> APIOutput {
        let product = try await existingProduct(context)
        try context.checkIfMatch(currentVersion: product.version)
        let deleted = try await catalog.delete(id: product.id, expectedVersion: product.version, now: context.now)
        return .ok(EverShopJSON.product(deleted, shape: .deleted))
    }

    private func getProduct(_ context: APIContext) async throws -> APIOutput {
        let product = try await existingProduct(context)
        return .ok(EverShopJSON.product(product, shape: .detail), entityTag: EntityTag(version: product.version))
    }

    private func listProducts(_ context: APIContext) async throws -> APIOutput {
        let request = try PageRequest(query: context.request.query, policy: Self.pagination)
        let page = try await catalog.list(ProductQuery(page: request))
        let links = PageLinks(for: page, path: Self.basePath + "/products", query: context.request.query)
        let envelope = PageEnvelopes.everShop(page.map { EverShopJSON.product($0, shape: .listItem) }, links: links)
        var meta = JSONObject()
        for (name, value) in envelope.object ?? JSONObject() where name != "data" { meta.append(name, value) }
        return APIOutput(
            data: envelope["data"] ?? [], meta: meta, headers: PageEnvelopes.headers(for: page, links: links))
    }

    /// The product named by `:uuid`, unless it does not exist or is deleted.
    private func existingProduct(_ context: APIContext) async throws -> Product {
        let raw = try context.parameter("uuid")
        guard let id = try? ProductID(raw), let product = try await catalog.product(id: id), !product.isDeleted else {
            throw APIError.notFound("No product has the uuid '\(raw)'.")
        }
        return product
    }
}
