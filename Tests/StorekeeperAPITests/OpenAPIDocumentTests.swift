import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperSchema
import StorekeeperTesting
import Testing

@Suite("OpenAPI documents")
struct OpenAPIDocumentTests {
    static func profiles() async throws -> [APIProfile] {
        let catalog = InMemoryCatalogStore()
        let everspring = try await EverspringHarness()
        return [
            ShopiSyncProfile(catalog: catalog, priceHistory: InMemoryPriceHistoryStore()) { _ in nil }.profile,
            SpringProfile(catalog: catalog).profile,
            EverShopProfile(catalog: catalog, sessions: AdminCookieAuthenticator()).profile,
            PartnerOrdersProfile(orders: InMemoryOrderStore()) { _ in nil }.profile,
            everspring.pipeline.profile,
        ]
    }

    /// Every `$ref` in `value`.
    func references(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            object.flatMap { member in
                member.key == "$ref" ? [member.value.string ?? ""] : references(in: member.value)
            }
        case .array(let array): array.flatMap(references)
        default: []
        }
    }

    @Test("every profile's document is OpenAPI 3.1 with every route, its parameters and resolvable references")
    func structure() async throws {
        for profile in try await Self.profiles() {
            let document = OpenAPIDocument(profile: profile, title: profile.name, version: "1.0.0").json
            #expect(document["openapi"] == "3.1.0" && document["info"]?["title"] == .string(profile.name))
            let paths = try #require(document["paths"]?.object)
            var operations = 0
            for route in profile.routes {
                let operation = try #require(
                    paths[route.path.openAPIPath]?[route.method.rawValue.lowercased()], "\(route.operationID)")
                operations += 1
                #expect(operation["operationId"] == .string(route.operationID))
                let pathParameters = (operation["parameters"]?.array ?? []).filter { $0["in"] == "path" }
                #expect(pathParameters.compactMap { $0["name"]?.string } == route.path.parameterNames)
                #expect(operation["responses"]?["200"] != nil && operation["responses"]?["500"] != nil)
                #expect((operation["requestBody"] != nil) == (route.body != nil))
                for requirement in operation["security"]?.array ?? [] {
                    for scheme in requirement.object?.keys ?? [] {
                        #expect(document["components"]?["securitySchemes"]?[scheme] != nil, "\(scheme)")
                    }
                }
            }
            #expect(operations == profile.routes.count)
            for reference in references(in: document) {
                let pointer = try #require(JSONPointer(String(reference.dropFirst())), "\(reference)")
                #expect(pointer.resolve(in: document) != nil, "\(profile.name): \(reference)")
            }
            let written = JSONWriter().serialize(document)
            #expect(try JSONValue(parsing: written) == document)
        }
    }

    @Test("request bodies are the validating schemas; query parameters and security are declared")
    func details() async throws {
        let profiles = try await Self.profiles()
        let shopiSync = OpenAPIDocument(profile: profiles[0], title: "ShopiSync", version: "1").json
        let put = try #require(shopiSync["paths"]?["/api/external/v1/products/{productId}"]?["put"])
        let exported = try #require(ShopiSyncProductUpdate.schema.jsonSchema().object)
        #expect(put["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"] == exported["properties"])
        #expect(put["requestBody"]?["content"]?["application/json"]?["schema"]?["additionalProperties"] == false)
        #expect(put["security"] == [["bearerKey": []]])
        let list = try #require(shopiSync["paths"]?["/api/external/v1/products"]?["get"])
        #expect(list["parameters"]?.array?.compactMap { $0["name"]?.string } == ["page", "limit", "active"])
        #expect(list["responses"]?["200"]?["headers"]?["X-RateLimit-Reset"] != nil)
        #expect(shopiSync["components"]?["securitySchemes"]?["bearerKey"] == ["type": "http", "scheme": "bearer"])

        let spring = OpenAPIDocument(profile: profiles[1], title: "Spring", version: "1").json
        #expect(spring["components"]?["securitySchemes"]?["basicKey"]?["scheme"] == "basic")
        #expect(spring["paths"]?["/api/1/product/{id}"]?["delete"]?["responses"]?["429"] == nil)

        let everShop = OpenAPIDocument(profile: profiles[2], title: "EverShop", version: "1").json
        #expect(everShop["components"]?["securitySchemes"]?["session"]?["in"] == "cookie")
    }

    @Test("real responses validate against the documented response schemas")
    func responsesMatchTheirSchemas() async throws {
        let shop = try await ShopiSyncHarness()
        let key = try await shop.key([.write]).secret.plaintext
        let profile = shop.pipeline.profile
        for (operationID, method, target, body) in [
            ("listProducts", HTTPMethod.get, "/products", nil), ("getProduct", .get, "/products/42", nil),
            ("updateProduct", .put, "/products/42", #"{"maxPrice": 99}"#),
            ("listCompetitors", .get, "/competitors", nil),
            ("getPriceHistory", .get, "/price-history/42", nil), ("getStats", .get, "/stats", nil),
            ("testWebhook", .post, "/webhooks/test", #"{"a": 1}"#),
        ] as [(String, HTTPMethod, String, String?)] {
            let route = try #require(profile.routes.first { $0.operationID == operationID })
            let response = await shop.curl(method, target, key: key, body: body)
            let json = try #require(response.json)
            let schema = profile.dialect.successSchema(data: try #require(route.response))
            let report = schema.validate(json).report
            #expect(report.isValid, "\(operationID): \(report)")
            let failure = await shop.curl(method, target, key: nil, body: body)
            #expect(profile.dialect.failureSchema.validate(try #require(failure.json)).report.isValid)
        }

        let everShop = try EverShopHarness()
        _ = await everShop.curl(.post, "/products", body: EverShopHarness.createBody())
        let everShopProfile = everShop.pipeline.profile
        for (operationID, method, target) in [
            ("getProduct", HTTPMethod.get, "/products/00000000-0000-0000-0000-000000000001"),
            ("listProducts", .get, "/products"),
        ] {
            let route = try #require(everShopProfile.routes.first { $0.operationID == operationID })
            let json = try #require(await everShop.curl(method, target).json)
            let report = everShopProfile.dialect.successSchema(data: try #require(route.response)).validate(json).report
            #expect(report.isValid, "\(operationID): \(report)")
        }
        let missing = try #require(await everShop.curl(.get, "/products/none").json)
        #expect(everShopProfile.dialect.failureSchema.validate(missing).report.isValid)

        let partner = try await PartnerOrdersHarness()
        try await partner.receive("o1")
        let token = try await partner.token()
        let partnerProfile = partner.pipeline.profile
        let list =
            "/chains/chain_1/vendors/vendor_a/orders?start_time=\(partner.time(-86_400))&end_time=\(partner.time(0))"
        for (operationID, method, target, body) in [
            ("getOrder", HTTPMethod.get, "/chains/chain_1/orders/o1", nil),
            ("listVendorOrders", .get, list, nil),
            ("updateOrderStatus", .put, "/chains/chain_1/orders/o1", #"{"status": "READY_FOR_PICKUP"}"#),
        ] as [(String, HTTPMethod, String, String?)] {
            let route = try #require(partnerProfile.routes.first { $0.operationID == operationID })
            let response = await partner.curl(method, target, token: token, body: body)
            #expect(response.status == 200, "\(operationID)")
            let json = try #require(response.json)
            let report = partnerProfile.dialect.successSchema(data: try #require(route.response)).validate(json).report
            #expect(report.isValid, "\(operationID): \(report)")
        }

        let everspring = try await EverspringHarness(environment: .sandbox)
        let everspringProfile = everspring.pipeline.profile
        _ = await everspring.curl(.put, "/sku-mappings/EV-1", key: everspring.admin, body: #"{"retailer_sku": "R1"}"#)
        for (operationID, method, target, body) in [
            ("createAPIUser", HTTPMethod.post, "/api-users", #"{"name": "Feed"}"#),
            ("listAPIUsers", .get, "/api-users", nil), ("listProducts", .get, "/products", nil),
            ("listSKUMappings", .get, "/sku-mappings", nil), ("listInventory", .get, "/inventory", nil),
            ("createWebhook", .post, "/webhooks", #"{"url": "https://a.example/h", "events": ["inventory.updated"]}"#),
        ] as [(String, HTTPMethod, String, String?)] {
            let route = try #require(everspringProfile.routes.first { $0.operationID == operationID })
            let response = await everspring.curl(method, target, key: everspring.admin, body: body)
            let json = try #require(response.json)
            let report = everspringProfile.dialect.successSchema(data: try #require(route.response)).validate(json)
                .report
            #expect(report.isValid, "\(operationID): \(report)")
        }
    }
}
