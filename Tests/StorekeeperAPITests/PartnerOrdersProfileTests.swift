import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperTesting
import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An order store whose reads return each order as it was first read, as when another writer
/// changes an order between a handler's read and its write.
actor StaleReadOrderStore: OrderStore {
    let base: InMemoryOrderStore
    private var snapshots: [String: Order] = [:]

    init(base: InMemoryOrderStore) {
        self.base = base
    }

    func apply(_ transition: OrderTransition) async throws -> Order { try await base.apply(transition) }

    func order(id: String) async throws -> Order? {
        if let snapshot = snapshots[id] { return snapshot }
        let order = try await base.order(id: id)
        snapshots[id] = order
        return order
    }

    func orders(vendorID: String, createdIn range: ClosedRange<Date>) async throws -> [Order] {
        try await base.orders(vendorID: vendorID, createdIn: range)
    }

    func inventory(sku: SKU) async throws -> InventoryLevel? { try await base.inventory(sku: sku) }

    func saveInventory(_ level: InventoryLevel) async throws { try await base.saveInventory(level) }
    func applyStockUpdate(_ update: StockUpdate) async throws -> StockUpdateOutcome {
        try await base.applyStockUpdate(update)
    }
    func inventoryLevels(_ query: InventoryQuery) async throws -> Page<InventoryLevel> {
        try await base.inventoryLevels(query)
    }
}

/// The partner orders API over in-memory stores: two chains, each with its own webhook outbox
/// and endpoint, and stock for three SKUs priced in Kuwaiti dinars (3 decimals).
struct PartnerOrdersHarness {
    static let day: TimeInterval = 86_400

    let clock = ManualClock()
    let store = InMemoryOrderStore()
    let outboxes: [String: InMemoryWebhookOutbox]
    let keys: APIKeyManager
    let profile: PartnerOrdersProfile
    let pipeline: APIPipeline

    init(orders: (any OrderStore)? = nil) async throws {
        let outboxes = ["chain_1": InMemoryWebhookOutbox(), "chain_2": InMemoryWebhookOutbox()]
        self.outboxes = outboxes
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 5, count: 32))],
            format: try APIKeyFormat(prefixes: PartnerOrdersProfile.keyPrefixes),
            clock: clock)
        profile = PartnerOrdersProfile(orders: orders ?? store) { chainID in outboxes[chainID] }
        pipeline = APIPipeline(profile: profile.profile, keys: keys, clock: clock)
        for sku in ["SHAWARMA", "FALAFEL", "JUICE"] {
            try await store.saveInventory(InventoryLevel(sku: try SKU(sku), onHand: 1000, asOf: clock.now))
        }
        for (chainID, outbox) in outboxes {
            try await outbox.saveEndpoint(
                WebhookEndpoint(
                    id: "ep_\(chainID)", url: "https://\(chainID).example/webhooks",
                    secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]))
        }
    }

    /// 2 shawarma at 2.750 KWD and 1 juice at 1.125 KWD: 6.625 KWD.
    func order(
        _ id: String, vendor: String = "vendor_a", chain: String? = "chain_1", age: TimeInterval = 3600
    ) throws -> Order {
        try Order(
            id: id, reference: "#\(id)", vendorID: vendor, chainID: chain, currency: .kwd,
            lines: [
                try OrderLine(
                    sku: try SKU("SHAWARMA"), quantity: 2, unitPrice: try Money(parsing: "2.750", currency: .kwd)),
                try OrderLine(
                    sku: try SKU("JUICE"), quantity: 1, unitPrice: try Money(parsing: "1.125", currency: .kwd)),
            ],
            lifecycle: .partnerOrders, actor: "platform", createdAt: clock.now.addingTimeInterval(-age))
    }

    @discardableResult
    func receive(
        _ id: String, vendor: String = "vendor_a", chain: String = "chain_1", age: TimeInterval = 3600
    ) async throws -> Order {
        try await profile.receive(try order(id, vendor: vendor, chain: chain, age: age))
    }

    func token(_ chain: String = "chain_1", name: String = "Order Management") async throws -> String {
        try await PartnerOrdersProfile.createToken(named: name, chainID: chain, keys: keys).secret.plaintext
    }

    func events(_ chain: String = "chain_1") async throws -> [WebhookEvent] {
        try await outboxes[chain]?.events(in: Date.distantPast...Date.distantFuture) ?? []
    }

    func time(_ offset: TimeInterval) -> String {
        InternetDateTime.format(clock.now.addingTimeInterval(offset))
    }

    func curl(
        _ method: HTTPMethod, _ target: String, token: String?, body: String? = nil, headers extra: HTTPHeaders = [:]
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        var headers = extra
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if body != nil { headers.add(name: "Content-Type", value: "application/json") }
        let response = await pipeline.handle(
            APIRequest(method: method, target: "/v2" + target, headers: headers, body: Array((body ?? "").utf8)))
        return (response.status, response.headers, try? JSONValue(parsing: response.body))
    }

    func put(
        _ id: String, _ body: String, token: String, chain: String = "chain_1", headers: HTTPHeaders = [:]
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        await curl(.put, "/chains/\(chain)/orders/\(id)", token: token, body: body, headers: headers)
    }
}

@Suite("Partner orders profile")
struct PartnerOrdersProfileTests {
    /// `o01` … `o25`: ids that sort as their creation order.
    static func orderID(_ index: Int) -> String {
        index < 10 ? "o0\(index)" : "o\(index)"
    }

    @Test("receiving an order stores it, reserves its stock and enqueues RECEIVED to its chain only")
    func receive() async throws {
        let api = try await PartnerOrdersHarness()
        let stored = try await api.receive("o1")
        #expect(stored.status == .received && stored.version == 1)
        #expect(try await api.store.inventory(sku: try SKU("SHAWARMA"))?.reserved == 2)
        let events = try await api.events()
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.type == .orderReceived && event.type.rawValue == "order.received")
        #expect(event.timestamp == stored.createdAt)
        #expect(event.data["order_id"] == "o1" && event.data["vendor_id"] == "vendor_a")
        #expect(event.data["chain_id"] == "chain_1" && event.data["status"] == "RECEIVED")
        #expect(event.data["previous_status"] == .null)
        #expect(event.data["order"]?["total"]?.number?.text == "6.625")
        let delivery = try await api.outboxes["chain_1"]?.delivery(eventID: event.id, endpointID: "ep_chain_1")
        #expect(delivery?.status == .pending)
        #expect(try await api.events("chain_2").isEmpty)

        await #expect(throws: OrderError.self) { try await api.receive("o1") }
        let chainless = try api.order("o2", chain: nil)
        let error = await #expect(throws: OrderError.self) { try await api.profile.receive(chainless) }
        #expect(error?.code == .invalidOrder)
        let retail = try Order(
            id: "o3", reference: "#o3", vendorID: "vendor_a", chainID: "chain_1", currency: .kwd,
            lines: chainless.lines, lifecycle: .retail, actor: "platform", createdAt: api.clock.now)
        let wrongStart = await #expect(throws: OrderError.self) { try await api.profile.receive(retail) }
        #expect(wrongStart?.code == .invalidOrder)
        #expect(try await api.events().count == 1)
    }

    @Test("GET an order: snake_case JSON, prices with 3 decimals, ISO 8601 UTC instants, an ETag")
    func getOrder() async throws {
        let api = try await PartnerOrdersHarness()
        let stored = try await api.receive("o1")
        let response = await api.curl(.get, "/chains/chain_1/orders/o1", token: try await api.token())
        #expect(response.status == 200 && response.headers["ETag"] == "\"1\"")
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        let order = try #require(response.json)
        #expect(order["id"] == "o1" && order["reference"] == "#o1" && order["vendor_id"] == "vendor_a")
        #expect(order["chain_id"] == "chain_1" && order["status"] == "RECEIVED" && order["currency"] == "KWD")
        #expect(order["total"]?.number?.text == "6.625")
        #expect(order["lines"]?[0]?["sku"] == "SHAWARMA" && order["lines"]?[0]?["quantity"] == 2)
        #expect(order["lines"]?[0]?["unit_price"]?.number?.text == "2.750")
        #expect(order["lines"]?[0]?["total"]?.number?.text == "5.500")
        #expect(order["lines"]?[1]?["unit_price"]?.number?.text == "1.125")
        let created = JSONValue.string(InternetDateTime.format(stored.createdAt))
        #expect(
            order["status_history"]
                == [["status": "RECEIVED", "time": created, "actor": "platform", "reason": .null]])
        #expect(order["created_at"] == created && order["updated_at"] == created)
        #expect(order["created_at"]?.string?.hasSuffix("Z") == true)
        #expect(order["data"] == nil && order["success"] == nil)
    }

    @Test("no token or an unknown one is 401 UNAUTHORIZED")
    func unauthorized() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        let missing = await api.curl(.get, "/chains/chain_1/orders/o1", token: nil)
        #expect(missing.status == 401 && missing.json?["code"] == "UNAUTHORIZED")
        #expect(missing.json?["message"]?.string?.isEmpty == false && missing.json?["details"] == nil)
        for token in ["po_live_notARealTokenAtAll1234567890", "garbage"] {
            let invalid = await api.curl(.get, "/chains/chain_1/orders/o1", token: token)
            #expect(invalid.status == 401 && invalid.json?["code"] == "UNAUTHORIZED", "\(token)")
        }
        let put = await api.put("o1", #"{"status": "READY_FOR_PICKUP"}"#, token: "garbage")
        #expect(put.status == 401)
        #expect(try await api.store.order(id: "o1")?.status == .received)
    }

    @Test("a token serves every vendor of its chain; another chain's path is 403, its orders 404")
    func chainScope() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("a1", vendor: "vendor_a")
        try await api.receive("b1", vendor: "vendor_b")
        try await api.receive("z1", vendor: "vendor_z", chain: "chain_2")
        let token = try await api.token("chain_1")
        let range = "start_time=\(api.time(-2 * PartnerOrdersHarness.day))&end_time=\(api.time(0))"
        for (vendor, id) in [("vendor_a", "a1"), ("vendor_b", "b1")] {
            #expect(await api.curl(.get, "/chains/chain_1/orders/\(id)", token: token).status == 200)
            let list = await api.curl(.get, "/chains/chain_1/vendors/\(vendor)/orders?\(range)", token: token)
            #expect(list.status == 200 && list.json?["data"]?.array?.compactMap { $0["id"]?.string } == [id])
        }
        for target in [
            "/chains/chain_2/orders/z1", "/chains/chain_2/orders/unknown",
            "/chains/chain_2/vendors/vendor_z/orders?\(range)",
        ] {
            let response = await api.curl(.get, target, token: token)
            #expect(response.status == 403 && response.json?["code"] == "FORBIDDEN", "\(target)")
        }
        let foreignPut = await api.put("z1", #"{"status": "READY_FOR_PICKUP"}"#, token: token, chain: "chain_2")
        #expect(foreignPut.status == 403)
        let smuggled = await api.curl(.get, "/chains/chain_1/orders/z1", token: token)
        #expect(smuggled.status == 404 && smuggled.json?["code"] == "NOT_FOUND")
        let foreignVendor = await api.curl(.get, "/chains/chain_1/vendors/vendor_z/orders?\(range)", token: token)
        #expect(foreignVendor.status == 200 && foreignVendor.json?["data"] == [])
        #expect(try await api.store.order(id: "z1")?.status == .received)
        let own = await api.curl(.get, "/chains/chain_2/orders/z1", token: try await api.token("chain_2"))
        #expect(own.status == 200 && own.json?["vendor_id"] == "vendor_z")
    }

    @Test("an unknown order, and one created more than 60 days ago, are 404")
    func notFound() async throws {
        let api = try await PartnerOrdersHarness()
        let day = PartnerOrdersHarness.day
        try await api.receive("recent", age: 59 * day)
        try await api.receive("limit", age: 60 * day)
        try await api.receive("old", age: 60 * day + 1)
        let token = try await api.token()
        let unknown = await api.curl(.get, "/chains/chain_1/orders/nope", token: token)
        #expect(unknown.status == 404 && unknown.json?["code"] == "NOT_FOUND")
        #expect(await api.curl(.get, "/chains/chain_1/orders/recent", token: token).status == 200)
        #expect(await api.curl(.get, "/chains/chain_1/orders/limit", token: token).status == 200)
        let old = await api.curl(.get, "/chains/chain_1/orders/old", token: token)
        #expect(old.status == 404 && old.json?["code"] == "NOT_FOUND")
        #expect(old.json?["message"]?.string?.contains("60 days") == true)
        let change = await api.put("old", #"{"status": "READY_FOR_PICKUP"}"#, token: token)
        #expect(change.status == 404)
        #expect(try await api.store.order(id: "old")?.status == .received)
        api.clock.advance(by: .seconds(1))
        #expect(await api.curl(.get, "/chains/chain_1/orders/limit", token: token).status == 404)
        #expect(await api.put("nope", #"{"status": "DISPATCHED"}"#, token: token).status == 404)
        #expect(await api.curl(.delete, "/chains/chain_1/orders/recent", token: token).status == 405)
    }

    @Test("the vendor list: oldest first, page_size 20 by default, paging with totals")
    func listing() async throws {
        let api = try await PartnerOrdersHarness()
        let hour: TimeInterval = 3600
        // 25 orders of vendor_a, one an hour (o01 the oldest), one of vendor_b, one too old.
        for index in 1...25 {
            try await api.receive(Self.orderID(index), age: Double(26 - index) * hour)
        }
        try await api.receive("b1", vendor: "vendor_b")
        try await api.receive("ancient", age: 3 * PartnerOrdersHarness.day)
        let token = try await api.token()
        let base =
            "/chains/chain_1/vendors/vendor_a/orders?start_time=\(api.time(-2 * PartnerOrdersHarness.day))"
            + "&end_time=\(api.time(0))"

        let first = await api.curl(.get, base, token: token)
        #expect(first.status == 200)
        let ids = first.json?["data"]?.array?.compactMap { $0["id"]?.string }
        #expect(ids == (1...20).map(Self.orderID))
        #expect(first.json?["pagination"] == ["page": 1, "page_size": 20, "total_items": 25, "total_pages": 2])
        #expect(first.json?["data"]?[0]?["total"]?.number?.text == "6.625")

        let second = await api.curl(.get, base + "&page=2", token: token)
        #expect(second.json?["data"]?.array?.compactMap { $0["id"]?.string } == (21...25).map { "o\($0)" })
        #expect(second.json?["pagination"]?["page"] == 2)

        let small = await api.curl(.get, base + "&page=3&page_size=10", token: token)
        #expect(small.json?["data"]?.array?.count == 5 && small.json?["data"]?[0]?["id"] == "o21")
        #expect(small.json?["pagination"] == ["page": 3, "page_size": 10, "total_items": 25, "total_pages": 3])

        let beyond = await api.curl(.get, base + "&page=9", token: token)
        #expect(beyond.status == 200 && beyond.json?["data"] == [])

        // The span is inclusive and narrows the list: the last 5 hours hold o21…o25.
        let narrow = await api.curl(
            .get,
            "/chains/chain_1/vendors/vendor_a/orders?start_time=\(api.time(-5 * hour))&end_time=\(api.time(0))",
            token: token)
        #expect(narrow.json?["pagination"]?["total_items"] == 5)

        for (bad, parameter) in [
            ("&page_size=101", "page_size"), ("&page_size=0", "page_size"), ("&page=0", "page"),
            ("&page=x", "page"),
        ] {
            let response = await api.curl(.get, base + bad, token: token)
            #expect(response.status == 400 && response.json?["code"] == "VALIDATION_ERROR", "\(bad)")
            #expect(response.json?["details"]?[0]?["pointer"] == .string("/\(parameter)"), "\(bad)")
        }
    }

    @Test("start_time and end_time: ISO 8601 with any offset, a span of at most 60 days, none older than 60 days")
    func listingWindow() async throws {
        let api = try await PartnerOrdersHarness()
        let day = PartnerOrdersHarness.day
        try await api.receive("o1", age: 3600)
        let token = try await api.token()
        func list(_ query: String) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
            await api.curl(.get, "/chains/chain_1/vendors/vendor_a/orders?" + query, token: token)
        }
        func expectIssue(
            _ query: String, _ pointer: String, _ code: String, sourceLocation: SourceLocation = #_sourceLocation
        ) async {
            let response = await list(query)
            #expect(response.status == 400, "\(query)", sourceLocation: sourceLocation)
            #expect(response.json?["code"] == "VALIDATION_ERROR", "\(query)", sourceLocation: sourceLocation)
            #expect(response.json?["details"]?[0]?["pointer"] == .string(pointer), sourceLocation: sourceLocation)
            #expect(response.json?["details"]?[0]?["code"] == .string(code), sourceLocation: sourceLocation)
        }

        // Exactly 60 days back and 60 days long is allowed.
        let full = await list("start_time=\(api.time(-60 * day))&end_time=\(api.time(0))")
        #expect(full.status == 200 && full.json?["data"]?.array?.count == 1)
        // A span over 60 days names end_time; a start older than 60 days names start_time.
        await expectIssue(
            "start_time=\(api.time(-60 * day))&end_time=\(api.time(1))", "/end_time", "outside_retrieval_window")
        await expectIssue(
            "start_time=\(api.time(-61 * day))&end_time=\(api.time(-30 * day))", "/start_time",
            "outside_retrieval_window")
        await expectIssue(
            "start_time=\(api.time(0))&end_time=\(api.time(-day))", "/start_time", "outside_retrieval_window")
        // Malformed or missing instants, each named.
        for bad in ["yesterday", "2023-11-14", "2023-02-30T10:00:00Z", "2023-11-14T10:00:00"] {
            await expectIssue("start_time=\(bad)&end_time=\(api.time(0))", "/start_time", "invalid_date_time")
        }
        await expectIssue("start_time=\(api.time(-day))", "/end_time", "required")
        let neither = await list("")
        #expect(
            neither.json?["details"]?.array?.compactMap { $0["pointer"]?.string } == ["/start_time", "/end_time"])

        // Offsets and fractions: 2023-11-15T01:13:20+03:00 is the harness's now (22:13:20Z).
        #expect(api.time(0) == "2023-11-14T22:13:20Z")
        let start = "2023-11-14T23:13:19.5%2B02:00"  // 21:13:19.5Z: the order (created at 21:13:20Z) is in.
        let encoded = await list("start_time=\(start)&end_time=2023-11-15T01:13:20%2B03:00")
        #expect(encoded.status == 200 && encoded.json?["data"]?.array?.count == 1)
        let raw = await list("start_time=2023-11-14T21:13:21Z&end_time=2023-11-15T01:13:20+03:00")
        #expect(raw.status == 200 && raw.json?["data"] == [])
        let western = await list("start_time=2023-11-14T16:13:19-05:00&end_time=2023-11-14T22:13:20z")
        #expect(western.status == 200 && western.json?["data"]?.array?.count == 1)
    }

    @Test("each legal transition: RECEIVED → READY_FOR_PICKUP → DISPATCHED, and CANCELLED with a reason")
    func legalTransitions() async throws {
        let api = try await PartnerOrdersHarness()
        let received = try await api.receive("o1")
        try await api.receive("o2")
        try await api.receive("o3")
        let issued = try await PartnerOrdersProfile.createToken(
            named: "Order Management", chainID: "chain_1", keys: api.keys)
        let token = issued.secret.plaintext
        api.clock.advance(by: .seconds(60))

        let ready = await api.put("o1", #"{"status": "READY_FOR_PICKUP"}"#, token: token)
        #expect(ready.status == 200 && ready.headers["ETag"] == "\"2\"")
        #expect(ready.json?["status"] == "READY_FOR_PICKUP" && ready.json?["total"]?.number?.text == "6.625")
        #expect(ready.json?["status_history"]?.array?.count == 2)
        #expect(ready.json?["status_history"]?[1]?["actor"] == .string(issued.record.id))
        #expect(ready.json?["status_history"]?[1]?["time"] == .string(api.time(0)))
        #expect(ready.json?["updated_at"] == .string(api.time(0)))
        #expect(ready.json?["created_at"] == .string(InternetDateTime.format(received.createdAt)))

        api.clock.advance(by: .seconds(60))
        let dispatched = await api.put("o1", #"{"status": "DISPATCHED"}"#, token: token)
        #expect(dispatched.status == 200 && dispatched.headers["ETag"] == "\"3\"")
        #expect(dispatched.json?["status"] == "DISPATCHED")
        let shawarma = try await api.store.inventory(sku: try SKU("SHAWARMA"))
        // o1's 2 units left the shelf; o2 and o3 still hold 2 each.
        #expect(shawarma?.onHand == 998 && shawarma?.reserved == 4)

        let cancelled = await api.put("o2", #"{"status": "CANCELLED", "reason": "Out of falafel"}"#, token: token)
        #expect(cancelled.status == 200 && cancelled.json?["status"] == "CANCELLED")
        #expect(cancelled.json?["status_history"]?[1]?["reason"] == "Out of falafel")
        _ = await api.put("o3", #"{"status": "READY_FOR_PICKUP", "reason": null}"#, token: token)
        let late = await api.put("o3", #"{"status": "CANCELLED", "reason": "Rider never came"}"#, token: token)
        #expect(late.status == 200 && late.headers["ETag"] == "\"3\"")
        #expect(try await api.store.inventory(sku: try SKU("SHAWARMA"))?.reserved == 0)

        let got = await api.curl(.get, "/chains/chain_1/orders/o1", token: token)
        #expect(got.json?["status"] == "DISPATCHED" && got.headers["ETag"] == "\"3\"")
    }

    @Test("every status change enqueues an event with the order, vendor and chain ids and the new status")
    func webhookEvents() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        try await api.receive("o2", vendor: "vendor_b")
        let token = try await api.token()
        api.clock.advance(by: .seconds(30))
        _ = await api.put("o1", #"{"status": "READY_FOR_PICKUP"}"#, token: token)
        _ = await api.put("o1", #"{"status": "DISPATCHED"}"#, token: token)
        _ = await api.put("o2", #"{"status": "CANCELLED", "reason": "Closed early"}"#, token: token)

        let events = try await api.events()
        #expect(
            events.map(\.type) == [
                .orderReceived, .orderReceived, .orderStatusChanged, .orderStatusChanged, .orderCancelled,
            ])
        let summary = events.map { event in
            [
                event.data["order_id"], event.data["vendor_id"], event.data["chain_id"], event.data["status"],
                event.data["previous_status"],
            ]
            .map { $0 ?? .null }
        }
        #expect(
            summary == [
                ["o1", "vendor_a", "chain_1", "RECEIVED", .null],
                ["o2", "vendor_b", "chain_1", "RECEIVED", .null],
                ["o1", "vendor_a", "chain_1", "READY_FOR_PICKUP", "RECEIVED"],
                ["o1", "vendor_a", "chain_1", "DISPATCHED", "READY_FOR_PICKUP"],
                ["o2", "vendor_b", "chain_1", "CANCELLED", "RECEIVED"],
            ])
        #expect(events[4].data["reason"] == "Closed early" && events[2].data["reason"] == .null)
        #expect(events[2].timestamp == api.clock.now)
        #expect(events[3].data["order"]?["status"] == "DISPATCHED")
        #expect(events[3].data["order"]?["lines"]?[0]?["unit_price"]?.number?.text == "2.750")
        #expect(Set(events.map(\.id)).count == 5)
        // The envelope is what the endpoint receives, signed: its timestamp in ISO 8601.
        #expect(events[2].envelope["timestamp"] == .string(api.time(0)))
        let delivery = try await api.outboxes["chain_1"]?.delivery(eventID: events[4].id, endpointID: "ep_chain_1")
        #expect(delivery?.status == .pending)
        #expect(try await api.events("chain_2").isEmpty)

        // A refused change enqueues nothing.
        _ = await api.put("o2", #"{"status": "READY_FOR_PICKUP"}"#, token: token)
        _ = await api.put("o1", #"{"status": "CANCELLED"}"#, token: token)
        #expect(try await api.events().count == 5)
    }

    @Test("an illegal transition is 409 ILLEGAL_TRANSITION naming both statuses, and changes nothing")
    func illegalTransitions() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("fresh")
        try await api.receive("gone")
        try await api.receive("over")
        let token = try await api.token()
        _ = await api.put("gone", #"{"status": "CANCELLED", "reason": "Customer called"}"#, token: token)
        _ = await api.put("over", #"{"status": "READY_FOR_PICKUP"}"#, token: token)
        _ = await api.put("over", #"{"status": "DISPATCHED"}"#, token: token)
        let before = try await api.events().count

        for (id, body, from, to) in [
            ("fresh", #"{"status": "DISPATCHED"}"#, "RECEIVED", "DISPATCHED"),
            ("gone", #"{"status": "READY_FOR_PICKUP"}"#, "CANCELLED", "READY_FOR_PICKUP"),
            ("gone", #"{"status": "CANCELLED", "reason": "again"}"#, "CANCELLED", "CANCELLED"),
            ("over", #"{"status": "CANCELLED", "reason": "too late"}"#, "DISPATCHED", "CANCELLED"),
            ("over", #"{"status": "READY_FOR_PICKUP"}"#, "DISPATCHED", "READY_FOR_PICKUP"),
        ] {
            let response = await api.put(id, body, token: token)
            #expect(response.status == 409 && response.json?["code"] == "ILLEGAL_TRANSITION", "\(id) \(to)")
            let message = response.json?["message"]?.string ?? ""
            #expect(message.contains(from) && message.contains("move to \(to)"), "\(message)")
        }
        #expect(try await api.store.order(id: "fresh")?.status == .received)
        #expect(try await api.store.order(id: "over")?.version == 3)
        #expect(try await api.events().count == before)
    }

    @Test("CANCELLED without a reason, an unknown status and a malformed body are 400 with details")
    func invalidBodies() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        let token = try await api.token()
        for body in [#"{"status": "CANCELLED"}"#, #"{"status": "CANCELLED", "reason": "   "}"#] {
            let response = await api.put("o1", body, token: token)
            #expect(response.status == 400 && response.json?["code"] == "VALIDATION_ERROR", "\(body)")
            #expect(response.json?["details"]?[0]?["pointer"] == "/reason")
            #expect(response.json?["details"]?[0]?["code"] == "reason_required")
        }
        for (body, pointer) in [
            (#"{"status": "RECEIVED"}"#, "/status"), (#"{"status": "ready_for_pickup"}"#, "/status"),
            (#"{"reason": "x"}"#, "/status"), (#"{"status": "DISPATCHED", "stauts": 1}"#, "/stauts"),
            (#"{"status": "CANCELLED", "reason": ""}"#, "/reason"),
        ] {
            let response = await api.put("o1", body, token: token)
            #expect(response.status == 400, "\(body)")
            #expect(response.json?["details"]?.array?.contains { $0["pointer"] == .string(pointer) } == true, "\(body)")
        }
        let broken = await api.put("o1", "{\n  \"status\": \"DISPATCHED\",\n}", token: token)
        #expect(broken.status == 400 && broken.json?["details"]?[0]?["line"] == 3)
        let empty = await api.curl(.put, "/chains/chain_1/orders/o1", token: token)
        #expect(empty.status == 400)
        #expect(try await api.store.order(id: "o1")?.version == 1)
        #expect(try await api.events().count == 1)
    }

    @Test("If-Match: a stale ETag is 412 and changes nothing; the current one succeeds")
    func ifMatch() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        let token = try await api.token()
        let body = #"{"status": "READY_FOR_PICKUP"}"#
        let stale = await api.put("o1", body, token: token, headers: ["If-Match": "\"2\""])
        #expect(stale.status == 412 && stale.json?["code"] == "PRECONDITION_FAILED")
        #expect(try await api.store.order(id: "o1")?.status == .received)
        #expect(try await api.events().count == 1)
        let malformed = await api.put("o1", body, token: token, headers: ["If-Match": "2"])
        #expect(malformed.status == 400)
        let current = await api.put("o1", body, token: token, headers: ["If-Match": "\"1\""])
        #expect(current.status == 200 && current.headers["ETag"] == "\"2\"")
        let any = await api.put("o1", #"{"status": "DISPATCHED"}"#, token: token, headers: ["If-Match": "*"])
        #expect(any.status == 200 && any.headers["ETag"] == "\"3\"")
    }

    @Test("a change racing another writer is 409 CONFLICT, or 412 under If-Match")
    func versionConflict() async throws {
        let base = InMemoryOrderStore()
        let racing = StaleReadOrderStore(base: base)
        let api = try await PartnerOrdersHarness(orders: racing)
        // The harness seeded stock in its own store; this one needs its own.
        try await base.saveInventory(InventoryLevel(sku: try SKU("SHAWARMA"), onHand: 10, asOf: api.clock.now))
        try await base.saveInventory(InventoryLevel(sku: try SKU("JUICE"), onHand: 10, asOf: api.clock.now))
        let order = try await api.profile.receive(try api.order("o1"))
        let token = try await api.token()
        #expect(await api.curl(.get, "/chains/chain_1/orders/o1", token: token).status == 200)  // the stale read
        _ = try await base.apply(
            try OrderLifecycle.partnerOrders.transition(order, to: .readyForPickup, actor: "pos", now: api.clock.now))

        let conflict = await api.put("o1", #"{"status": "CANCELLED", "reason": "x"}"#, token: token)
        #expect(conflict.status == 409 && conflict.json?["code"] == "CONFLICT")
        let guarded = await api.put(
            "o1", #"{"status": "CANCELLED", "reason": "x"}"#, token: token, headers: ["If-Match": "\"1\""])
        #expect(guarded.status == 412 && guarded.json?["code"] == "PRECONDITION_FAILED")
        #expect(try await base.order(id: "o1")?.status == .readyForPickup)
        #expect(try await api.events().count == 1)
    }

    @Test("tokens: named, never expiring, at most 11 per chain; the 12th is refused")
    func tokenLimit() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        var tokens: [IssuedAPIKey] = []
        for index in 1...11 {
            tokens.append(
                try await PartnerOrdersProfile.createToken(named: "Token \(index)", chainID: "chain_1", keys: api.keys))
        }
        #expect(tokens.allSatisfy { $0.record.expiresAt == nil && $0.record.owner == "chain_1" })
        #expect(tokens.allSatisfy { $0.secret.plaintext.hasPrefix("po_live_") })
        let error = await #expect(throws: APIKeyError.self) {
            try await PartnerOrdersProfile.createToken(named: "Token 12", chainID: "chain_1", keys: api.keys)
        }
        #expect(error?.code == .keyLimitReached)
        #expect(error?.message.contains("11 tokens") == true && error?.message.contains("chain_1") == true)
        #expect(try await api.keys.list(owner: "chain_1").count == 11)
        let unnamed = await #expect(throws: APIKeyError.self) {
            try await PartnerOrdersProfile.createToken(named: " ", chainID: "chain_2", keys: api.keys)
        }
        #expect(unnamed?.code == .invalidArgument)

        // Another chain has its own 11; a revoked token frees a place.
        _ = try await api.token("chain_2")
        try await api.keys.revoke(id: tokens[0].record.id)
        let replacement = try await api.token("chain_1", name: "Token 12")

        // Ten years on, every token still works (the order is long gone: 404, not 401).
        api.clock.advance(by: .seconds(10 * 365 * 86_400))
        for token in tokens.dropFirst().map(\.secret.plaintext) + [replacement] {
            #expect(await api.curl(.get, "/chains/chain_1/orders/o1", token: token).status == 404)
        }
        #expect(await api.curl(.get, "/chains/chain_1/orders/o1", token: tokens[0].secret.plaintext).status == 401)
    }

    @Test("a read-only token reads but cannot change orders")
    func readOnlyToken() async throws {
        let api = try await PartnerOrdersHarness()
        try await api.receive("o1")
        let reader = try await PartnerOrdersProfile.createToken(
            named: "Reporting", chainID: "chain_1", keys: api.keys, permissions: [.read]
        ).secret.plaintext
        #expect(await api.curl(.get, "/chains/chain_1/orders/o1", token: reader).status == 200)
        let change = await api.put("o1", #"{"status": "READY_FOR_PICKUP"}"#, token: reader)
        #expect(change.status == 403 && change.json?["code"] == "FORBIDDEN")
    }

    @Test("the pipeline converts every OrderError code to its status")
    func orderErrorConversion() async throws {
        let cases: [(OrderError, Int, String)] = [
            (OrderError(code: .illegalTransition, message: "RECEIVED to DISPATCHED"), 409, "ILLEGAL_TRANSITION"),
            (OrderError(code: .versionConflict, message: "changed"), 409, "CONFLICT"),
            (OrderError(code: .alreadyExists, message: "exists"), 409, "CONFLICT"),
            (OrderError(code: .insufficientStock, message: "none left"), 409, "CONFLICT"),
            (OrderError(code: .itemsLocked, message: "locked"), 409, "CONFLICT"),
            (OrderError(code: .notFound, message: "no order"), 404, "NOT_FOUND"),
            (OrderError(code: .reasonRequired, message: "why?"), 400, "VALIDATION_ERROR"),
            (OrderError(code: .invalidOrder, message: "no lines"), 400, "VALIDATION_ERROR"),
            (OrderError(code: .outsideRetrievalWindow, message: "too old"), 400, "VALIDATION_ERROR"),
            (
                OrderError(
                    code: .invalidLines, message: "1 line",
                    lineIssues: [OrderLineIssue(line: 1, sku: "X", code: "unknown_sku", message: "Line 1: X")]),
                400, "VALIDATION_ERROR"
            ),
        ]
        for (error, status, code) in cases {
            let profile = APIProfile(
                name: "orders", basePath: "/v2",
                routes: [
                    Route(.get, "/fail", operationID: "fail", summary: "Fails.", access: .anonymous) { _ in
                        throw error
                    }
                ],
                dialect: PartnerOrdersDialect(), credentials: [.bearer])
            let response = await APIPipeline(profile: profile, clock: ManualClock())
                .handle(APIRequest(method: .get, target: "/v2/fail"))
            let json = try JSONValue(parsing: response.body)
            #expect(response.status == status, "\(error.code)")
            #expect(json["code"] == .string(code) && json["message"] == .string(error.message), "\(error.code)")
            #expect((json["details"] != nil) == (status == 400), "\(error.code)")
        }
        let lines = await APIPipeline(
            profile: APIProfile(
                name: "orders", basePath: "/v2",
                routes: [
                    Route(.get, "/fail", operationID: "fail", summary: "Fails.", access: .anonymous) { _ in
                        throw OrderError(
                            code: .invalidLines, message: "1 line",
                            lineIssues: [OrderLineIssue(line: 1, sku: "X", code: "unknown_sku", message: "Line 1: X")])
                    }
                ],
                dialect: PartnerOrdersDialect(), credentials: [.bearer]),
            clock: ManualClock()
        ).handle(APIRequest(method: .get, target: "/v2/fail"))
        let details = try JSONValue(parsing: lines.body)["details"]
        #expect(details == [["pointer": "/lines/1/sku", "code": "unknown_sku", "message": "Line 1: X"]])
    }

    @Test("a server fault is a 500 INTERNAL_SERVER_ERROR with a correlation id and no internals")
    func serverFault() async throws {
        struct Outage: Error {}
        let profile = PartnerOrdersProfile(orders: InMemoryOrderStore()) { _ in throw Outage() }
        let dialect = PartnerOrdersDialect()
        #expect(profile.profile.routes.map(\.operationID) == ["getOrder", "updateOrderStatus", "listVendorOrders"])
        #expect(profile.profile.routes.map(\.path.description).contains("/v2/chains/:chainId/orders/:orderId"))
        let (status, body) = dialect.failure(
            APIError(status: 500, code: .internalError, message: "Failed.", correlationID: "req_1"))
        #expect(
            status == 500 && body == ["code": "INTERNAL_SERVER_ERROR", "message": "Failed.", "correlation_id": "req_1"])
        #expect(dialect.successBody(for: .ok(["id": "o1"])) == ["id": "o1"])
        #expect(dialect.successBody(for: .noContent) == nil)

        // An outbox that fails makes receiving fail loudly instead of losing the event.
        let api = try await PartnerOrdersHarness()
        let failing = PartnerOrdersProfile(orders: api.store) { _ in throw Outage() }
        await #expect(throws: Outage.self) { try await failing.receive(try api.order("o1")) }
        #expect(try await api.store.order(id: "o1")?.status == .received)
    }
}
