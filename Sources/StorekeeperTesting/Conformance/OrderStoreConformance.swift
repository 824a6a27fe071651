public import StorekeeperCatalog
import StorekeeperPagination

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``OrderStore`` must meet, runnable against any implementation.
///
/// `makeStore` must return a new, empty store each time.
public struct OrderStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any OrderStore

    /// Creates the suite.
    public init(makeStore: @escaping @Sendable () async throws -> any OrderStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await creationReservesStockOrNothing()
        try await concurrentTransitionsFromOneVersionHaveOneWinner()
        try await cancellationReleasesStock()
        try await stockUpdatesNeverGoBackInTime()
        try await inventoryPagesByUpdateTime()
    }

    private static let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(suite: "OrderStoreConformance", requirement: requirement, observed: observed())
        }
    }

    private func setUp(onHand: Int) async throws -> (any OrderStore, Order) {
        let store = try await makeStore()
        let sku = try SKU("SKU-1")
        try await store.saveInventory(try InventoryLevel(sku: sku, onHand: onHand, asOf: Self.now))
        let line = try OrderLine(sku: sku, quantity: 2, unitPrice: try Money(parsing: "4.50", currency: .eur))
        let order = try Order(
            id: "o1", reference: "#1", vendorID: "v1", currency: .eur, lines: [line],
            lifecycle: .partnerOrders, actor: "platform", createdAt: Self.now
        )
        return (store, order)
    }

    private func creationReservesStockOrNothing() async throws {
        let (store, order) = try await setUp(onHand: 1)
        do {
            _ = try await store.apply(OrderLifecycle.partnerOrders.creation(of: order))
            try check(false, "creating an order without enough stock fails", "it succeeded")
        } catch let error as OrderError {
            try check(
                error.code == .insufficientStock,
                "creating an order without enough stock fails with insufficient_stock", "\(error.code)")
        }
        let stored = try await store.order(id: order.id)
        let level = try await store.inventory(sku: order.lines[0].sku)
        try check(
            stored == nil && level?.reserved == 0, "a failed creation writes neither the order nor a reservation",
            "\(String(describing: stored)), \(String(describing: level))")
        let (roomy, _) = try await setUp(onHand: 5)
        let created = try await roomy.apply(OrderLifecycle.partnerOrders.creation(of: order))
        let reserved = try await roomy.inventory(sku: order.lines[0].sku)?.reserved
        try check(
            created.version == 1 && reserved == 2, "creation stores version 1 and reserves every line",
            "version \(created.version), reserved \(String(describing: reserved))")
    }

    private func concurrentTransitionsFromOneVersionHaveOneWinner() async throws {
        let (store, order) = try await setUp(onHand: 10)
        let created = try await store.apply(OrderLifecycle.partnerOrders.creation(of: order))
        let step = try OrderLifecycle.partnerOrders.transition(
            created, to: .readyForPickup, actor: "vendor", now: Self.now)
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    do {
                        _ = try await store.apply(step)
                        return true
                    } catch let error as OrderError where error.code == .versionConflict {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        let stored = try await store.order(id: order.id)
        try check(
            wins == 1 && stored?.version == 2, "concurrent changes from one version: exactly one wins",
            "\(wins) won, version \(String(describing: stored?.version))")
    }

    private func cancellationReleasesStock() async throws {
        let (store, order) = try await setUp(onHand: 10)
        let created = try await store.apply(OrderLifecycle.partnerOrders.creation(of: order))
        let cancel = try OrderLifecycle.partnerOrders.transition(
            created, to: .cancelled, actor: "vendor", reason: "out of stock", now: Self.now)
        _ = try await store.apply(cancel)
        let level = try await store.inventory(sku: order.lines[0].sku)
        try check(
            level?.reserved == 0 && level?.onHand == 10, "cancelling releases the reservation in the same write",
            "\(String(describing: level))")
    }

    private func stockUpdatesNeverGoBackInTime() async throws {
        let (store, order) = try await setUp(onHand: 10)
        let sku = order.lines[0].sku
        _ = try await store.apply(OrderLifecycle.partnerOrders.creation(of: order))
        let newer = try await store.applyStockUpdate(
            StockUpdate(sku: sku, onHand: 7, observedAt: Self.now.addingTimeInterval(60)))
        let older = try await store.applyStockUpdate(
            StockUpdate(sku: sku, onHand: 99, observedAt: Self.now.addingTimeInterval(30)))
        let level = try await store.inventory(sku: sku)
        try check(
            newer == .applied && older == .ignoredAsStale && level?.onHand == 7 && level?.reserved == 2,
            "a newer update replaces on-hand and keeps reservations; an older one changes nothing",
            "\(newer), \(older), \(String(describing: level))")
        let created = try await store.applyStockUpdate(
            StockUpdate(sku: try SKU("NEW-1"), onHand: 3, observedAt: Self.now))
        let fresh = try await store.inventory(sku: try SKU("NEW-1"))
        try check(
            created == .applied && fresh?.onHand == 3, "an update creates a missing level",
            "\(String(describing: fresh))")
    }

    private func inventoryPagesByUpdateTime() async throws {
        let store = try await makeStore()
        for (index, sku) in ["C", "A", "B", "D"].enumerated() {
            _ = try await store.applyStockUpdate(
                StockUpdate(sku: try SKU(sku), onHand: index, observedAt: Self.now.addingTimeInterval(Double(index))))
        }
        let first = try await store.inventoryLevels(InventoryQuery(page: PageRequest(position: .start, limit: 3)))
        try check(
            first.items.map(\.sku.rawValue) == ["C", "A", "B"] && first.hasMore,
            "levels are listed by update time, a page at a time", "\(first.items.map(\.sku.rawValue))")
        let since = try await store.inventoryLevels(
            InventoryQuery(page: PageRequest(position: .start, limit: 10), updatedSince: Self.now.addingTimeInterval(2))
        )
        try check(
            since.items.map(\.sku.rawValue) == ["B", "D"], "updatedSince keeps the levels updated at or after it",
            "\(since.items.map(\.sku.rawValue))")
        guard let next = first.nextCursor else {
            throw ConformanceFailure(
                suite: "OrderStoreConformance", requirement: "a full page has a next cursor", observed: "none")
        }
        let second = try await store.inventoryLevels(
            InventoryQuery(page: PageRequest(position: .cursor(next), limit: 3)))
        try check(
            second.items.map(\.sku.rawValue) == ["D"] && !second.hasMore, "the next page continues after the cursor",
            "\(second.items.map(\.sku.rawValue))")
    }
}
