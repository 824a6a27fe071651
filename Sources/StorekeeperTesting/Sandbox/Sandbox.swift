public import StorekeeperAPI
public import StorekeeperCatalog
@_spi(StorekeeperInternal) public import StorekeeperCore
import StorekeeperJSON
public import StorekeeperKeys
import StorekeeperPagination
import StorekeeperRateLimit

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One partner API, served in-process over in-memory stores and a ``ManualClock``, for testing an
/// integration with no network and no shared state.
///
/// ```swift
/// let sandbox = try await Sandbox(profile: .shopiSync)
/// let key = try await sandbox.issueKey(permissions: [.write])
/// let response = await sandbox.request(.get, "/products?limit=20", key: key)
/// #expect(response.status == 200)
/// sandbox.advance(by: .seconds(3600))            // roll the rate-limit window
/// ```
///
/// A URLSession client is tested unchanged with ``makeURLSession()`` and ``baseURL``, which route
/// every request to this sandbox through ``SandboxURLProtocol``.
public final class Sandbox: Sendable {
    /// The five ready profiles.
    public enum Profile: String, Sendable, Hashable, CaseIterable {
        /// ShopiSync (seed 004), bearer keys.
        case shopiSync = "shopisync"
        /// Spring (seed 001), the key as the Basic user name.
        case spring
        /// EverShop (seed 002), bearer keys.
        case everShop = "evershop"
        /// Everspring (seed 000), bearer keys, in sandbox mode.
        case everspring
        /// The partner orders API (seed 003), bearer tokens per chain.
        case partnerOrders = "partner"

        /// The owner the sandbox's keys belong to by default: a shop, a brand's vendor id, a
        /// store, a retailer or a chain.
        public var defaultOwner: String {
            switch self {
            case .shopiSync: "sandbox-shop"
            case .spring: "2525"
            case .everShop: "sandbox-store"
            case .everspring: "sandbox-retailer"
            case .partnerOrders: "sandbox-chain"
            }
        }
    }

    /// What the sandbox starts with.
    public enum Seed: Sendable, Hashable {
        /// Nothing: the test adds what it needs.
        case empty
        /// A small demo data set for the profile (products, competitors, price history, stock,
        /// orders as the profile has them).
        case demo
    }

    /// Which profile is served.
    public let kind: Profile
    /// The time every store and stage uses; move it to expire keys or roll windows.
    public let clock: ManualClock
    /// The products.
    public let catalog = InMemoryCatalogStore()
    /// Orders and stock.
    public let orders = InMemoryOrderStore()
    /// ShopiSync's price changes.
    public let priceHistory = InMemoryPriceHistoryStore()
    /// API keys.
    public let keyStore = InMemoryAPIKeyStore()
    /// Webhook endpoints and events (a partner chain's, Everspring's).
    public let webhooks = InMemoryWebhookOutbox()
    /// `Idempotency-Key` entries.
    public let idempotency = InMemoryIdempotencyStore()
    /// Everspring retailers' SKU links.
    public let mappings = InMemorySKUMappingStore()
    /// The key manager.
    public let keys: APIKeyManager
    /// The served profile.
    public let profile: APIProfile
    /// The pipeline every request goes through.
    public let pipeline: APIPipeline
    /// The base URL a URLSession client uses: a host of this sandbox's own, and the profile's
    /// base path.
    public let baseURL: URL

    private let partnerOrders: PartnerOrdersProfile
    private let everspring: EverspringProfile

    /// A sandbox serving `profile`.
    ///
    /// - Parameters:
    ///   - profile: The profile to serve.
    ///   - seed: What to start with.
    ///   - clock: The clock; a fresh ``ManualClock`` unless given.
    public init(profile: Profile, seed: Seed = .demo, clock: ManualClock = ManualClock()) async throws {
        kind = profile
        self.clock = clock
        let prefixes: Set<String> =
            switch profile {
            case .shopiSync: ShopiSyncProfile.keyPrefixes
            case .spring: ["spring"]
            case .everShop: EverShopProfile.keyPrefixes
            case .everspring: EverspringProfile.keyPrefixes
            case .partnerOrders: PartnerOrdersProfile.keyPrefixes
            }
        keys = APIKeyManager(
            store: keyStore, peppers: [try APIKeyPepper(version: 1, secret: SecureRandom.bytes(count: 32))],
            format: try APIKeyFormat(prefixes: prefixes), clock: clock,
            legacyKeys: profile == .spring ? .accepted : .refused)
        let webhooks = webhooks
        partnerOrders = PartnerOrdersProfile(orders: orders) { _ in webhooks }
        everspring = EverspringProfile(
            catalog: catalog, orders: orders, mappings: mappings, keys: keys, webhooks: webhooks,
            cursors: try CursorCodec(keys: ["sandbox": SecureRandom.bytes(count: 32)], currentKeyID: "sandbox"),
            environment: .sandbox)
        let host = "sandbox-\(Base62.randomString(length: 10).lowercased()).\(profile.rawValue).storekeeper.invalid"
        switch profile {
        case .shopiSync:
            self.profile =
                ShopiSyncProfile(catalog: catalog, priceHistory: priceHistory) { owner in
                    ShopiSyncShop(domain: "\(owner).myshopify.com", plan: "enterprise")
                }.profile
        case .spring:
            self.profile = SpringProfile(catalog: catalog).profile
        case .everShop:
            self.profile = EverShopProfile(catalog: catalog).profile
        case .everspring:
            self.profile = everspring.profile
        case .partnerOrders:
            self.profile = partnerOrders.profile
        }
        pipeline = APIPipeline(
            profile: self.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: idempotency, clock: clock)
        guard let url = URL(string: "https://\(host)\(self.profile.basePath)") else {
            throw SandboxError("The sandbox could not form its base URL.")
        }
        baseURL = url
        SandboxURLProtocol.register(self, host: host)
        if seed == .demo { try await seedDemo() }
    }

    deinit {
        if let host = baseURL.host { SandboxURLProtocol.unregister(host: host) }
    }

    // MARK: Keys and data

    /// Issues a key for the profile and returns its plaintext.
    ///
    /// - Parameters:
    ///   - permissions: What it may do; `admin` unless given.
    ///   - owner: Whose it is; the profile's ``Profile/defaultOwner`` unless given.
    ///   - rateLimit: Its own rate limit, if any.
    ///   - expiresAt: When it expires, if ever.
    ///   - name: What it is for.
    public func issueKey(
        permissions: PermissionSet = [.admin],
        owner: String? = nil,
        rateLimit: KeyRateLimit? = nil,
        expiresAt: Date? = nil,
        name: String = "sandbox"
    ) async throws -> String {
        let prefix =
            switch kind {
            case .shopiSync: "sk_test"
            case .spring: "spring"
            case .everShop: "es_test"
            case .everspring: everspring.keyPrefix
            case .partnerOrders: PartnerOrdersProfile.tokenPrefix
            }
        let ownerLimit = kind == .partnerOrders ? PartnerOrdersProfile.maximumTokensPerChain : nil
        return try await keys.create(
            owner: owner ?? kind.defaultOwner, name: name, prefix: prefix, permissions: permissions,
            rateLimit: rateLimit, expiresAt: expiresAt, ownerLimit: ownerLimit
        ).secret.plaintext
    }

    /// Adds or replaces a product.
    @discardableResult
    public func add(_ product: Product) async throws -> Product {
        try await catalog.upsert(product, condition: .unconditional, now: clock.now)
    }

    /// Sets a SKU's stock, as of now.
    public func setStock(sku: String, onHand: Int) async throws {
        _ = try await orders.applyStockUpdate(StockUpdate(sku: try SKU(sku), onHand: onHand, observedAt: clock.now))
    }

    /// Receives a partner order, as the platform does (partner orders profile only): stores it
    /// and enqueues its `RECEIVED` event.
    @discardableResult
    public func receive(_ order: Order) async throws -> Order {
        try await partnerOrders.receive(order)
    }

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        clock.advance(by: duration)
    }

    // MARK: Requests

    /// Handles a request in-process.
    public func send(_ request: APIRequest) async -> APIResponse {
        await pipeline.handle(request)
    }

    /// Sends a request to a path under the profile's base path, presenting `key` the way the
    /// profile expects (Bearer, or Spring's Basic user name).
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - target: The path and query under the base path, such as `/products?limit=20`.
    ///   - key: The key to present, if any.
    ///   - body: A JSON body, if any.
    ///   - headers: Extra headers.
    public func request(
        _ method: HTTPMethod, _ target: String, key: String? = nil, body: String? = nil,
        headers: HTTPHeaders = HTTPHeaders()
    ) async -> SandboxResponse {
        var headers = headers
        if let key {
            let value =
                kind == .spring ? "Basic " + Base64.encode(Array("\(key):".utf8)) : "Bearer \(key)"
            headers.replaceOrAdd(name: "Authorization", value: value)
        }
        if body != nil, headers["Content-Type"] == nil { headers.add(name: "Content-Type", value: "application/json") }
        let response = await send(
            APIRequest(
                method: method, target: profile.basePath + target, headers: headers, body: Array((body ?? "").utf8)))
        return SandboxResponse(status: response.status, headers: response.headers, body: response.body)
    }

    // MARK: Demo data

    private func seedDemo() async throws {
        let owner = kind.defaultOwner
        switch kind {
        case .shopiSync:
            for number in 1...3 {
                let product = try Fixtures.product(
                    id: Int64(number), title: ["Cathat", "Doghat", "Birdhat"][number - 1], price: "2\(number).99",
                    owner: owner,
                    competitors: [
                        try Fixtures.competitor(
                            id: "hatbarn", name: "Hat Barn", price: "2\(number).49", checkedAt: clock.now)
                    ],
                    pricing: try PricingSettings(minPrice: try Money(parsing: "15.00", currency: .usd)))
                try await add(product)
                for day in 1...3 {
                    try await priceHistory.record(
                        PricePoint(
                            price: try Money(parsing: "2\(number).\(9 - day)9", currency: .usd),
                            recordedAt: clock.now.addingTimeInterval(-86_400 * Double(day)), reason: "undercut"),
                        productID: product.id, owner: owner)
                }
            }
        case .spring:
            break
        case .everShop:
            for number in 1...2 { try await add(try Fixtures.product(id: Int64(number))) }
        case .everspring:
            for number in 1...3 {
                try await add(try Fixtures.product(id: Int64(number), price: "12.50", currency: .eur))
                try await setStock(sku: "SKU-\(number)", onHand: 25)
            }
        case .partnerOrders:
            for sku in ["SKU-1", "SKU-2"] { try await setStock(sku: sku, onHand: 100) }
            for number in 1...2 {
                try await receive(
                    try Fixtures.order(
                        id: "order-\(number)", vendor: "sandbox-vendor", chain: owner,
                        lines: [("SKU-\(number)", number)], prices: ["SKU-\(number)": "2.750"], currency: .kwd,
                        lifecycle: .partnerOrders, createdAt: clock.now.addingTimeInterval(-3600)))
            }
        }
    }
}

/// A sandbox that could not be set up.
struct SandboxError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
