import StorekeeperCatalog
import StorekeeperCore
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Orders")
struct OrderTests {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    func line(
        _ sku: String, _ quantity: Int = 1, _ price: String = "3.500", currency: Currency = .kwd
    ) throws -> OrderLine {
        try OrderLine(sku: try SKU(sku), quantity: quantity, unitPrice: try Money(parsing: price, currency: currency))
    }

    func order(_ lifecycle: OrderLifecycle, lines: [OrderLine]? = nil) throws -> Order {
        try Order(
            id: "o1", reference: "#1042", vendorID: "vendor_7", chainID: "chain_1", currency: .kwd,
            lines: lines ?? [try line("A", 2), try line("B", 1, "1.250")], lifecycle: lifecycle, actor: "platform",
            createdAt: Self.now
        )
    }

    @Test("lines and totals are exact, keeping 3 decimals")
    func totals() throws {
        let order = try order(.partnerOrders)
        #expect(order.lines[0].total.amountText == "7.000")
        #expect(order.total.amountText == "8.250")
        #expect(order.status == .received && order.history.count == 1)
        #expect(throws: OrderError.self) {
            try OrderLine(sku: try SKU("A"), quantity: 0, unitPrice: try Money(parsing: "1", currency: .kwd))
        }
        #expect(throws: OrderError.self) { try self.order(.partnerOrders, lines: []) }
        #expect(throws: OrderError.self) {
            try self.order(.partnerOrders, lines: [try self.line("A", 1, "1.00", currency: .eur)])
        }
    }

    static let partnerMoves: [(OrderStatus, OrderStatus, Bool)] = [
        (.received, .readyForPickup, true), (.received, .cancelled, true), (.received, .dispatched, false),
        (.readyForPickup, .dispatched, true), (.readyForPickup, .cancelled, true), (.readyForPickup, .received, false),
        (.dispatched, .cancelled, false), (.cancelled, .received, false),
    ]

    @Test("every partner-orders move: allowed ones pass, others name both statuses", arguments: partnerMoves)
    func partnerLifecycle(from: OrderStatus, to: OrderStatus, allowed: Bool) throws {
        let lifecycle = OrderLifecycle.partnerOrders
        var current = try order(lifecycle)
        let path: [OrderStatus: [OrderStatus]] = [
            .readyForPickup: [.readyForPickup], .dispatched: [.readyForPickup, .dispatched], .cancelled: [.cancelled],
        ]
        for status in path[from] ?? [] {
            current = try lifecycle.transition(current, to: status, actor: "vendor", reason: "because", now: Self.now)
                .order
        }
        #expect(current.status == from)
        do {
            let step = try lifecycle.transition(current, to: to, actor: "vendor", reason: "because", now: Self.now)
            #expect(allowed)
            #expect(step.order.status == to && step.order.history.last?.reason == "because")
        } catch {
            #expect(!allowed)
            #expect(error.code == .illegalTransition && error.from == from && error.to == to)
            #expect(error.status == 409)
        }
        #expect(
            lifecycle.isTerminal(.dispatched) && lifecycle.isTerminal(.cancelled) && !lifecycle.isTerminal(.received))
    }

    static let retailMoves: [(OrderStatus, OrderStatus, Bool)] = [
        (.placed, .accepted, true), (.placed, .rejected, true), (.placed, .retailCancelled, true),
        (.placed, .fulfilled, false),
        (.accepted, .fulfilled, true), (.accepted, .retailCancelled, true), (.accepted, .rejected, false),
        (.fulfilled, .shipped, true), (.fulfilled, .retailCancelled, false), (.shipped, .delivered, true),
        (.delivered, .shipped, false),
    ]

    @Test("every retail move", arguments: retailMoves)
    func retailLifecycle(from: OrderStatus, to: OrderStatus, allowed: Bool) throws {
        let lifecycle = OrderLifecycle.retail
        let path: [OrderStatus: [OrderStatus]] = [
            .accepted: [.accepted], .fulfilled: [.accepted, .fulfilled], .shipped: [.accepted, .fulfilled, .shipped],
            .delivered: [.accepted, .fulfilled, .shipped, .delivered],
        ]
        var current = try order(lifecycle)
        for status in path[from] ?? [] {
            current = try lifecycle.transition(current, to: status, actor: "shop", now: Self.now).order
        }
        let result = Result { () throws(OrderError) in
            try lifecycle.transition(current, to: to, actor: "shop", reason: "r", now: Self.now)
        }
        let succeeded = (try? result.get()) != nil
        #expect(succeeded == allowed)
    }

    @Test("cancelling and rejecting need a reason")
    func reasons() throws {
        let placed = try order(.retail)
        for reason in [nil, "", "   "] as [String?] {
            #expect(throws: OrderError.self) {
                try OrderLifecycle.retail.transition(
                    placed, to: .rejected, actor: "shop", reason: reason, now: Self.now)
            }
        }
        let received = try order(.partnerOrders)
        do {
            _ = try OrderLifecycle.partnerOrders.transition(received, to: .cancelled, actor: "vendor", now: Self.now)
            Issue.record("cancelled without a reason")
        } catch {
            #expect(error.code == .reasonRequired)
        }
    }

    @Test("items change only before fulfilment")
    func itemChanges() throws {
        let lifecycle = OrderLifecycle.partnerOrders
        let received = try order(lifecycle)
        let changed = try lifecycle.changingItems(of: received, to: [try line("A", 5)], now: Self.now)
        #expect(changed.order.total.amountText == "17.500")
        let ready = try lifecycle.transition(received, to: .readyForPickup, actor: "vendor", now: Self.now).order
        let newLines = [try line("A", 1)]
        do {
            _ = try lifecycle.changingItems(of: ready, to: newLines, now: Self.now)
            Issue.record("changed items after pickup was ready")
        } catch {
            #expect(error.code == .itemsLocked)
        }
    }

    @Test("lines with unknown or unmapped SKUs are each reported")
    func lineValidation() throws {
        let known: Set<SKU> = [try SKU("EVS-1"), try SKU("EVS-2")]
        let lines = [try line("EVS-1"), try line("OTHER-9"), try line("EVS-2"), try line("NOPE")]
        let issues = OrderLineValidation.issues(in: lines, known: known)
        #expect(issues.map(\.line) == [1, 3] && issues.allSatisfy { $0.code == "unknown_sku" })
        var mapping = SKUMapping()
        try mapping.link(partner: try SKU("R-1"), host: try SKU("EVS-1"))
        let mapped = OrderLineValidation.issues(in: [try line("R-1"), try line("R-2")], known: known, mapping: mapping)
        #expect(mapped.map(\.code) == ["unmapped_sku"] && mapped.first?.line == 1)
        do {
            try OrderLineValidation.check(lines, known: known)
            Issue.record("accepted unknown SKUs")
        } catch {
            #expect(error.code == .invalidLines && error.lineIssues.count == 2 && error.status == 422)
        }
    }

    @Test("retrieval windows: 60 days back, spans of at most 60 days, forward only")
    func retrievalWindows() throws {
        let window = OrderRetrievalWindow.partnerOrders
        let day: TimeInterval = 86_400
        try window.check(orderCreatedAt: Self.now.addingTimeInterval(-60 * day), now: Self.now)
        #expect(throws: OrderError.self) {
            try window.check(orderCreatedAt: Self.now.addingTimeInterval(-60 * day - 1), now: Self.now)
        }
        try window.check(start: Self.now.addingTimeInterval(-60 * day), end: Self.now, now: Self.now)
        #expect(throws: OrderError.self) {
            try window.check(start: Self.now, end: Self.now.addingTimeInterval(-1), now: Self.now)
        }
        #expect(throws: OrderError.self) {
            try window.check(
                start: Self.now.addingTimeInterval(-61 * day), end: Self.now.addingTimeInterval(-30 * day),
                now: Self.now)
        }
        #expect(throws: OrderError.self) {
            try window.check(
                start: Self.now.addingTimeInterval(-20 * day), end: Self.now.addingTimeInterval(41 * day), now: Self.now
            )
        }
    }

    @Test("reservation follows the lifecycle: held on arrival, consumed on dispatch, released on cancel")
    func stockEffects() async throws {
        let store = InMemoryOrderStore()
        let lifecycle = OrderLifecycle.partnerOrders
        try await store.saveInventory(try InventoryLevel(sku: try SKU("A"), onHand: 10, asOf: Self.now))
        try await store.saveInventory(try InventoryLevel(sku: try SKU("B"), onHand: 10, asOf: Self.now))
        var order = try await store.apply(lifecycle.creation(of: try order(lifecycle)))
        #expect(try await store.inventory(sku: try SKU("A"))?.reserved == 2)
        order = try await store.apply(
            try lifecycle.transition(order, to: .readyForPickup, actor: "vendor", now: Self.now))
        #expect(try await store.inventory(sku: try SKU("A"))?.reserved == 2, "still held while ready")
        order = try await store.apply(try lifecycle.transition(order, to: .dispatched, actor: "rider", now: Self.now))
        let a = try await store.inventory(sku: try SKU("A"))
        #expect(a?.reserved == 0 && a?.onHand == 8)
        #expect(order.version == 3 && order.history.map(\.status) == [.received, .readyForPickup, .dispatched])
        let stale = try lifecycle.transition(try self.order(lifecycle), to: .readyForPickup, actor: "x", now: Self.now)
        await #expect(throws: OrderError.self) { try await store.apply(stale) }
        #expect(try await store.orders(vendorID: "vendor_7", createdIn: Self.now...Self.now).count == 1)
    }

    @Test("the in-memory order store meets the conformance suite")
    func conformance() async throws {
        try await OrderStoreConformance { InMemoryOrderStore() }.run()
    }
}
