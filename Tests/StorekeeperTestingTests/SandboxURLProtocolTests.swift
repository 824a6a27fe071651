import Foundation
import StorekeeperCatalog
import StorekeeperKeys
import StorekeeperTesting
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A URLSession client as an integrator writes it, with nothing sandbox-specific in it.
struct URLSessionClient {
    let baseURL: URL
    let session: URLSession
    let authorization: String

    func send(_ method: String, _ path: String, json: String? = nil) async throws -> (Int, Data) {
        var request = URLRequest(url: URL(string: baseURL.absoluteString + path) ?? baseURL)
        request.httpMethod = method
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }
}

@Suite("SandboxURLProtocol")
struct SandboxURLProtocolTests {
    @Test("a URLSession client reads ShopiSync products")
    func shopiSync() async throws {
        struct Page: Decodable {
            struct Product: Decodable {
                let id: String
                let title: String
            }
            let data: [Product]
        }
        let sandbox = try await Sandbox(profile: .shopiSync)
        let client = URLSessionClient(
            baseURL: sandbox.baseURL, session: sandbox.makeURLSession(),
            authorization: "Bearer " + (try await sandbox.issueKey(permissions: [.read])))
        let (status, data) = try await client.send("GET", "/products?page=1&limit=20&active=true")
        #expect(status == 200)
        #expect(try JSONDecoder().decode(Page.self, from: data).data.map(\.title) == ["Cathat", "Doghat", "Birdhat"])
    }

    @Test("a URLSession client pushes a Spring product with the key as Basic user name")
    func spring() async throws {
        let sandbox = try await Sandbox(profile: .spring)
        let key = try await sandbox.issueKey()
        let client = URLSessionClient(
            baseURL: sandbox.baseURL, session: sandbox.makeURLSession(),
            authorization: "Basic " + Data("\(key):".utf8).base64EncodedString())
        let product = #"""
            {"vendor_id": 2525, "product": {"id": "SOMEID123", "title": "Cathat", "description": "A Hat for a Cat!",
             "tags": ["hats"], "active": true, "purchasable": true, "external_brand": null,
             "affiliate_url": "http://example.com/cathat", "photo_urls": [],
             "variants": [{"sku": "162636740101", "price": "14.95", "available_inventory": 1000, "size": "ONESIZE"}]}}
            """#
        #expect(try await client.send("PUT", "/product", json: product).0 == 200)
        let (status, data) = try await client.send("GET", "/product_ids")
        #expect(status == 200 && String(decoding: data, as: UTF8.self) == #"{"product_ids":["SOMEID123"]}"#)
    }

    @Test("a URLSession client lists EverShop products")
    func everShop() async throws {
        let sandbox = try await Sandbox(profile: .everShop)
        let client = URLSessionClient(
            baseURL: sandbox.baseURL, session: sandbox.makeURLSession(),
            authorization: "Bearer " + (try await sandbox.issueKey()))
        let (status, data) = try await client.send("GET", "/products?page=1&limit=1")
        let page = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(status == 200 && page?["total"] as? Int == 2 && page?["currentPage"] as? Int == 1)
    }

    @Test("a URLSession client syncs Everspring stock and pushes an order")
    func everspring() async throws {
        let sandbox = try await Sandbox(profile: .everspring)
        let client = URLSessionClient(
            baseURL: sandbox.baseURL, session: sandbox.makeURLSession(),
            authorization: "Bearer " + (try await sandbox.issueKey()))
        #expect(try await client.send("GET", "/inventory?limit=2").0 == 200)
        let order = #"{"reference": "R-1", "lines": [{"sku": "SKU-1", "quantity": 2}]}"#
        let (status, data) = try await client.send("POST", "/orders", json: order)
        #expect(status == 201 && String(decoding: data, as: UTF8.self).contains(#""total":25.00"#))
    }

    @Test("a URLSession client moves a partner order to READY_FOR_PICKUP")
    func partnerOrders() async throws {
        let sandbox = try await Sandbox(profile: .partnerOrders)
        let client = URLSessionClient(
            baseURL: sandbox.baseURL, session: sandbox.makeURLSession(),
            authorization: "Bearer " + (try await sandbox.issueKey()))
        let (status, _) = try await client.send(
            "PUT", "/chains/sandbox-chain/orders/order-1", json: #"{"status": "READY_FOR_PICKUP"}"#)
        #expect(status == 200)
        #expect(try await sandbox.orders.order(id: "order-1")?.status.rawValue == "READY_FOR_PICKUP")
    }

    @Test("a request to a host no sandbox owns fails without reaching the network")
    func unknownHost() async throws {
        let sandbox = try await Sandbox(profile: .everShop, seed: .empty)
        let session = sandbox.makeURLSession()
        do {
            _ = try await session.data(from: URL(string: "https://example.com/")!)
            Issue.record("the request was answered")
        } catch let error as URLError {
            #expect(error.code == .cannotFindHost)
        }
    }
}
