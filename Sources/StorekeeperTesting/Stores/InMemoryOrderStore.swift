public import StorekeeperCatalog
import StorekeeperCore
public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An ``OrderStore`` in memory: each ``apply(_:)`` changes the order and the stock under one
/// lock, on copies that replace the stored ones only if every step succeeds.
public final class InMemoryOrderStore: OrderStore, Sendable {
    private struct State {
        var orders: [String: Order] = [:]
        var inventory: [SKU: InventoryLevel] = [:]
    }

    private let state = Locked(State())

    /// Creates an empty store.
    public init() {}

    /// Writes the order change and its stock effect atomically.
    public func apply(_ transition: OrderTransition) async throws -> Order {
        try state.withLock { (state: inout State) throws(OrderError) -> Order in
            let id = transition.order.id
            if transition.expectedVersion == 0 {
                guard state.orders[id] == nil else {
                    throw OrderError(code: .alreadyExists, message: "Order \(id) already exists.")
                }
            } else {
                guard let stored = state.orders[id] else {
                    throw OrderError(code: .notFound, message: "No order has the ID \(id).")
                }
                guard stored.version == transition.expectedVersion else {
                    throw OrderError(code: .versionConflict, message: "Order \(id) changed since it was read.")
                }
            }
            var inventory = state.inventory
            try Self.apply(transition.stock, to: &inventory)
            var order = transition.order
            order.version = transition.expectedVersion + 1
            state.inventory = inventory
            state.orders[id] = order
            return order
        }
    }

    private static func apply(
        _ effect: OrderTransition.StockEffect, to inventory: inout [SKU: InventoryLevel]
    ) throws(OrderError) {
        func each(
            _ lines: [OrderLine], _ change: (inout InventoryLevel, Int) throws(InventoryError) -> Void
        ) throws(OrderError) {
            for line in lines {
                guard var level = inventory[line.sku] else {
                    throw OrderError(code: .insufficientStock, message: "No stock is recorded for \(line.sku).")
                }
                do {
                    try change(&level, line.quantity)
                } catch {
                    throw OrderError(code: .insufficientStock, message: error.message)
                }
                inventory[line.sku] = level
            }
        }
        switch effect {
        case .none: break
        case .reserve(let lines):
            try each(lines) { (level: inout InventoryLevel, quantity: Int) throws(InventoryError) in
                try level.reserve(quantity)
            }
        case .release(let lines):
            try each(lines) { (level: inout InventoryLevel, quantity: Int) throws(InventoryError) in
                try level.release(quantity)
            }
        case .consume(let lines):
            try each(lines) { (level: inout InventoryLevel, quantity: Int) throws(InventoryError) in
                try level.consume(quantity)
            }
        case .replace(let old, let new):
            try apply(.release(old), to: &inventory)
            try apply(.reserve(new), to: &inventory)
        }
    }

    /// The order with `id`.
    public func order(id: String) async throws -> Order? {
        state.withLock { $0.orders[id] }
    }

    /// A vendor's orders created in the range, oldest first.
    public func orders(vendorID: String, createdIn range: ClosedRange<Date>) async throws -> [Order] {
        state.withLock { state in
            state.orders.values.filter { $0.vendorID == vendorID && range.contains($0.createdAt) }
                .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
    }

    /// The stock level of `sku`.
    public func inventory(sku: SKU) async throws -> InventoryLevel? {
        state.withLock { $0.inventory[sku] }
    }

    /// Stores a stock level.
    public func saveInventory(_ level: InventoryLevel) async throws {
        state.withLock { $0.inventory[level.sku] = level }
    }

    /// Applies the update to the SKU's level under the lock, creating the level if needed.
    public func applyStockUpdate(_ update: StockUpdate) async throws -> StockUpdateOutcome {
        try state.withLock { (state: inout State) throws(InventoryError) -> StockUpdateOutcome in
            guard var level = state.inventory[update.sku] else {
                state.inventory[update.sku] = try InventoryLevel(
                    sku: update.sku, location: update.location, onHand: update.onHand, asOf: update.observedAt)
                return .applied
            }
            let outcome = try level.apply(update)
            state.inventory[update.sku] = level
            return outcome
        }
    }

    /// A page of the levels the query matches, by update time then SKU.
    public func inventoryLevels(_ query: InventoryQuery) async throws -> Page<InventoryLevel> {
        let matching = state.withLock { state in state.inventory.values.filter(query.matches) }
        let sorted = matching.map { (key: query.keysetKey(of: $0), level: $0) }.sorted { $0.key < $1.key }
        switch query.page.position {
        case .page(let number):
            return Page.offset(sorted.map(\.level), page: number, limit: query.page.limit)
        case .start, .cursor:
            return KeysetPager.page(sorted, key: \.key, limit: query.page.limit, from: query.page.position)
                .map(\.level)
        }
    }
}
