import StorekeeperAPI
import StorekeeperCatalog
@_spi(StorekeeperInternal) import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperRateLimit
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A catalogue whose every call fails, to provoke a server fault.
struct BrokenCatalogStore: CatalogStore {
    struct Outage: Error {}
    func product(id: ProductID) async throws -> Product? { throw Outage() }
    func product(sku: SKU) async throws -> Product? { throw Outage() }
    func upsert(_ product: Product, condition: WritePrecondition, now: Date) async throws -> Product { throw Outage() }
    func delete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product { throw Outage() }
    func undelete(id: ProductID, expectedVersion: Int64?, now: Date) async throws -> Product { throw Outage() }
    func list(_ query: ProductQuery) async throws -> Page<Product> { throw Outage() }
}

/// Spring over in-memory stores, with the seed's legacy key `f45h10nw33k` for vendor 2525.
struct SpringHarness {
    let clock = ManualClock()
    let catalog: any CatalogStore
    let keys: APIKeyManager
    let profile: SpringProfile
    let pipeline: APIPipeline

    init(catalog: any CatalogStore = InMemoryCatalogStore()) async throws {
        self.catalog = catalog
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 3, count: 32))],
            format: try APIKeyFormat(prefixes: ["spring"]),
            clock: clock,
            legacyKeys: .accepted)
        profile = SpringProfile(catalog: catalog)
        pipeline = APIPipeline(profile: profile.profile, keys: keys, clock: clock)
        _ = try await keys.importKey("f45h10nw33k", owner: "2525", name: "seed key", permissions: [.write])
    }

    /// `curl -u "<key>:"`, as the seed shows.
    func curl(
        _ method: HTTPMethod, _ path: String, user: String? = "f45h10nw33k", body: String? = nil
    ) async
        -> (status: Int, json: JSONValue?)
    {
        var headers = HTTPHeaders()
        if let user {
            headers.add(name: "Authorization", value: "Basic " + Base64.encode(Array("\(user):".utf8)))
        }
        let response = await pipeline.handle(
            APIRequest(method: method, target: "/api/1" + path, headers: headers, body: Array((body ?? "").utf8)))
        return (response.status, try? JSONValue(parsing: response.body))
    }

    func productIDs(user: String = "f45h10nw33k") async -> [String]? {
        await curl(.get, "/product_ids", user: user).json?["product_ids"]?.array?.compactMap(\.string)
    }
}

@Suite("Spring profile")
struct SpringProfileTests {
    /// The body of the seed's `curl -X PUT .../api/1/product`, exactly as printed.
    static let printedBody = """

        {
            "vendor_id": 2525,
            "product": {
                "id": "SOMEID123",
                "title": "Cathat",
                "description": "A Hat for a Cat!",
                "tags": ["hats", "cats", "headgear"]
                "active": true,
                "purchasable": true,
                "variants": [
                    {
                        "available_inventory": 1000,
                        "price": "14.95",
                        "sku": "162636740101",
                        "image_urls": [
                            "http://example.com/images/cathat1,1.jpg",
                            "http://example.com/images/cathat1,2.jpg",
                            "http://example.com/images/cathat1,3.jpg"
                        ],
                        "attributes": {
                            "color": "Green",
                            "size": "ONESIZE",
                        }
                    },
                    {
                        "available_inventory": 1000,
                        "price": "14.95",
                        "sku": "162080212940",
                        "image_urls": [
                            "http://example.com/images/cathat2,1.jpg",
                            "http://example.com/images/cathat2,2.jpg",
                            "http://example.com/images/cathat2,3.jpg"
                        ],
                        "attributes": {
                            "color": "Purple",
                            "size": "ONESIZE",
                        }
                    }
                ]
            }
        }
        """

    /// The printed body with its syntax repaired (the comma after `tags`, no trailing commas).
    static let repairedSyntax =
        printedBody
        .replacing(#""headgear"]"#, with: #""headgear"],"#)
        .replacing(#""ONESIZE","#, with: #""ONESIZE""#)

    /// The repaired body with the members the seed's schema table requires and the example omits.
    static func corrected(id: String = "SOMEID123", secondPrice: String = "14.95") -> String {
        var text =
            repairedSyntax
            .replacing(#""SOMEID123""#, with: "\"\(id)\"")
            .replacing(
                #""purchasable": true,"#,
                with:
                    #""purchasable": true, "external_brand": null, "affiliate_url": "http://example.com/cathat", "photo_urls": [],"#
            )
            .replacing(#""sku": "162636740101","#, with: #""sku": "162636740101", "size": "Green ONESIZE","#)
            .replacing(#""sku": "162080212940","#, with: #""sku": "162080212940", "size": "Purple ONESIZE","#)
        if let sku = text.firstRange(of: "162080212940"), let price = text[..<sku.lowerBound].ranges(of: "14.95").last {
            text.replaceSubrange(price, with: secondPrice)
        }
        // SKUs are unique across the catalogue: another product gets its own.
        return id == "SOMEID123" ? text : text.replacing("\"162", with: "\"" + id + "-")
    }

    @Test("the seed's Basic credential (the key as user name, empty password) is accepted")
    func seedCredential() async throws {
        let spring = try await SpringHarness()
        let response = await spring.pipeline.handle(
            APIRequest(method: .get, target: "/api/1/product_ids", headers: ["Authorization": "Basic ZjQ1aDEwbnczM2s6"])
        )
        #expect(response.status == 200)
        #expect(try JSONValue(parsing: response.body) == ["product_ids": []])
    }

    @Test("no key is 400, a wrong key is 403, each with exception details")
    func keyErrors() async throws {
        let spring = try await SpringHarness()
        let missing = await spring.curl(.get, "/product_ids", user: nil)
        #expect(
            missing.status == 400 && missing.json?["exception"] == "MissingAPIKey" && missing.json?["status"] == 400)
        #expect(missing.json?["message"]?.string?.isEmpty == false)
        for user in ["wrongkey123", "f45h10nw33k:password"] {
            let wrong = await spring.curl(.get, "/product_ids", user: user)
            #expect(wrong.status == 403 && wrong.json?["exception"] == "InvalidAPIKey", "\(user)")
        }
    }

    @Test("a server fault is 500 with exception details and a correlation id, no internals")
    func serverFault() async throws {
        let spring = try await SpringHarness(catalog: BrokenCatalogStore())
        let response = await spring.curl(.get, "/product_ids")
        #expect(response.status == 500 && response.json?["exception"] == "InternalServerError")
        #expect(response.json?["correlation_id"]?.string?.hasPrefix("req_") == true)
        #expect(response.json?["message"]?.string?.contains("Outage") == false)
    }

    @Test("the seed's PUT body as printed is refused with the line and column of the missing comma")
    func printedSample() async throws {
        let spring = try await SpringHarness()
        let response = await spring.curl(.put, "/product", body: Self.printedBody)
        #expect(response.status == 400 && response.json?["exception"] == "ValidationError")
        let error = try #require(response.json?["errors"]?[0])
        #expect(error["code"] == "invalid_json" && error["line"] == 9 && error["column"] == 9)
    }

    @Test("with its syntax repaired, the sample still lacks what the schema table requires: every gap is listed")
    func repairedSample() async throws {
        let spring = try await SpringHarness()
        let response = await spring.curl(.put, "/product", body: Self.repairedSyntax)
        #expect(response.status == 400)
        let pointers = Set((response.json?["errors"]?.array ?? []).compactMap { $0["pointer"]?.string })
        #expect(
            pointers == [
                "/product/external_brand", "/product/affiliate_url", "/product/photo_urls", "/product/variants/0/size",
                "/product/variants/1/size",
            ])
    }

    @Test("the corrected sample creates the product; a second PUT updates it; product_ids lists it")
    func upsert() async throws {
        let spring = try await SpringHarness()
        let created = await spring.curl(.put, "/product", body: Self.corrected())
        #expect(created.status == 200 && created.json == ["id": "SOMEID123", "status": "created"])
        let stored = try #require(try await spring.catalog.product(id: ProductID("SOMEID123")))
        #expect(stored.title == "Cathat" && stored.variants.map(\.sku.rawValue) == ["162636740101", "162080212940"])
        #expect(stored.variants.first?.price.amountText == "14.95" && stored.variants.first?.quantity == 1000)
        let updated = await spring.curl(.put, "/product", body: Self.corrected().replacing("Cathat", with: "Cat hat"))
        #expect(updated.json?["status"] == "updated")
        #expect(try await spring.catalog.product(id: ProductID("SOMEID123"))?.title == "Cat hat")
        #expect(await spring.productIDs() == ["SOMEID123"])
    }

    @Test("two variants at different prices are refused: Spring allows one price per product")
    func differentPrices() async throws {
        let spring = try await SpringHarness()
        let response = await spring.curl(.put, "/product", body: Self.corrected(secondPrice: "12.00"))
        #expect(response.status == 400)
        #expect(response.json?["errors"]?[0]?["code"] == "price_mismatch")
        #expect(response.json?["errors"]?[0]?["pointer"] == "/product/variants")
        #expect(try await spring.catalog.product(id: ProductID("SOMEID123")) == nil)
    }

    @Test("product_ids lists only the products created with the calling key; other keys cannot touch them")
    func ownership() async throws {
        let spring = try await SpringHarness()
        let other = try await spring.keys.create(
            owner: "2525", name: "second system", prefix: "spring", permissions: [.write])
        let otherKey = other.secret.plaintext
        #expect(await spring.curl(.put, "/product", body: Self.corrected()).status == 200)
        #expect(await spring.curl(.put, "/product", user: otherKey, body: Self.corrected(id: "OTHER1")).status == 200)
        #expect(await spring.productIDs() == ["SOMEID123"])
        #expect(await spring.productIDs(user: otherKey) == ["OTHER1"])
        let takeover = await spring.curl(.put, "/product", user: otherKey, body: Self.corrected())
        #expect(takeover.status == 403)
        #expect(await spring.curl(.delete, "/product/SOMEID123", user: otherKey).status == 404)
        let foreign = try await spring.keys.create(
            owner: "9999", name: "another brand", prefix: "spring", permissions: [.write])
        let wrongVendor = await spring.curl(
            .put, "/product", user: foreign.secret.plaintext, body: Self.corrected(id: "X"))
        #expect(wrongVendor.status == 403)
    }

    @Test("DELETE removes a product; PUT undeletes it")
    func deleteAndUndelete() async throws {
        let spring = try await SpringHarness()
        _ = await spring.curl(.put, "/product", body: Self.corrected())
        let deleted = await spring.curl(.delete, "/product/SOMEID123")
        #expect(deleted.status == 200 && deleted.json == ["id": "SOMEID123", "status": "deleted"])
        #expect(await spring.productIDs() == [])
        #expect(await spring.curl(.delete, "/product/SOMEID123").status == 404)
        let back = await spring.curl(.put, "/product", body: Self.corrected())
        #expect(back.json?["status"] == "undeleted")
        #expect(await spring.productIDs() == ["SOMEID123"])
    }

    @Test("a product not updated for 3 days stops being served, is swept, and a PUT brings it back")
    func staleness() async throws {
        let spring = try await SpringHarness()
        _ = await spring.curl(.put, "/product", body: Self.corrected())
        _ = await spring.curl(.put, "/product", body: Self.corrected(id: "FRESH1"))
        spring.clock.advance(by: .seconds(3 * 86_400 - 1))
        #expect(await spring.productIDs() == ["FRESH1", "SOMEID123"])
        _ = await spring.curl(.put, "/product", body: Self.corrected(id: "FRESH1"))
        spring.clock.advance(by: .seconds(1))
        #expect(await spring.productIDs() == ["FRESH1"])
        #expect(try await spring.profile.sweepStaleProducts(now: spring.clock.now) == [try ProductID("SOMEID123")])
        #expect(try await spring.catalog.product(id: ProductID("SOMEID123"))?.isDeleted == true)
        #expect(try await spring.profile.sweepStaleProducts(now: spring.clock.now) == [])
        let back = await spring.curl(.put, "/product", body: Self.corrected())
        #expect(back.json?["status"] == "undeleted")
        #expect(await spring.productIDs() == ["FRESH1", "SOMEID123"])
    }

    @Test("unknown paths and methods answer in Spring's error shape")
    func routing() async throws {
        let spring = try await SpringHarness()
        let missing = await spring.curl(.get, "/products")
        #expect(missing.status == 404 && missing.json?["exception"] == "NotFound")
        let method = await spring.curl(.post, "/product", body: "{}")
        #expect(method.status == 405 && method.json?["exception"] == "MethodNotAllowed")
    }

    @Test("a key's own rate limit applies although Spring documents none")
    func keyRateLimit() async throws {
        let clock = ManualClock()
        let keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 3, count: 32))],
            format: try APIKeyFormat(prefixes: ["spring"]), clock: clock)
        let pipeline = APIPipeline(
            profile: SpringProfile(catalog: InMemoryCatalogStore()).profile, keys: keys,
            rateLimiter: RateLimiter(store: InMemoryRateLimitStore()), clock: clock)
        let key = try await keys.create(
            owner: "2525", name: "tight", prefix: "spring", permissions: [.write],
            rateLimit: KeyRateLimit(limit: 1, windowSeconds: 60)
        ).secret.plaintext
        let request = APIRequest(
            method: .get, target: "/api/1/product_ids",
            headers: ["Authorization": "Basic " + Base64.encode(Array("\(key):".utf8))])
        let first = await pipeline.handle(request)
        #expect(first.status == 200 && first.headers["RateLimit-Policy"] == "\"key\";q=1;w=60")
        #expect(await pipeline.handle(request).status == 429)
    }
}
