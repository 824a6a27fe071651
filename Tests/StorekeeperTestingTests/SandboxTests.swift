import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Sandbox")
struct SandboxTests {
    @Test("each profile starts with its demo data and answers a keyed request", arguments: Sandbox.Profile.allCases)
    func demo(profile: Sandbox.Profile) async throws {
        let sandbox = try await Sandbox(profile: profile)
        let key = try await sandbox.issueKey()
        let target =
            switch profile {
            case .shopiSync: "/products"
            case .spring: "/product_ids"
            case .everShop: "/products"
            case .everspring: "/inventory"
            case .partnerOrders: "/chains/sandbox-chain/orders/order-1"
            }
        let response = await sandbox.request(.get, target, key: key)
        #expect(response.status == 200, "\(profile): \(response.text)")
        #expect(await sandbox.request(.get, target).status == (profile == .spring ? 400 : 401))
        switch profile {
        case .shopiSync: #expect(response.json?["data"]?.array?.count == 3)
        case .spring: #expect(response.json == ["product_ids": []])
        case .everShop: #expect(response.json?["total"] == 2)
        case .everspring:
            #expect(response.json?["data"]?.array?.count == 3 && response.json?["environment"] == "sandbox")
        case .partnerOrders: #expect(response.json?["total"]?.number?.text == "2.750")
        }
    }

    @Test("time travel: a key expires and a rate-limit window rolls when the clock moves")
    func timeTravel() async throws {
        let sandbox = try await Sandbox(profile: .shopiSync)
        let expiring = try await sandbox.issueKey(expiresAt: sandbox.clock.now.addingTimeInterval(60))
        #expect(await sandbox.request(.get, "/stats", key: expiring).status == 200)
        sandbox.advance(by: .seconds(60))
        #expect(await sandbox.request(.get, "/stats", key: expiring).status == 401)
        let limited = try await sandbox.issueKey(rateLimit: KeyRateLimit(limit: 1, windowSeconds: 10))
        #expect(await sandbox.request(.get, "/stats", key: limited).status == 200)
        #expect(await sandbox.request(.get, "/stats", key: limited).status == 429)
        sandbox.advance(by: .seconds(11))
        #expect(await sandbox.request(.get, "/stats", key: limited).status == 200)
    }

    @Test("an empty sandbox takes the caller's fixtures; Spring ages products past 3 days")
    func fixtures() async throws {
        let sandbox = try await Sandbox(profile: .everShop, seed: .empty)
        let key = try await sandbox.issueKey()
        #expect(await sandbox.request(.get, "/products", key: key).json?["total"] == 0)
        try await sandbox.add(try Fixtures.product(id: 7, title: "Teapot", price: "30.00"))
        let list = await sandbox.request(.get, "/products", key: key)
        #expect(list.json?["data"]?[0]?["name"] == "Teapot" && list.json?["data"]?[0]?["sku"] == "SKU-7")

        let spring = try await Sandbox(profile: .spring)
        let brand = try await spring.issueKey()
        try await spring.add(try Fixtures.product(id: 1, owner: try await spring.keys.list(owner: "2525")[0].id))
        #expect(await spring.request(.get, "/product_ids", key: brand).json == ["product_ids": ["1"]])
        spring.advance(by: .seconds(3 * 86_400))
        #expect(await spring.request(.get, "/product_ids", key: brand).json == ["product_ids": []])
    }

    @Test("sandboxes are isolated from each other")
    func isolation() async throws {
        let first = try await Sandbox(profile: .everShop)
        let second = try await Sandbox(profile: .everShop, seed: .empty)
        #expect(first.baseURL != second.baseURL)
        #expect(await second.request(.get, "/products", key: try await second.issueKey()).json?["total"] == 0)
    }

    @Test("typed responses decode with Codable")
    func typed() async throws {
        struct Stats: Decodable {
            struct Data: Decodable { let totalProducts: Int }
            let success: Bool
            let data: Data
        }
        let sandbox = try await Sandbox(profile: .shopiSync)
        let stats = try await sandbox.request(.get, "/stats", key: try await sandbox.issueKey()).decode(Stats.self)
        #expect(stats.success && stats.data.totalProducts == 3)
    }

    @Test("fixtures build orders and competitors with overrides")
    func fixtureBuilders() throws {
        let order = try Fixtures.order(
            id: "o9", lines: [("A", 2), ("B", 1)], prices: ["A": "2.750", "B": "1.125"], currency: .kwd)
        #expect(order.total.amountText == "6.625" && order.status == OrderLifecycle.retail.initialStatus)
        #expect(try Fixtures.competitor(price: "9.99").currentPrice?.amountText == "9.99")
        #expect(try Fixtures.variant(sku: "X", quantity: 3).quantity == 3)
    }
}
