import Storekeeper
import StorekeeperTesting

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The demo's fixed names, which the README's walk-through and `ci-smoke.sh` use.
public enum Demo {
    /// The ShopiSync shop that owns the seeded products and the admin key.
    public static let shop = "demo-shop"
    /// The Spring vendor (`vendor_id`) of the Spring admin key.
    public static let springVendor = 2525
    /// The partner chain of the seeded orders and the partner admin token.
    public static let chain = "demo-chain"
    /// The vendor of the seeded partner orders.
    public static let vendor = "demo-vendor"
    /// The Everspring retailer of the admin key.
    public static let retailer = "demo-retailer"
}

/// A request sent straight to a pipeline, for seeding through the public API.
struct SeedFailure: Error, CustomStringConvertible {
    var description: String
}

extension APIPipeline {
    /// Sends a seed request and insists on a 2xx answer.
    func seed(_ method: Storekeeper.HTTPMethod, _ target: String, headers: HTTPHeaders, body: String) async throws {
        var headers = headers
        headers.add(name: "Content-Type", value: "application/json")
        let response = await handle(
            APIRequest(method: method, target: target, headers: headers, body: Array(body.utf8)))
        guard (200..<300).contains(response.status) else {
            throw SeedFailure(
                description: "Seeding \(method) \(target) answered \(response.status): "
                    + String(decoding: response.body, as: UTF8.self))
        }
    }
}

extension APIDefinition {
    /// ShopiSync under `/api/external/v1`: three products of shop `demo-shop`, the first with two
    /// competitors and a week of price changes.
    public static let shopiSync = APIDefinition(name: "shopisync") { context in
        let catalog = InMemoryCatalogStore()
        let history = InMemoryPriceHistoryStore()
        let keys = try context.keyManager(prefixes: ShopiSyncProfile.keyPrefixes)
        let profile = ShopiSyncProfile(catalog: catalog, priceHistory: history) { owner in
            ShopiSyncShop(domain: "\(owner).myshopify.com", plan: "enterprise")
        }
        let pipeline = APIPipeline(
            profile: profile.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: InMemoryIdempotencyStore(), clock: context.clock, observer: context.observer,
            options: context.options)
        let now = context.clock.now
        for (number, title, price, active) in [
            (1001, "Cathat", "24.99", true), (1002, "Doghat", "19.00", true), (1003, "Birdhat", "9.50", false),
        ] {
            var product = Product(
                id: ProductID(Int64(number)), owner: Demo.shop, title: title,
                variants: [Variant(sku: try SKU("HAT-\(number)"), price: try Money(parsing: price, currency: .usd))],
                isActive: active,
                pricing: try PricingSettings(minPrice: try Money(parsing: "5.00", currency: .usd), autoReprice: false))
            if number == 1001 {
                product.competitors = [
                    Competitor(
                        id: "c1", name: "Hat Barn", url: "https://hatbarn.example/cathat",
                        currentPrice: try Money(parsing: "23.50", currency: .usd), checkedAt: now),
                    Competitor(id: "c2", name: "Hats R Us", currentPrice: try Money(parsing: "25.00", currency: .usd)),
                ]
            }
            _ = try await catalog.upsert(product, condition: .insertOnly, now: now)
        }
        for day in 0..<7 {
            let point = PricePoint(
                price: try Money(parsing: "2\(day).99", currency: .usd),
                recordedAt: now.addingTimeInterval(-3600 - Double(day) * 86_400), reason: "undercut")
            try await history.record(point, productID: ProductID(1001), owner: Demo.shop)
        }
        let admin = try await keys.create(
            owner: Demo.shop, name: "demo admin", prefix: "sk_live", permissions: [.admin])
        let api = ServedAPI(
            name: "shopisync", title: "ShopiSync API", pipeline: pipeline, keys: keys, keyPrefix: "sk_live")
        return (api, admin.secret.plaintext)
    }

    /// Spring under `/api/1`: keys belong to vendor 2525 and may also be Spring's own legacy keys;
    /// one product, `SOMEID123`, created with the admin key.
    public static let spring = APIDefinition(name: "spring") { context in
        let catalog = InMemoryCatalogStore()
        let keys = try context.keyManager(prefixes: ["spring"], legacyKeys: .accepted)
        let pipeline = APIPipeline(
            profile: SpringProfile(catalog: catalog).profile, keys: keys,
            rateLimiter: RateLimiter(store: InMemoryRateLimitStore()), idempotency: InMemoryIdempotencyStore(),
            clock: context.clock, observer: context.observer, options: context.options)
        let admin = try await keys.create(
            owner: String(Demo.springVendor), name: "demo admin", prefix: "spring", permissions: [.admin])
        let basic = "Basic " + Data("\(admin.secret.plaintext):".utf8).base64EncodedString()
        try await pipeline.seed(
            .put, "/api/1/product", headers: ["Authorization": basic], body: springSeedProduct)
        let api = ServedAPI(name: "spring", title: "Spring API", pipeline: pipeline, keys: keys, keyPrefix: "spring")
        return (api, admin.secret.plaintext)
    }

    /// The seed's Spring product, with its syntax repaired.
    static let springSeedProduct = """
        {"vendor_id": \(Demo.springVendor), "product": {"id": "SOMEID123", "title": "Cathat",
         "description": "A Hat for a Cat!", "tags": ["hats", "cats", "headgear"], "active": true,
         "purchasable": true, "external_brand": null, "affiliate_url": "http://example.com/cathat",
         "photo_urls": [], "variants": [
          {"available_inventory": 1000, "price": "14.95", "sku": "162636740101", "size": "Green ONESIZE",
           "image_urls": ["http://example.com/images/cathat1,1.jpg"],
           "attributes": {"color": "Green", "size": "ONESIZE"}},
          {"available_inventory": 1000, "price": "14.95", "sku": "162080212940", "size": "Purple ONESIZE",
           "image_urls": ["http://example.com/images/cathat2,1.jpg"],
           "attributes": {"color": "Purple", "size": "ONESIZE"}}]}}
        """

    /// EverShop under `/api`: two products created through the API with the admin key.
    public static let everShop = APIDefinition(name: "evershop") { context in
        let catalog = InMemoryCatalogStore()
        let keys = try context.keyManager(prefixes: EverShopProfile.keyPrefixes)
        let pipeline = APIPipeline(
            profile: EverShopProfile(catalog: catalog).profile, keys: keys,
            rateLimiter: RateLimiter(store: InMemoryRateLimitStore()), idempotency: InMemoryIdempotencyStore(),
            clock: context.clock, observer: context.observer, options: context.options)
        let admin = try await keys.create(owner: "store", name: "demo admin", prefix: "es_live", permissions: [.admin])
        for (sku, name, price) in [("HAT-GREEN", "Green hat", "43"), ("HAT-PURPLE", "Purple hat", "39.5")] {
            let body = """
                {"name": "\(name)", "url_key": "\(sku.lowercased())", "meta_title": "\(name)", "status": 1,
                 "sku": "\(sku)", "price": "\(price)", "weight": 1, "qty": 25, "manage_stock": 1,
                 "stock_availability": 1, "group_id": 1, "visibility": 1}
                """
            try await pipeline.seed(
                .post, "/api/products", headers: ["Authorization": "Bearer \(admin.secret.plaintext)"], body: body)
        }
        let api = ServedAPI(
            name: "evershop", title: "EverShop Product API", pipeline: pipeline, keys: keys, keyPrefix: "es_live")
        return (api, admin.secret.plaintext)
    }

    /// Everspring under `/everspring/v1`: three plants with stock, and an admin API user of
    /// retailer `demo-retailer`.
    public static let everspring = APIDefinition(name: "everspring") { context in
        let catalog = InMemoryCatalogStore()
        let orders = InMemoryOrderStore()
        let keys = try context.keyManager(prefixes: EverspringProfile.keyPrefixes)
        var generator = SystemRandomNumberGenerator()
        let cursorSecret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let profile = EverspringProfile(
            catalog: catalog, orders: orders, mappings: InMemorySKUMappingStore(), keys: keys,
            webhooks: InMemoryWebhookOutbox(),
            cursors: try CursorCodec(keys: ["demo": cursorSecret], currentKeyID: "demo"))
        let pipeline = APIPipeline(
            profile: profile.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: InMemoryIdempotencyStore(), clock: context.clock, observer: context.observer,
            options: context.options)
        let now = context.clock.now
        for (number, title) in [(1, "Monstera"), (2, "Ficus"), (3, "Calathea")] {
            let product = Product(
                id: ProductID(Int64(number)), title: title, brand: "Everspring",
                variants: [
                    Variant(
                        sku: try SKU("EV-\(number)"), price: try Money(parsing: "12.50", currency: .eur),
                        displayName: "Pot 12 cm")
                ])
            _ = try await catalog.upsert(product, condition: .insertOnly, now: now)
            _ = try await orders.applyStockUpdate(
                StockUpdate(sku: try SKU("EV-\(number)"), onHand: 25, observedAt: now))
        }
        let admin = try await profile.createAPIUser(
            named: "demo admin", retailer: Demo.retailer, permissions: [.admin])
        let api = ServedAPI(
            name: "everspring", title: "Everspring Retailer API", pipeline: pipeline, keys: keys,
            keyPrefix: profile.keyPrefix)
        return (api, admin.secret.plaintext)
    }

    /// Partner orders under `/v2`: two orders of vendor `demo-vendor` in chain `demo-chain`,
    /// received an hour and two hours ago, and a token of that chain.
    public static let partnerOrders = APIDefinition(name: "partner") { context in
        let orders = InMemoryOrderStore()
        let outbox = InMemoryWebhookOutbox()
        let keys = try context.keyManager(prefixes: PartnerOrdersProfile.keyPrefixes)
        let profile = PartnerOrdersProfile(orders: orders) { chainID in chainID == Demo.chain ? outbox : nil }
        let pipeline = APIPipeline(
            profile: profile.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: InMemoryIdempotencyStore(), clock: context.clock, observer: context.observer,
            options: context.options)
        let now = context.clock.now
        for sku in ["SHAWARMA", "FALAFEL", "JUICE"] {
            try await orders.saveInventory(InventoryLevel(sku: try SKU(sku), onHand: 1000, asOf: now))
        }
        for (id, age) in [("order-1", 7200.0), ("order-2", 3600.0)] {
            let order = try Order(
                id: id, reference: "#\(id)", vendorID: Demo.vendor, chainID: Demo.chain, currency: .kwd,
                lines: [
                    try OrderLine(
                        sku: try SKU("SHAWARMA"), quantity: 2, unitPrice: try Money(parsing: "2.750", currency: .kwd)),
                    try OrderLine(
                        sku: try SKU("JUICE"), quantity: 1, unitPrice: try Money(parsing: "1.125", currency: .kwd)),
                ],
                lifecycle: .partnerOrders, actor: "platform", createdAt: now.addingTimeInterval(-age))
            try await profile.receive(order)
        }
        let admin = try await PartnerOrdersProfile.createToken(
            named: "demo admin", chainID: Demo.chain, keys: keys, permissions: [.admin])
        let api = ServedAPI(
            name: "partner", title: "Partner Orders API", pipeline: pipeline, keys: keys,
            keyPrefix: PartnerOrdersProfile.tokenPrefix, ownerLimit: PartnerOrdersProfile.maximumTokensPerChain)
        return (api, admin.secret.plaintext)
    }
}
