public import StorekeeperCatalog

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The requirements every ``PriceHistoryStore`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func postgresPriceHistoryConforms() async throws {
///     try await PriceHistoryStoreConformance { PostgresPriceHistoryStore(pool: freshPool()) }.run()
/// }
/// ```
///
/// `makeStore` must return a new, empty store each time.
public struct PriceHistoryStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any PriceHistoryStore

    /// Creates the suite.
    public init(makeStore: @escaping @Sendable () async throws -> any PriceHistoryStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await historyIsNewestFirstWithinTheRange()
        try await countsArePerOwner()
        try await concurrentRecordsAreAllKept()
    }

    private static let start = Date(timeIntervalSince1970: 1_700_000_000)

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(
                suite: "PriceHistoryStoreConformance", requirement: requirement, observed: observed())
        }
    }

    private func point(_ cents: Int, at hours: Double) throws -> PricePoint {
        PricePoint(price: try Money(Decimal(cents) / 100, currency: .usd), recordedAt: Self.start + hours * 3600)
    }

    private func historyIsNewestFirstWithinTheRange() async throws {
        let store = try await makeStore()
        let id = ProductID(42)
        for (cents, hours) in [(1000, 0.0), (1100, 2), (1050, 1), (990, 3)] {
            try await store.record(try point(cents, at: hours), productID: id, owner: "shop")
        }
        let all = try await store.history(productID: id, since: Self.start, limit: nil)
        let hours = all.map { $0.recordedAt.timeIntervalSince(Self.start) / 3600 }
        try check(hours == [3, 2, 1, 0], "history is newest first whatever the recording order", "\(hours)")
        let recent = try await store.history(productID: id, since: Self.start + 3600, limit: 2)
        let recentHours = recent.map { $0.recordedAt.timeIntervalSince(Self.start) / 3600 }
        try check(recentHours == [3, 2], "since and limit bound the history", "\(recentHours)")
        let none = try await store.history(productID: ProductID(7), since: Self.start, limit: nil)
        try check(none.isEmpty, "a product without changes has no history", "\(none.count) points")
    }

    private func countsArePerOwner() async throws {
        let store = try await makeStore()
        try await store.record(try point(1000, at: 0), productID: ProductID(1), owner: "a")
        try await store.record(try point(1000, at: 5), productID: ProductID(2), owner: "a")
        try await store.record(try point(1000, at: 5), productID: ProductID(3), owner: "b")
        let count = try await store.changeCount(owner: "a", since: Self.start + 3600)
        try check(count == 1, "changeCount counts the owner's changes since the instant", "\(count)")
    }

    private func concurrentRecordsAreAllKept() async throws {
        let store = try await makeStore()
        let points = try (0..<64).map { try point(1000 + $0, at: Double($0) / 60) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for point in points {
                group.addTask { try await store.record(point, productID: ProductID(1), owner: "a") }
            }
            try await group.waitForAll()
        }
        let kept = try await store.history(productID: ProductID(1), since: Self.start, limit: nil)
        try check(kept.count == 64, "concurrent records are all kept", "\(kept.count) of 64")
    }
}
