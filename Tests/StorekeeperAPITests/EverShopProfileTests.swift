import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperCore
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

/// EverShop's admin cookie: `asid=admin-session` is a live admin session, anything else is expired.
struct AdminCookieAuthenticator: APISessionAuthenticator {
    func session(for request: APIRequest) async throws -> APISession? {
        guard let cookie = request.headers["Cookie"], cookie.hasPrefix("asid=") else { return nil }
        guard cookie == "asid=admin-session" else {
            throw APIError(status: 401, code: .invalidCredentials, message: "The admin session has expired.")
        }
        return APISession(id: "admin-session", owner: "store", permissions: [.admin])
    }
}

/// Hands out product ids 00000000-0000-0000-0000-000000000001, ...002, and so on.
final class SequentialIDs: Sendable {
    private let next = Locked(1)

    func id() -> ProductID {
        let number = next.withLock { value in
            defer { value += 1 }
            return value
        }
        let digits = String(number)
        let text = "00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - digits.count) + digits
        return (try? ProductID(text)) ?? ProductID(Int64(number))
    }
}

struct EverShopHarness {
    let clock = ManualClock()
    let catalog: any CatalogStore
    let keys: APIKeyManager
    let pipeline: APIPipeline

    init(catalog: any CatalogStore = InMemoryCatalogStore()) throws {
        self.catalog = catalog
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 5, count: 32))],
            format: try APIKeyFormat(prefixes: EverShopProfile.keyPrefixes),
            clock: clock)
        let ids = SequentialIDs()
        let profile = EverShopProfile(catalog: catalog, sessions: AdminCookieAuthenticator(), newID: { ids.id() })
        pipeline = APIPipeline(
            profile: profile.profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            clock: clock)
    }

    /// `curl -H "Cookie: asid=<your admin cookie>"`, as the seed shows, or a bearer key.
    func curl(
        _ method: HTTPMethod, _ target: String, body: String? = nil, cookie: String? = "asid=admin-session",
        key: String? = nil, headers extra: HTTPHeaders = [:]
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        var headers = extra
        headers.add(name: "Accept", value: "application/json")
        if let cookie { headers.add(name: "Cookie", value: cookie) }
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        let response = await pipeline.handle(
            APIRequest(method: method, target: "/api" + target, headers: headers, body: Array((body ?? "").utf8)))
        return (response.status, response.headers, try? JSONValue(parsing: response.body))
    }

    static func createBody(sku: String = "Q7Oq0kxZIMQ5isUyJRbg", urlKey: String = "Q7Oq0kxZIMQ5isUyJRbg") -> String {
        """
        {"name": "\(sku)", "url_key": "\(urlKey)", "meta_title": "\(sku)", "status": "0", "sku": "\(sku)",
         "price": "43", "weight": 17, "qty": "123", "manage_stock": 1, "stock_availability": "1",
         "group_id": 4, "visibility": 1}
        """
    }
}

@Suite("EverShop profile")
struct EverShopProfileTests {
    @Test("a create with EverShop's lenient types answers in the seed's shape")
    func create() async throws {
        let shop = try EverShopHarness()
        let response = await shop.curl(.post, "/products", body: EverShopHarness.createBody())
        #expect(response.status == 200)
        let data = try #require(response.json?["data"])
        #expect(data["product_id"] == 1 && data["uuid"] == "00000000-0000-0000-0000-000000000001")
        #expect(data["visibility"] == 1 && data["status"] == 0 && data["group_id"] == 4)
        #expect(data["price"]?.number?.text == "43.00" && data["qty"] == 123 && data["weight"] == 17)
        #expect(data["manage_stock"] == 1 && data["stock_availability"] == 1 && data["tax_class"] == .null)
        #expect(data["created_at"] == "2023-11-14 22:13:20" && data["updated_at"] == "2023-11-14 22:13:20")
        #expect(data["product_description_product_id"] == 1 && data["description"] == .null)
        #expect(data["url_key"] == "Q7Oq0kxZIMQ5isUyJRbg" && data["meta_title"] == "Q7Oq0kxZIMQ5isUyJRbg")
        #expect(
            data["links"] == [
                ["rel": "productGrid", "href": "/admin/products", "action": "GET", "types": ["text/xml"]],
                ["rel": "view", "href": "/product/Q7Oq0kxZIMQ5isUyJRbg", "action": "GET", "types": ["text/xml"]],
                [
                    "rel": "edit", "href": "/admin/products/edit/00000000-0000-0000-0000-000000000001",
                    "action": "GET", "types": ["text/xml"],
                ],
            ])
        #expect(response.headers["ETag"] == "\"1\"")
    }

    @Test("a create missing what the seed requires lists every missing member in one 400")
    func missingMembers() async throws {
        let shop = try EverShopHarness()
        let response = await shop.curl(.post, "/products", body: #"{"description": "only this"}"#)
        #expect(response.status == 400 && response.json?["error"]?["status"] == 400)
        let pointers = Set((response.json?["error"]?["errors"]?.array ?? []).compactMap { $0["pointer"]?.string })
        #expect(
            pointers == [
                "/name", "/url_key", "/meta_title", "/status", "/sku", "/price", "/weight", "/qty", "/group_id",
                "/visibility",
            ])
    }

    @Test("EverShop's leniency stops where its document does")
    func invalidValues() async throws {
        let shop = try EverShopHarness()
        let body = EverShopHarness.createBody(urlKey: "has space")
            .replacing(#""status": "0""#, with: #""status": "2""#)
            .replacing(#""price": "43""#, with: #""price": "forty""#)
            .replacing(#""qty": "123""#, with: #""qty": "1.5""#)
        let response = await shop.curl(.post, "/products", body: body)
        let codes = Dictionary(
            uniqueKeysWithValues: (response.json?["error"]?["errors"]?.array ?? []).compactMap { error in
                error["pointer"]?.string.flatMap { pointer in error["code"]?.string.map { (pointer, $0) } }
            })
        #expect(codes["/url_key"] == "pattern_mismatch")
        #expect(codes["/status"] != nil && codes["/price"] != nil && codes["/qty"] != nil)
        let malformed = await shop.curl(.post, "/products", body: "{\"name\": }")
        #expect(malformed.status == 400 && malformed.json?["error"]?["errors"]?[0]?["code"] == "invalid_json")
        #expect(malformed.json?["error"]?["errors"]?[0]?["column"] == 10)
    }

    @Test("a SKU or URL key in use is a 409 naming which")
    func conflicts() async throws {
        let shop = try EverShopHarness()
        _ = await shop.curl(.post, "/products", body: EverShopHarness.createBody(sku: "A1", urlKey: "a-1"))
        let sku = await shop.curl(.post, "/products", body: EverShopHarness.createBody(sku: "A1", urlKey: "a-2"))
        #expect(sku.status == 409 && sku.json?["error"]?["message"]?.string?.contains("sku A1") == true)
        let urlKey = await shop.curl(.post, "/products", body: EverShopHarness.createBody(sku: "A2", urlKey: "a-1"))
        #expect(urlKey.status == 409 && urlKey.json?["error"]?["message"]?.string?.contains("url_key a-1") == true)
        #expect(try await shop.catalog.list(ProductQuery(page: PageRequest(position: .page(1), limit: 10))).total == 1)
    }

    @Test("an update changes only the members sent, honours If-Match, and a product can be fetched in full")
    func updateAndGet() async throws {
        let shop = try EverShopHarness()
        _ = await shop.curl(.post, "/products", body: EverShopHarness.createBody())
        let path = "/products/00000000-0000-0000-0000-000000000001"
        shop.clock.advance(by: .seconds(60))
        let update = await shop.curl(
            .patch, path,
            body: #"""
                {"sku": "skuUpdated", "price": 45, "status": 1, "images": ["https://cdn.example/1.jpg"],
                 "attributes": [{"attribute_code": "color", "value": "red"}, {"attribute_code": "size", "value": ["S", "M"]}],
                 "categories": [3, "sale"],
                 "options": [{"option_name": "Engraving", "option_type": "select", "is_required": "0",
                              "values": [{"value": "Yes", "extra_price": "4.50"}]}]}
                """#)
        #expect(update.status == 200 && update.headers["ETag"] == "\"2\"")
        #expect(update.json?["data"]?["sku"] == "skuUpdated" && update.json?["data"]?["price"]?.number?.text == "45.00")
        #expect(update.json?["data"]?["name"] == "Q7Oq0kxZIMQ5isUyJRbg" && update.json?["data"]?["qty"] == 123)
        #expect(update.json?["data"]?["updated_at"] == "2023-11-14 22:14:20")
        let stale = await shop.curl(.patch, path, body: #"{"name": "x"}"#, headers: ["If-Match": "\"1\""])
        #expect(stale.status == 412)
        let bad = await shop.curl(
            .patch, path, body: #"{"options": [{"option_name": "x", "option_type": "radio", "values": [{}]}]}"#)
        let pointers = Set((bad.json?["error"]?["errors"]?.array ?? []).compactMap { $0["pointer"]?.string })
        #expect(pointers == ["/options/0/option_type", "/options/0/values/0/value", "/options/0/values/0/extra_price"])

        let product = await shop.curl(.get, path)
        let data = try #require(product.json?["data"])
        #expect(data["image"] == "https://cdn.example/1.jpg" && data["images"] == ["https://cdn.example/1.jpg"])
        #expect(
            data["attributes"] == [
                ["attribute_code": "color", "value": "red"], ["attribute_code": "size", "value": ["S", "M"]],
            ])
        #expect(data["categories"] == [3, "sale"])
        #expect(data["options"]?[0]?["values"]?[0]?["extra_price"]?.number?.text == "4.50")
        #expect(data["options"]?[0]?["is_required"] == 0 && data["options"]?[0]?["option_type"] == "select")
        #expect(await shop.curl(.patch, "/products/nope", body: "{}").status == 404)
    }

    @Test("a delete answers with the product's columns and its description nulled; it is gone afterwards")
    func delete() async throws {
        let shop = try EverShopHarness()
        _ = await shop.curl(.post, "/products", body: EverShopHarness.createBody())
        let path = "/products/00000000-0000-0000-0000-000000000001"
        let deleted = await shop.curl(.delete, path)
        #expect(deleted.status == 200 && deleted.json?["data"]?["sku"] == "Q7Oq0kxZIMQ5isUyJRbg")
        #expect(deleted.json?["data"]?["name"] == .null && deleted.json?["data"]?["url_key"] == .null)
        #expect(deleted.json?["data"]?["links"] == nil)
        #expect(await shop.curl(.get, path).status == 404)
        let again = await shop.curl(.delete, path)
        #expect(again.status == 404 && again.json?["error"]?["code"] == "not_found")
    }

    @Test("lists page with total, currentPage, limit and first/last/next/prev links")
    func list() async throws {
        let shop = try EverShopHarness()
        for index in 1...42 {
            _ = await shop.curl(
                .post, "/products", body: EverShopHarness.createBody(sku: "S\(index)", urlKey: "u\(index)"))
        }
        let first = await shop.curl(.get, "/products")
        #expect(first.json?["total"] == 42 && first.json?["currentPage"] == 1 && first.json?["limit"] == 20)
        #expect(first.json?["data"]?.array?.count == 20)
        #expect(
            first.json?["links"] == [
                ["rel": "first", "href": "/api/products?page=1", "action": "GET"],
                ["rel": "last", "href": "/api/products?page=3", "action": "GET"],
                ["rel": "next", "href": "/api/products?page=2", "action": "GET"],
            ])
        let item = try #require(first.json?["data"]?[0])
        #expect(item["name"] == "S1" && item["url_key"] == "u1" && item["description"] == nil)
        #expect(item["links"]?.array?.compactMap { $0["rel"]?.string } == ["view", "edit"])
        let second = await shop.curl(.get, "/products?page=2&limit=20")
        #expect(second.json?["currentPage"] == 2 && second.json?["data"]?[0]?["name"] == "S21")
        #expect(
            second.json?["links"] == [
                ["rel": "first", "href": "/api/products?page=1&limit=20", "action": "GET"],
                ["rel": "last", "href": "/api/products?page=3&limit=20", "action": "GET"],
                ["rel": "next", "href": "/api/products?page=3&limit=20", "action": "GET"],
                ["rel": "prev", "href": "/api/products?page=1&limit=20", "action": "GET"],
            ])
        let last = await shop.curl(.get, "/products?page=3&limit=20")
        #expect(last.json?["data"]?.array?.count == 2)
        #expect(last.json?["links"]?.array?.compactMap { $0["rel"]?.string } == ["first", "last", "prev"])
        #expect(last.headers["Link"]?.contains("rel=\"prev\"") == true)
        #expect(await shop.curl(.get, "/products?limit=0").status == 400)
    }

    @Test("admin sessions and bearer keys are accepted; anything else is 401, a read key cannot write")
    func authentication() async throws {
        let shop = try EverShopHarness()
        #expect(await shop.curl(.get, "/products", cookie: nil).status == 401)
        let expired = await shop.curl(.get, "/products", cookie: "asid=old")
        #expect(expired.status == 401 && expired.json?["error"]?["message"] == "The admin session has expired.")
        let reader = try await shop.keys.create(owner: "store", name: "feed", prefix: "es_live", permissions: [.read])
        #expect(await shop.curl(.get, "/products", cookie: nil, key: reader.secret.plaintext).status == 200)
        let write = await shop.curl(
            .post, "/products", body: EverShopHarness.createBody(), cookie: nil, key: reader.secret.plaintext)
        #expect(write.status == 403 && write.json?["error"]?["code"] == "insufficient_permissions")
    }

    @Test("too many requests are 429 with the rate-limit headers")
    func rateLimit() async throws {
        let shop = try EverShopHarness()
        let key = try await shop.keys.create(
            owner: "store", name: "tight", prefix: "es_live", permissions: [.read],
            rateLimit: KeyRateLimit(limit: 2, windowSeconds: 60)
        ).secret.plaintext
        #expect(await shop.curl(.get, "/products", cookie: nil, key: key).headers["X-RateLimit-Limit"] == "2")
        _ = await shop.curl(.get, "/products", cookie: nil, key: key)
        let limited = await shop.curl(.get, "/products", cookie: nil, key: key)
        #expect(limited.status == 429 && limited.json?["error"]?["code"] == "rate_limit_exceeded")
        #expect(limited.headers["Retry-After"] != nil && limited.headers["X-RateLimit-Remaining"] == "0")
    }

    @Test("a server fault is a 500 in EverShop's error shape with a correlation id")
    func serverFault() async throws {
        let shop = try EverShopHarness(catalog: BrokenCatalogStore())
        let response = await shop.curl(.get, "/products")
        #expect(response.status == 500 && response.json?["error"]?["status"] == 500)
        #expect(response.json?["error"]?["correlationId"]?.string?.hasPrefix("req_") == true)
    }
}
