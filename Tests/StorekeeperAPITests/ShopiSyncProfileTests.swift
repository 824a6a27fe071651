import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperRateLimit
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// ShopiSync over in-memory stores: two shops, a few products with competitors and history.
struct ShopiSyncHarness {
    let clock = ManualClock()
    let catalog = InMemoryCatalogStore()
    let history = InMemoryPriceHistoryStore()
    let keys: APIKeyManager
    let pipeline: APIPipeline

    init() async throws {
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 9, count: 32))],
            format: try APIKeyFormat(prefixes: ShopiSyncProfile.keyPrefixes),
            clock: clock)
        let profile = ShopiSyncProfile(catalog: catalog, priceHistory: history) { owner in
            owner == "shop_1" ? ShopiSyncShop(domain: "cathats.myshopify.com", plan: "enterprise") : nil
        }.profile
        pipeline = APIPipeline(
            profile: profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()), clock: clock)
        let start = clock.now
        for (number, title, owner, price, active) in [
            (42, "Cathat", "shop_1", "24.99", true), (43, "Doghat", "shop_1", "19.00", false),
            (44, "Foreign hat", "shop_2", "5.00", true),
        ] {
            var product = Product(
                id: ProductID(Int64(number)), owner: owner, title: title,
                variants: [Variant(sku: try SKU("SKU-\(number)"), price: try Money(parsing: price, currency: .usd))],
                isActive: active,
                pricing: try PricingSettings(minPrice: try Money(parsing: "10.00", currency: .usd), autoReprice: false))
            if number == 42 {
                product.competitors = [
                    Competitor(
                        id: "c1", name: "Hat Barn", url: "https://hatbarn.example/cathat",
                        currentPrice: try Money(parsing: "23.50", currency: .usd), checkedAt: start),
                    Competitor(id: "c2", name: "Hats R Us", currentPrice: try Money(parsing: "25.00", currency: .usd)),
                ]
            }
            _ = try await catalog.upsert(product, condition: .insertOnly, now: start)
        }
        // 12 price changes of product 42, one per day over the last 12 days (the newest 2 hours ago).
        for day in 0..<12 {
            let point = PricePoint(
                price: try Money(parsing: "2\(day % 10).99", currency: .usd),
                recordedAt: start.addingTimeInterval(-7200 - Double(day) * 86_400), reason: "undercut")
            try await history.record(point, productID: ProductID(42), owner: "shop_1")
        }
    }

    func key(
        _ permissions: PermissionSet, owner: String = "shop_1", expiresAt: Date? = nil,
        allowlist: IPAllowlist = IPAllowlist(), rateLimit: KeyRateLimit? = nil
    ) async throws -> IssuedAPIKey {
        try await keys.create(
            owner: owner, name: "integration", prefix: "sk_live", permissions: permissions, allowlist: allowlist,
            rateLimit: rateLimit, expiresAt: expiresAt)
    }

    /// Sends a request the way the seed's curl examples do.
    func curl(
        _ method: HTTPMethod, _ target: String, key: String?, body: String? = nil, headers extra: HTTPHeaders = [:],
        from address: String? = nil
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        var headers = extra
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let response = await pipeline.handle(
            APIRequest(
                method: method, target: "/api/external/v1" + target, headers: headers, body: Array((body ?? "").utf8),
                clientAddress: address.flatMap(IPAddress.init)))
        return (response.status, response.headers, try? JSONValue(parsing: response.body))
    }
}

@Suite("ShopiSync profile")
struct ShopiSyncProfileTests {
    @Test("the seed's curl examples: list, update, price history")
    func seedExamples() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.write]).secret.plaintext

        let list = await shop.curl(.get, "/products?page=1&limit=20&active=true", key: key)
        #expect(list.status == 200 && list.json?["success"] == true)
        #expect(list.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["42"])
        #expect(list.json?["pagination"] == ["page": 1, "limit": 20, "total": 1, "totalPages": 1])

        let update = await shop.curl(.put, "/products/42", key: key, body: #"{"minPrice": 19.99, "autoReprice": true}"#)
        #expect(update.status == 200 && update.json?["success"] == true)
        #expect(update.json?["data"]?["minPrice"]?.number?.text == "19.99")
        #expect(update.json?["data"]?["autoReprice"] == true)
        #expect(update.json?["data"]?["active"] == true)

        let history = await shop.curl(.get, "/price-history/42?days=7", key: key)
        #expect(history.status == 200)
        #expect(history.json?["data"]?.array?.count == 7)
        #expect(history.json?["data"]?[0]?["price"]?.number?.text == "20.99")
        #expect(
            history.json?["data"]?[0]?["recordedAt"]
                == .string(InternetDateTime.format(shop.clock.now.addingTimeInterval(-7200))))
    }

    @Test("lists page with the seed's defaults and show each product with its competitors")
    func listing() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.read]).secret.plaintext
        let all = await shop.curl(.get, "/products", key: key)
        #expect(all.json?["pagination"] == ["page": 1, "limit": 50, "total": 2, "totalPages": 1])
        let product = try #require(all.json?["data"]?[0])
        #expect(product["id"] == "42" && product["title"] == "Cathat" && product["currency"] == "USD")
        #expect(product["currentPrice"]?.number?.text == "24.99" && product["minPrice"]?.number?.text == "10.00")
        #expect(product["maxPrice"] == .null && product["autoReprice"] == false)
        #expect(product["competitors"]?.array?.compactMap { $0["name"]?.string } == ["Hat Barn", "Hats R Us"])
        #expect(product["competitors"]?[0]?["currentPrice"]?.number?.text == "23.50")
        let inactive = await shop.curl(.get, "/products?active=false", key: key)
        #expect(inactive.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["43"])
        let second = await shop.curl(.get, "/products?page=2&limit=1", key: key)
        #expect(second.json?["data"]?[0]?["id"] == "43")
        #expect(second.json?["pagination"] == ["page": 2, "limit": 1, "total": 2, "totalPages": 2])
        for bad in ["/products?active=yes", "/products?page=0", "/products?limit=abc", "/products?limit=0"] {
            let response = await shop.curl(.get, bad, key: key)
            #expect(response.status == 400 && response.json?["code"] == "VALIDATION_ERROR", "\(bad)")
            #expect(response.json?["details"]?[0]?["pointer"] != nil, "\(bad)")
        }
    }

    @Test("a product comes with competitors, its last 10 price changes and an ETag")
    func singleProduct() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.read]).secret.plaintext
        let response = await shop.curl(.get, "/products/42", key: key)
        #expect(response.status == 200 && response.headers["ETag"] == "\"1\"")
        let history = try #require(response.json?["data"]?["priceHistory"]?.array)
        #expect(history.count == 10)
        #expect(history.first?["price"]?.number?.text == "20.99" && history.last?["price"]?.number?.text == "29.99")
        #expect(response.json?["data"]?["competitors"]?.array?.count == 2)
    }

    @Test("another shop's product, a deleted one and an unknown one are 404")
    func notFound() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.admin]).secret.plaintext
        _ = try await shop.catalog.delete(id: ProductID(43), expectedVersion: nil, now: shop.clock.now)
        for target in ["/products/44", "/products/43", "/products/999", "/price-history/44"] {
            let response = await shop.curl(.get, target, key: key)
            #expect(response.status == 404, "\(target)")
            #expect(
                response.json == ["error": "Product not found or does not belong to your shop", "code": "NOT_FOUND"])
        }
        #expect(await shop.curl(.put, "/products/44", key: key, body: #"{"active": false}"#).status == 404)
        #expect(await shop.curl(.get, "/nothing", key: key).status == 404)
    }

    @Test("an update changes only the fields sent, validates all of them, and honours If-Match")
    func updates() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.write]).secret.plaintext
        let off = await shop.curl(.put, "/products/42", key: key, body: #"{"active": false, "maxPrice": 30}"#)
        #expect(off.status == 200 && off.headers["ETag"] == "\"2\"")
        #expect(off.json?["data"]?["active"] == false && off.json?["data"]?["maxPrice"]?.number?.text == "30.00")
        #expect(off.json?["data"]?["minPrice"]?.number?.text == "10.00")
        let stored = try #require(try await shop.catalog.product(id: ProductID(42)))
        #expect(
            !stored.isActive && stored.pricing?.isActive == false && stored.pricing?.maxPrice?.amountText == "30.00")

        let invalid = await shop.curl(
            .put, "/products/42", key: key, body: #"{"minPrice": -1, "autoReprice": "yes", "minprice": 3}"#)
        #expect(invalid.status == 400 && invalid.json?["code"] == "VALIDATION_ERROR")
        let pointers = invalid.json?["details"]?.array?.compactMap { $0["pointer"]?.string }.sorted()
        #expect(pointers == ["/autoReprice", "/minPrice", "/minprice"])

        let crossed = await shop.curl(.put, "/products/42", key: key, body: #"{"minPrice": 40}"#)
        #expect(crossed.status == 400 && crossed.json?["details"]?[0]?["code"] == "minimum_above_maximum")
        let fine = await shop.curl(.put, "/products/42", key: key, body: #"{"costPrice": 1.999}"#)
        #expect(fine.status == 400 && fine.json?["details"]?[0]?["pointer"] == "/costPrice")
        let notJSON = await shop.curl(.put, "/products/42", key: key, body: #"{"minPrice": 19.99,}"#)
        #expect(notJSON.status == 400 && notJSON.json?["details"]?[0]?["code"] == "invalid_json")

        let stale = await shop.curl(.put, "/products/42", key: key, body: "{}", headers: ["If-Match": "\"1\""])
        #expect(stale.status == 412 && stale.json?["code"] == "PRECONDITION_FAILED")
        let current = await shop.curl(.put, "/products/42", key: key, body: "{}", headers: ["If-Match": "\"2\""])
        #expect(current.status == 200 && current.headers["ETag"] == "\"3\"")
    }

    @Test("competitors list every product's competitors with the product's id, title and current price")
    func competitors() async throws {
        let shop = try await ShopiSyncHarness()
        let response = await shop.curl(.get, "/competitors", key: try await shop.key([.read]).secret.plaintext)
        let first = try #require(response.json?["data"]?[0])
        #expect(response.json?["data"]?.array?.count == 2)
        #expect(first["name"] == "Hat Barn" && first["url"] == "https://hatbarn.example/cathat")
        #expect(first["lastChecked"] == .string(InternetDateTime.format(shop.clock.now)))
        #expect(first["product"]?["id"] == "42" && first["product"]?["title"] == "Cathat")
        #expect(first["product"]?["currentPrice"]?.number?.text == "24.99")
    }

    @Test("stats count the shop's products, competitors and last-24-hour price changes")
    func stats() async throws {
        let shop = try await ShopiSyncHarness()
        let response = await shop.curl(.get, "/stats", key: try await shop.key([.read]).secret.plaintext)
        #expect(
            response.json?["data"] == [
                "totalProducts": 2, "activeProducts": 1, "totalCompetitors": 2, "priceChangesLast24h": 1,
                "plan": "enterprise", "shopDomain": "cathats.myshopify.com",
            ])
        let other = await shop.curl(.get, "/stats", key: try await shop.key([.read], owner: "shop_2").secret.plaintext)
        #expect(other.json?["data"]?["totalProducts"] == 1 && other.json?["data"]?["plan"] == .null)
    }

    @Test("the webhook test echoes the body with a timestamp and needs write")
    func webhookTest() async throws {
        let shop = try await ShopiSyncHarness()
        let writer = try await shop.key([.write]).secret.plaintext
        let echo = await shop.curl(.post, "/webhooks/test", key: writer, body: #"{"ping": [1, 2.50]}"#)
        #expect(echo.status == 200)
        #expect(echo.json?["data"]?["echo"] == ["ping": [1, .number(JSONNumber(text: "2.50")!)]])
        #expect(echo.json?["data"]?["timestamp"] == .string(InternetDateTime.format(shop.clock.now)))
        let reader = await shop.curl(
            .post, "/webhooks/test", key: try await shop.key([.read]).secret.plaintext, body: "{}")
        #expect(reader.status == 403)
        #expect(reader.json?["code"] == "INSUFFICIENT_PERMISSIONS")
        #expect(
            await shop.curl(.put, "/products/42", key: try await shop.key([.admin]).secret.plaintext, body: "{}").status
                == 200)
    }

    @Test("missing, unknown, expired and revoked keys are 401 INVALID_API_KEY with the seed's body")
    func invalidKeys() async throws {
        let shop = try await ShopiSyncHarness()
        let expiring = try await shop.key([.read], expiresAt: shop.clock.now.addingTimeInterval(3600))
        let revoked = try await shop.key([.read])
        try await shop.keys.revoke(id: revoked.record.id)
        #expect(await shop.curl(.get, "/stats", key: expiring.secret.plaintext).status == 200)
        shop.clock.advance(by: .seconds(3600))
        let seedBody: JSONValue = ["error": "Invalid or expired API key", "code": "INVALID_API_KEY"]
        for key in [nil, "sk_live_your-api-key-here", expiring.secret.plaintext, revoked.secret.plaintext] {
            let response = await shop.curl(.get, "/stats", key: key)
            #expect(response.status == 401 && response.json == seedBody, "\(key ?? "no key")")
        }
    }

    @Test("a key used from an address outside its whitelist is 403 IP_NOT_ALLOWED")
    func allowlist() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key(
            [.read], allowlist: IPAllowlist(networks: [IPNetwork("203.0.113.0/24")].compactMap { $0 }))
        let outside = await shop.curl(.get, "/products", key: key.secret.plaintext, from: "198.51.100.20")
        #expect(outside.status == 403 && outside.json?["code"] == "IP_NOT_ALLOWED")
        #expect(outside.headers["X-RateLimit-Limit"] == "1000")
        #expect(await shop.curl(.get, "/products", key: key.secret.plaintext, from: "203.0.113.7").status == 200)
    }

    @Test("the 1,001st request in an hour is 429 RATE_LIMIT_EXCEEDED; every response has the X-RateLimit headers")
    func rateLimit() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.read]).secret.plaintext
        for index in 1...1000 {
            let response = await shop.curl(.get, "/stats", key: key)
            guard response.status == 200, response.headers["X-RateLimit-Remaining"] == String(1000 - index) else {
                Issue.record("request \(index): \(response.status) \(response.headers)")
                return
            }
        }
        let limited = await shop.curl(.get, "/stats", key: key)
        #expect(limited.status == 429 && limited.json?["code"] == "RATE_LIMIT_EXCEEDED")
        #expect(limited.headers["X-RateLimit-Limit"] == "1000" && limited.headers["X-RateLimit-Remaining"] == "0")
        // The units free when their 36-second bucket leaves the hour: within 36 s after an hour.
        let wait = try #require(limited.headers["Retry-After"].flatMap { Int64($0) })
        #expect((3600...3636).contains(wait))
        #expect(
            limited.headers["X-RateLimit-Reset"]
                == InternetDateTime.format(shop.clock.now.addingTimeInterval(Double(wait))))
        shop.clock.advance(by: .seconds(wait - 1))
        #expect(await shop.curl(.get, "/stats", key: key).status == 429)
        shop.clock.advance(by: .seconds(1))
        #expect(await shop.curl(.get, "/stats", key: key).status == 200)
    }

    @Test("a key's own rate limit replaces the default")
    func keyRateLimit() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.read], rateLimit: KeyRateLimit(limit: 2, windowSeconds: 60)).secret.plaintext
        #expect(await shop.curl(.get, "/stats", key: key).headers["X-RateLimit-Limit"] == "2")
        #expect(await shop.curl(.get, "/stats", key: key).status == 200)
        #expect(await shop.curl(.get, "/stats", key: key).status == 429)
    }

    @Test("dashboard operations: a rotated key is revoked at once, the new one works, usage is counted")
    func keyManagement() async throws {
        let shop = try await ShopiSyncHarness()
        let old = try await shop.key([.read])
        #expect(String(describing: old.secret).contains("<redacted>"))
        #expect(await shop.curl(.get, "/stats", key: old.secret.plaintext).status == 200)
        let rotated = try await shop.keys.rotate(id: old.record.id)
        #expect(await shop.curl(.get, "/stats", key: old.secret.plaintext).status == 401)
        #expect(await shop.curl(.get, "/stats", key: rotated.secret.plaintext).status == 200)
        #expect(await shop.curl(.get, "/nothing", key: rotated.secret.plaintext).status == 404)
        let usage = try await shop.keys.usage(keyID: rotated.record.id)
        #expect(usage.totalRequests == 1)
        let oldUsage = try await shop.keys.usage(keyID: old.record.id)
        #expect(oldUsage.totalRequests == 2 && oldUsage.clientErrors == 1)
        try await shop.keys.revoke(id: rotated.record.id)
        #expect(await shop.curl(.get, "/stats", key: rotated.secret.plaintext).status == 401)
    }
}
