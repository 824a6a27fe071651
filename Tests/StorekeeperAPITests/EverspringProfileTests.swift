import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperRateLimit
import StorekeeperSchema
import StorekeeperTesting
import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Everspring over in-memory stores: three products (EV-1…EV-3 at 12.50 EUR) with stock, and an
/// admin API user for retailer `r1`.
struct EverspringHarness {
    let clock = ManualClock()
    let catalog = InMemoryCatalogStore()
    let orders = InMemoryOrderStore()
    let outbox = InMemoryWebhookOutbox()
    let keys: APIKeyManager
    let everspring: EverspringProfile
    let pipeline: APIPipeline
    let admin: String

    init(environment: EverspringProfile.Environment = .production) async throws {
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 8, count: 32))],
            format: try APIKeyFormat(prefixes: EverspringProfile.keyPrefixes),
            clock: clock)
        everspring = EverspringProfile(
            catalog: catalog, orders: orders, mappings: InMemorySKUMappingStore(), keys: keys, webhooks: outbox,
            cursors: try CursorCodec(keys: ["c1": Array(repeating: 1, count: 32)], currentKeyID: "c1"),
            environment: environment)
        pipeline = APIPipeline(
            profile: everspring.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: InMemoryIdempotencyStore(), clock: clock)
        for number in 1...3 {
            let product = Product(
                id: ProductID(Int64(number)), title: "Plant \(number)", brand: "Everspring",
                variants: [
                    Variant(
                        sku: try SKU("EV-\(number)"), price: try Money(parsing: "12.50", currency: .eur),
                        displayName: "Pot 12 cm")
                ])
            _ = try await catalog.upsert(
                product, condition: .insertOnly, now: clock.now.addingTimeInterval(Double(number)))
            try await orders.saveInventory(
                try InventoryLevel(
                    sku: try SKU("EV-\(number)"), onHand: 10, asOf: clock.now.addingTimeInterval(Double(number))))
        }
        admin = try await everspring.createAPIUser(named: "Back-office", retailer: "r1", permissions: [.admin])
            .secret.plaintext
    }

    func curl(
        _ method: HTTPMethod, _ target: String, key: String?, body: String? = nil, headers extra: HTTPHeaders = [:]
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        var headers = extra
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        let response = await pipeline.handle(
            APIRequest(
                method: method, target: "/everspring/v1" + target, headers: headers, body: Array((body ?? "").utf8)))
        return (response.status, response.headers, try? JSONValue(parsing: response.body))
    }

    func writer(_ retailer: String = "r1") async throws -> String {
        try await everspring.createAPIUser(named: "Magento prod", retailer: retailer).secret.plaintext
    }
}

@Suite("Everspring profile")
struct EverspringProfileTests {
    @Test("API users: created by name with the key shown once, listed without it, revoked")
    func apiUsers() async throws {
        let shop = try await EverspringHarness()
        shop.clock.advance(by: .seconds(1))
        let created = await shop.curl(.post, "/api-users", key: shop.admin, body: #"{"name": "WooCommerce staging"}"#)
        #expect(created.status == 201)
        let key = try #require(created.json?["data"]?["key"]?.string)
        let id = try #require(created.json?["data"]?["id"]?.string)
        #expect(key.hasPrefix("ev_live_") && created.json?["data"]?["start"] == .string(String(key.prefix(12))))
        #expect(await shop.curl(.get, "/products", key: key).status == 200)
        let list = await shop.curl(.get, "/api-users", key: shop.admin)
        let names = list.json?["data"]?.array?.compactMap { $0["name"]?.string }
        #expect(names == ["Back-office", "WooCommerce staging"])
        #expect(list.json?["data"]?.array?.allSatisfy { $0["key"] == nil } == true)
        let revoked = await shop.curl(.delete, "/api-users/\(id)", key: shop.admin)
        #expect(revoked.status == 200 && revoked.json?["data"]?["revoked_at"]?.string != nil)
        #expect(await shop.curl(.get, "/products", key: key).status == 401)
        #expect(await shop.curl(.delete, "/api-users/key_unknown", key: shop.admin).status == 404)
        let other = try await shop.everspring.createAPIUser(named: "Other", retailer: "r2", permissions: [.admin])
        #expect(await shop.curl(.delete, "/api-users/\(id)", key: other.secret.plaintext).status == 404)
        let writer = try await shop.writer()
        #expect(await shop.curl(.get, "/api-users", key: writer).status == 403)
        let unnamed = await shop.curl(.post, "/api-users", key: shop.admin, body: #"{"name": ""}"#)
        #expect(unnamed.status == 400 && unnamed.json?["error"]?["details"]?[0]?["pointer"] == "/name")
    }

    @Test("the catalogue pages by update time with signed cursors and supports updated_since")
    func catalogue() async throws {
        let shop = try await EverspringHarness()
        let key = try await shop.writer()
        let first = await shop.curl(.get, "/products?limit=2", key: key)
        #expect(first.json?["object"] == "list" && first.json?["has_more"] == true)
        #expect(first.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["1", "2"])
        #expect(first.json?["data"]?[0]?["variants"]?[0]?["price"]?.number?.text == "12.50")
        #expect(first.json?["data"]?[0]?["variants"]?[0]?["currency"] == "EUR")
        let cursor = try #require(first.json?["next_cursor"]?.string)
        let second = await shop.curl(.get, "/products?limit=2&starting_after=\(cursor)", key: key)
        #expect(
            second.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["3"] && second.json?["has_more"] == false)
        // A retailer decodes the catalogue with the wire type and gets the product it was built from.
        let pulled = try EverspringProduct.decode(try #require(first.json?["data"]?[0])).canonicalProduct()
        let stored = try #require(try await shop.catalog.product(id: ProductID(1)))
        #expect(pulled.title == stored.title && pulled.brand == stored.brand && pulled.variants == stored.variants)
        #expect(pulled.updatedAt.map(InternetDateTime.format) == stored.updatedAt.map(InternetDateTime.format))
        let tampered = await shop.curl(.get, "/products?starting_after=\(cursor.dropLast())x", key: key)
        #expect(tampered.status == 400)

        shop.clock.advance(by: .seconds(3600))
        let since = InternetDateTime.format(shop.clock.now)
        var product = try #require(try await shop.catalog.product(id: ProductID(2)))
        product.title = "Plant 2, repotted"
        _ = try await shop.catalog.upsert(product, condition: .version(product.version), now: shop.clock.now)
        let changed = await shop.curl(.get, "/products?updated_since=\(since)", key: key)
        #expect(changed.json?["data"]?.array?.compactMap { $0["title"]?.string } == ["Plant 2, repotted"])
        let bad = await shop.curl(.get, "/products?updated_since=yesterday", key: key)
        #expect(bad.status == 400 && bad.json?["error"]?["details"]?[0]?["pointer"] == "/updated_since")
    }

    @Test("SKU mappings link Everspring SKUs one-to-one with the retailer's")
    func mappings() async throws {
        let shop = try await EverspringHarness()
        let key = try await shop.writer()
        let linked = await shop.curl(.put, "/sku-mappings/EV-1", key: key, body: #"{"retailer_sku": "MY-ROSE"}"#)
        #expect(linked.status == 200 && linked.json?["data"] == ["everspring_sku": "EV-1", "retailer_sku": "MY-ROSE"])
        #expect(
            await shop.curl(.put, "/sku-mappings/EV-1", key: key, body: #"{"retailer_sku": "MY-ROSE"}"#).status == 200)
        let conflict = await shop.curl(.put, "/sku-mappings/EV-2", key: key, body: #"{"retailer_sku": "MY-ROSE"}"#)
        #expect(conflict.status == 409)
        #expect(await shop.curl(.put, "/sku-mappings/NOPE", key: key, body: #"{"retailer_sku": "X"}"#).status == 404)
        let list = await shop.curl(.get, "/sku-mappings", key: key)
        #expect(list.json?["data"] == [["everspring_sku": "EV-1", "retailer_sku": "MY-ROSE"]])
        let otherRetailer = await shop.curl(.get, "/sku-mappings", key: try await shop.writer("r2"))
        #expect(otherRetailer.json?["data"] == [])
        #expect(await shop.curl(.delete, "/sku-mappings/EV-1", key: key).status == 200)
        #expect(await shop.curl(.delete, "/sku-mappings/EV-1", key: key).status == 404)
    }

    @Test("stock levels carry their update time; older supplier updates never win; changes are announced")
    func inventory() async throws {
        let shop = try await EverspringHarness()
        let key = try await shop.writer()
        let subscribed = await shop.curl(
            .post, "/webhooks", key: shop.admin,
            body: #"{"url": "https://shop.example/hooks", "events": ["inventory.updated"]}"#)
        #expect(subscribed.status == 201)
        #expect(subscribed.json?["data"]?["secret"]?.string?.hasPrefix("whsec_") == true)
        let endpointID = try #require(subscribed.json?["data"]?["id"]?.string)
        #expect(try await shop.outbox.endpoint(id: endpointID)?.receives(.inventoryUpdated) == true)

        let all = await shop.curl(.get, "/inventory", key: key)
        #expect(all.json?["data"]?.array?.compactMap { $0["sku"]?.string } == ["EV-1", "EV-2", "EV-3"])
        #expect(
            all.json?["data"]?[0]?["updated_at"]
                == .string(InternetDateTime.format(shop.clock.now.addingTimeInterval(1))))
        shop.clock.advance(by: .seconds(1800))
        let newer = StockUpdate(sku: try SKU("EV-3"), onHand: 4, observedAt: shop.clock.now)
        #expect(try await shop.everspring.updateStock(newer) == .applied)
        let older = StockUpdate(sku: try SKU("EV-3"), onHand: 99, observedAt: shop.clock.now.addingTimeInterval(-60))
        #expect(try await shop.everspring.updateStock(older) == .ignoredAsStale)
        let since = await shop.curl(
            .get, "/inventory?updated_since=\(InternetDateTime.format(shop.clock.now))", key: key)
        #expect(
            since.json?["data"] == [
                [
                    "sku": "EV-3", "on_hand": 4, "reserved": 0, "available": 4,
                    "updated_at": .string(InternetDateTime.format(shop.clock.now)),
                ]
            ])
        let events = try await shop.outbox.events(in: Date.distantPast...Date.distantFuture)
        #expect(events.map(\.type) == [.inventoryUpdated] && events.first?.data["on_hand"] == 4)
        // The webhook's data is a stock-update item: the retailer applies it as the newest count.
        let announced = try EverspringStockUpdate.decode(try #require(events.first?.data)).stockUpdate
        #expect(announced == newer)
        #expect(try await shop.outbox.delivery(eventID: try #require(events.first?.id), endpointID: endpointID) != nil)
    }

    @Test("orders: Everspring SKUs only, priced from the catalogue, idempotent, the retailer's own")
    func orders() async throws {
        let shop = try await EverspringHarness()
        let key = try await shop.writer()
        let body =
            ##"{"reference": "#1001", "lines": [{"sku": "EV-1", "quantity": 2}, {"sku": "EV-2", "quantity": 1}]}"##
        let created = await shop.curl(
            .post, "/orders", key: key, body: body, headers: ["Idempotency-Key": "order-1001"])
        #expect(created.status == 201 && created.json?["data"]?["total"]?.number?.text == "37.50")
        #expect(created.json?["data"]?["status"] == "placed")
        let id = try #require(created.json?["data"]?["id"]?.string)
        let retry = await shop.curl(.post, "/orders", key: key, body: body, headers: ["Idempotency-Key": "order-1001"])
        #expect(retry.json?["data"]?["id"] == .string(id) && retry.headers["Idempotent-Replayed"] == "true")
        #expect(
            try await shop.orders.orders(vendorID: "r1", createdIn: Date.distantPast...Date.distantFuture).count == 1)
        #expect(await shop.curl(.get, "/orders/\(id)", key: key).json?["data"]?["reference"] == "#1001")
        #expect(await shop.curl(.get, "/orders/\(id)", key: try await shop.writer("r2")).status == 404)

        let unknown = await shop.curl(
            .post, "/orders", key: key,
            body:
                ##"{"reference": "#1002", "lines": [{"sku": "EV-1", "quantity": 1}, {"sku": "MY-ROSE", "quantity": 1}]}"##
        )
        #expect(unknown.status == 400)
        #expect(unknown.json?["error"]?["details"]?.array?.compactMap { $0["pointer"]?.string } == ["/lines/1/sku"])
        // Retail orders hold stock from acceptance on, not while merely placed.
        #expect(try await shop.orders.inventory(sku: try SKU("EV-1"))?.reserved == 0)
        let invalid = await shop.curl(.post, "/orders", key: key, body: #"{"reference": "", "lines": []}"#)
        #expect(invalid.status == 400 && invalid.json?["error"]?["details"]?.array?.count == 2)
    }

    @Test("a sandbox marks every response, errors included, and issues ev_test keys")
    func sandbox() async throws {
        let shop = try await EverspringHarness(environment: .sandbox)
        #expect(shop.admin.hasPrefix("ev_test_"))
        let ok = await shop.curl(.get, "/products", key: shop.admin)
        #expect(ok.headers["Everspring-Environment"] == "sandbox" && ok.json?["environment"] == "sandbox")
        let refused = await shop.curl(.get, "/products", key: nil)
        #expect(refused.status == 401 && refused.headers["Everspring-Environment"] == "sandbox")
        #expect(refused.json?["environment"] == "sandbox")
        let production = try await EverspringHarness()
        #expect(
            await production.curl(.get, "/products", key: production.admin).headers["Everspring-Environment"] == nil)
    }

    @Test("keys are rate-limited with headers on every response; 429 when spent")
    func rateLimit() async throws {
        let shop = try await EverspringHarness()
        let key = try await shop.keys.create(
            owner: "r1", name: "tight", prefix: "ev_live", permissions: [.read],
            rateLimit: KeyRateLimit(limit: 1, windowSeconds: 60)
        ).secret.plaintext
        let first = await shop.curl(.get, "/inventory", key: key)
        #expect(first.status == 200 && first.headers["X-RateLimit-Remaining"] == "0")
        let limited = await shop.curl(.get, "/inventory", key: key)
        #expect(limited.status == 429 && limited.json?["error"]?["code"] == "rate_limit_exceeded")
        #expect(limited.headers["Retry-After"] != nil)
    }
}
