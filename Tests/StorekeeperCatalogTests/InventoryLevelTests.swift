import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("InventoryLevel")
struct InventoryLevelTests {
    let sku: SKU
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    init() throws {
        sku = try SKU("EV-100")
    }

    private func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    @Test("available is on hand minus reserved, never negative without backorders")
    func available() throws {
        var level = try InventoryLevel(sku: sku, onHand: 10, asOf: t0)
        #expect(level.available == 10)
        try level.reserve(4)
        #expect(level.available == 6)
        #expect(level.reserved == 4)
        try level.apply(StockUpdate(sku: sku, onHand: 2, observedAt: at(60)))
        #expect(level.onHand == 2)
        #expect(level.available == 0)
    }

    @Test("backorders let available go negative")
    func backorder() throws {
        var level = try InventoryLevel(sku: sku, onHand: 1, allowsBackorder: true, asOf: t0)
        try level.reserve(3)
        #expect(level.available == -2)
        try level.apply(StockUpdate(sku: sku, onHand: -5, observedAt: at(1)))
        #expect(level.onHand == -5)
    }

    @Test("reservations beyond availability are refused without backorders")
    func insufficient() throws {
        var level = try InventoryLevel(sku: sku, onHand: 2, asOf: t0)
        let error = #expect(throws: InventoryError.self) { try level.reserve(3) }
        #expect(error?.code == .insufficientStock)
        #expect(error?.httpStatus == 409)
        #expect(error?.sku == sku)
        #expect(level.reserved == 0)
        try level.reserve(2)
        #expect(level.available == 0)
    }

    @Test("releases return reserved units and cannot exceed them")
    func release() throws {
        var level = try InventoryLevel(sku: sku, onHand: 5, reserved: 3, asOf: t0)
        try level.release(2)
        #expect(level.reserved == 1)
        #expect(level.available == 4)
        #expect((#expect(throws: InventoryError.self) { try level.release(2) })?.code == .invalidQuantity)
        #expect(throws: InventoryError.self) { try level.release(0) }
        #expect(throws: InventoryError.self) { try level.reserve(-1) }
    }

    @Test("an older or equally old update never overwrites a newer one")
    func staleUpdates() throws {
        var level = try InventoryLevel(sku: sku, onHand: 10, asOf: at(100))
        #expect(try level.apply(StockUpdate(sku: sku, onHand: 7, observedAt: at(200))) == .applied)
        #expect(try level.apply(StockUpdate(sku: sku, onHand: 99, observedAt: at(150))) == .ignoredAsStale)
        #expect(try level.apply(StockUpdate(sku: sku, onHand: 98, observedAt: at(200))) == .ignoredAsStale)
        #expect(level.onHand == 7)
        #expect(level.asOf == at(200))
    }

    @Test("updates converge whatever order they arrive in")
    func orderIndependence() throws {
        let updates = (1...6).map { StockUpdate(sku: sku, onHand: $0 * 10, observedAt: at(TimeInterval($0))) }
        var forward = try InventoryLevel(sku: sku, onHand: 0, asOf: t0)
        var backward = forward
        for update in updates { try forward.apply(update) }
        for update in updates.reversed() { try backward.apply(update) }
        #expect(forward == backward)
        #expect(forward.onHand == 60)
    }

    @Test("updates for another SKU or location are refused")
    func mismatched() throws {
        var level = try InventoryLevel(sku: sku, location: "AMS", onHand: 1, asOf: t0)
        let otherSKU = StockUpdate(sku: try SKU("EV-101"), location: "AMS", onHand: 1, observedAt: at(1))
        #expect((#expect(throws: InventoryError.self) { try level.apply(otherSKU) })?.code == .mismatchedUpdate)
        let otherPlace = StockUpdate(sku: sku, location: "RTM", onHand: 1, observedAt: at(1))
        #expect(throws: InventoryError.self) { try level.apply(otherPlace) }
        #expect(try level.apply(StockUpdate(sku: sku, location: "AMS", onHand: 4, observedAt: at(1))) == .applied)
    }

    @Test("invalid quantities are refused, also in newer updates")
    func invalidQuantities() throws {
        #expect(throws: InventoryError.self) { try InventoryLevel(sku: sku, onHand: -1, asOf: t0) }
        #expect(throws: InventoryError.self) { try InventoryLevel(sku: sku, onHand: 1, reserved: -1, asOf: t0) }
        #expect(throws: InventoryError.self) {
            try InventoryLevel(sku: sku, onHand: InventoryLevel.maximumQuantity + 1, asOf: t0)
        }
        #expect(throws: InventoryError.self) {
            try InventoryLevel(sku: sku, onHand: Int.min, allowsBackorder: true, asOf: t0)
        }
        var level = try InventoryLevel(sku: sku, onHand: 3, asOf: t0)
        let error = #expect(throws: InventoryError.self) {
            try level.apply(StockUpdate(sku: sku, onHand: -2, observedAt: at(1)))
        }
        #expect(error?.code == .invalidQuantity)
        #expect(error?.httpStatus == 422)
        #expect(level.onHand == 3)
        #expect(level.asOf == t0)
        #expect(throws: InventoryError.self) { try level.reserve(Int.max) }
    }

    @Test("Everspring: a level older than the sync interval is stale")
    func staleness() throws {
        let level = try InventoryLevel(sku: sku, onHand: 1, asOf: t0)
        let hour = InventoryLevel.everspringSyncInterval
        #expect(hour == .seconds(3600))
        #expect(!level.isStale(now: at(3599), maxAge: hour))
        #expect(!level.isStale(now: at(3600), maxAge: hour))
        #expect(level.isStale(now: at(3601), maxAge: hour))
        #expect(!level.isStale(now: at(-60), maxAge: hour))
        #expect(level.isStale(now: at(1), maxAge: .milliseconds(500)))
    }

    @Test("levels round-trip through Codable and decode only when valid")
    func codable() throws {
        var level = try InventoryLevel(sku: sku, location: "AMS", onHand: 5, reserved: 2, asOf: t0)
        try level.apply(StockUpdate(sku: sku, location: "AMS", onHand: 6, observedAt: at(5)))
        let data = try JSONEncoder().encode(level)
        #expect(try JSONDecoder().decode(InventoryLevel.self, from: data) == level)
        let invalid = Data(
            #"{"sku":"A","onHand":-1,"reserved":0,"allowsBackorder":false,"asOf":0}"#.utf8
        )
        #expect(throws: InventoryError.self) { try JSONDecoder().decode(InventoryLevel.self, from: invalid) }
    }
}
