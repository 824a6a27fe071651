import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storekeeper
import StorekeeperServerApp
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Demo server")
struct DemoServerTests {
    @Test("the key line has one fresh admin key per API, in order")
    func keyLine() async throws {
        let first = try await TestServer()
        let second = try await TestServer()
        #expect(first.server.keyLine.hasPrefix(#"{"shopisync":"sk_live_"#))
        #expect(first.server.apis.map(\.name) == ["shopisync", "spring", "evershop", "everspring", "partner"])
        #expect(Set(first.keys.keys) == ["shopisync", "spring", "evershop", "everspring", "partner"])
        #expect(!first.server.keyLine.contains("\n"))
        #expect(first.keys != second.keys)
    }

    @Test("each API answers on its own base path, by the longest prefix on a segment boundary")
    func dispatch() async throws {
        let demo = try await TestServer()
        let springBasic = Data("\(try demo.key("spring")):".utf8).base64EncodedString()
        try await demo.application.test(.router) { client in
            try await client.execute(
                uri: "/api/external/v1/products?page=1&limit=20&active=true", method: .get,
                headers: try bearer(try demo.key("shopisync"))
            ) { response in
                #expect(response.status == .ok)
                #expect(response.json?["success"] == true)
                #expect(response.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["1001", "1002"])
                #expect(response.headers.value("X-RateLimit-Limit") == "1000")
                #expect(response.headers.value("X-RateLimit-Remaining") == "999")
            }
            try await client.execute(
                uri: "/api/1/product_ids", method: .get,
                headers: try HTTPFields([("Authorization", "Basic \(springBasic)")])
            ) { response in
                #expect(response.status == .ok && response.json == ["product_ids": ["SOMEID123"]])
            }
            try await client.execute(
                uri: "/api/products", method: .get, headers: try bearer(try demo.key("evershop"))
            ) { response in
                #expect(response.status == .ok)
                #expect(
                    Set(response.json?["data"]?.array?.compactMap { $0["sku"]?.string } ?? []) == [
                        "HAT-GREEN", "HAT-PURPLE",
                    ])
            }
            let start = timestamp(Date().addingTimeInterval(-86_400))
            let end = timestamp(Date())
            try await client.execute(
                uri: "/v2/chains/demo-chain/vendors/demo-vendor/orders?start_time=\(start)&end_time=\(end)",
                method: .get,
                headers: try bearer(try demo.key("partner"))
            ) { response in
                #expect(response.status == .ok)
                #expect(response.json?["data"]?.array?.compactMap { $0["id"]?.string } == ["order-1", "order-2"])
            }
            // A key of one API means nothing to another.
            try await client.execute(
                uri: "/api/products", method: .get, headers: try bearer(try demo.key("shopisync"))
            ) { response in
                #expect(response.status == .unauthorized)
            }
            // `/api/10` is EverShop's (a segment boundary), answered in EverShop's envelope.
            try await client.execute(uri: "/api/10", method: .get) { response in
                #expect(response.status == .notFound && response.json?["error"]?["status"] == 404)
            }
            try await client.execute(uri: "/api/external/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound && response.json?["code"] == "NOT_FOUND")
            }
            try await client.execute(uri: "/elsewhere", method: .get) { response in
                #expect(response.status == .notFound && response.json?["status"] == 404)
                #expect(response.headers.value("Content-Type") == "application/problem+json")
            }
        }
    }

    @Test("a body over the limit is 413 in the API's own envelope, or as problem details elsewhere")
    func oversizedBodies() async throws {
        let demo = try await TestServer(configuration: ServerConfiguration(port: 0, maximumBodyBytes: 1024))
        try await demo.application.test(.router) { client in
            let large = body(String(repeating: "x", count: 1025))
            try await client.execute(
                uri: "/api/external/v1/products/1001", method: .put, headers: try bearer(try demo.key("shopisync")),
                body: large
            ) { response in
                #expect(response.status == .contentTooLarge && response.json?["code"] == "PAYLOAD_TOO_LARGE")
            }
            try await client.execute(uri: "/admin/keys/shopisync", method: .post, body: large) { response in
                #expect(response.status == .contentTooLarge && response.json?["status"] == 413)
            }
            try await client.execute(
                uri: "/api/external/v1/products/1001", method: .put, headers: try bearer(try demo.key("shopisync")),
                body: body(#"{"autoReprice": true}"#)
            ) { response in
                #expect(response.status == .ok && response.json?["data"]?["autoReprice"] == true)
            }
        }
    }

    @Test("/openapi/<name>.json serves each API's document, pretty-printed")
    func openAPI() async throws {
        let demo = try await TestServer()
        try await demo.application.test(.router) { client in
            for (name, path) in [
                ("shopisync", "/api/external/v1/products"), ("spring", "/api/1/product_ids"),
                ("evershop", "/api/products"), ("everspring", "/everspring/v1/inventory"),
                ("partner", "/v2/chains/{chainId}/orders/{orderId}"),
            ] {
                try await client.execute(uri: "/openapi/\(name).json", method: .get) { response in
                    #expect(response.status == .ok, "\(name)")
                    #expect(response.headers.value("Content-Type") == "application/json")
                    #expect(String(buffer: response.body).hasPrefix("{\n  \"openapi\": \"3.1.0\""), "\(name)")
                    #expect(response.json?["paths"]?[path] != nil, "\(name) \(path)")
                }
            }
            try await client.execute(uri: "/openapi/nope.json", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/openapi/spring.json", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }
}

@Suite("Admin key endpoint")
struct AdminKeyEndpointTests {
    static let limited = #"{"name": "ci", "permissions": ["read"], "rateLimit": {"limit": 3, "windowSeconds": 60}}"#

    @Test("an admin key creates a rate-limited key, whose fourth request is 429")
    func createLimitedKey() async throws {
        let demo = try await TestServer()
        try await demo.application.test(.router) { client in
            let created = try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: try bearer(try demo.key("shopisync")),
                body: body(Self.limited))
            #expect(created.status == .created)
            #expect(created.headers.value("Cache-Control") == "no-store")
            let key = try #require(created.json?["key"]?.string)
            #expect(key.hasPrefix("sk_live_") && created.json?["id"]?.string?.hasPrefix("key_") == true)
            var statuses: [Int] = []
            for _ in 1...4 {
                let response = try await client.execute(
                    uri: "/api/external/v1/products", method: .get, headers: try bearer(key))
                statuses.append(response.status.code)
                #expect(response.headers.value("X-RateLimit-Limit") == "3")
            }
            #expect(statuses == [200, 200, 200, 429])
            // The new key reads, and only reads.
            try await client.execute(
                uri: "/api/external/v1/products/1001", method: .put, headers: try bearer(key), body: body("{}")
            ) { response in
                #expect(response.status == .forbidden || response.status == .tooManyRequests)
            }
        }
    }

    @Test("every API's admin key creates keys of its own API for its own owner")
    func everyAPI() async throws {
        let demo = try await TestServer()
        try await demo.application.test(.router) { client in
            for (name, prefix) in [
                ("shopisync", "sk_live_"), ("spring", "spring_"), ("evershop", "es_live_"), ("everspring", "ev_live_"),
                ("partner", "po_live_"),
            ] {
                try await client.execute(
                    uri: "/admin/keys/\(name)", method: .post, headers: try bearer(try demo.key(name)),
                    body: body(#"{"name": "reader"}"#)
                ) { response in
                    #expect(response.status == .created, "\(name)")
                    #expect(response.json?["key"]?.string?.hasPrefix(prefix) == true, "\(name)")
                }
            }
            let created = try await client.execute(
                uri: "/admin/keys/partner", method: .post, headers: try bearer(try demo.key("partner")),
                body: body(#"{"name": "orders", "permissions": ["read"]}"#))
            let token = try #require(created.json?["key"]?.string)
            let start = timestamp(Date().addingTimeInterval(-86_400))
            let end = timestamp(Date())
            try await client.execute(
                uri: "/v2/chains/demo-chain/vendors/demo-vendor/orders?start_time=\(start)&end_time=\(end)",
                method: .get, headers: try bearer(token)
            ) { response in
                #expect(response.status == .ok && response.json?["data"]?.array?.count == 2)
            }
        }
    }

    @Test("no key is 401, a key that is not an admin's is 403, another API's admin key is 401")
    func authentication() async throws {
        let demo = try await TestServer()
        try await demo.application.test(.router) { client in
            try await client.execute(uri: "/admin/keys/shopisync", method: .post, body: body(Self.limited)) {
                response in
                #expect(response.status == .unauthorized && response.json?["status"] == 401)
                #expect(response.headers.value("WWW-Authenticate") == "Bearer")
            }
            try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: try bearer(try demo.key("evershop")),
                body: body(Self.limited)
            ) { response in
                #expect(response.status == .unauthorized)
            }
            let reader = try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: try bearer(try demo.key("shopisync")),
                body: body(#"{"name": "reader"}"#))
            let key = try #require(reader.json?["key"]?.string)
            try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: try bearer(key), body: body(Self.limited)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("bodies are validated in full; a key's own rate limit works even where the API documents none")
    func validation() async throws {
        let demo = try await TestServer()
        try await demo.application.test(.router) { client in
            let headers = try bearer(try demo.key("shopisync"))
            try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: headers,
                body: body(#"{"permissions": ["root"], "rateLimit": {"limit": 0}, "extra": 1}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let pointers = Set(response.json?["errors"]?.array?.compactMap { $0["pointer"]?.string } ?? [])
                #expect(
                    pointers == ["/name", "/permissions/0", "/rateLimit/limit", "/rateLimit/windowSeconds", "/extra"])
            }
            try await client.execute(
                uri: "/admin/keys/shopisync", method: .post, headers: headers, body: body("{not json")
            ) { response in
                #expect(response.status == .badRequest && response.json?["errors"]?[0]?["code"] == "invalid_json")
            }
            var limitedSpringKey: String?
            try await client.execute(
                uri: "/admin/keys/spring", method: .post, headers: try bearer(try demo.key("spring")),
                body: body(Self.limited)
            ) { response in
                #expect(response.status == .created)
                limitedSpringKey = response.json?["key"]?.string
            }
            let springKey = try #require(limitedSpringKey)
            var basic = HTTPFields()
            basic[.authorization] = "Basic " + Data("\(springKey):".utf8).base64EncodedString()
            for expected in [HTTPResponse.Status.ok, .ok, .ok, .tooManyRequests] {
                try await client.execute(uri: "/api/1/product_ids", method: .get, headers: basic) { response in
                    #expect(response.status == expected)
                }
            }
            try await client.execute(uri: "/admin/keys/shopisync", method: .get, headers: headers) { response in
                #expect(response.status == .methodNotAllowed && response.headers.value("Allow") == "POST")
            }
            try await client.execute(uri: "/admin/keys/nope", method: .post, headers: headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
