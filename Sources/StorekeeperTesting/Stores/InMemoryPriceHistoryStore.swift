public import StorekeeperCatalog
import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A ``PriceHistoryStore`` in memory, behind one lock.
public final class InMemoryPriceHistoryStore: PriceHistoryStore, Sendable {
    private struct Entry {
        var point: PricePoint
        var owner: String?
    }

    private let state = Locked([ProductID: [Entry]]())

    /// Creates an empty store.
    public init() {}

    /// Appends the point, keeping each product's points ordered by time.
    public func record(_ point: PricePoint, productID: ProductID, owner: String?) async throws {
        state.withLock { state in
            var entries = state[productID, default: []]
            var index = entries.endIndex
            while index > entries.startIndex, entries[index - 1].point.recordedAt > point.recordedAt {
                index -= 1
            }
            entries.insert(Entry(point: point, owner: owner), at: index)
            state[productID] = entries
        }
    }

    /// The product's points at or after `since`, newest first.
    public func history(productID: ProductID, since: Date, limit: Int?) async throws -> [PricePoint] {
        let entries = state.withLock { $0[productID] ?? [] }
        let recent = entries.reversed().prefix { $0.point.recordedAt >= since }.map(\.point)
        guard let limit else { return recent }
        return Array(recent.prefix(max(0, limit)))
    }

    /// Counts the owner's points at or after `since`.
    public func changeCount(owner: String?, since: Date) async throws -> Int {
        state.withLock { state in
            state.values.reduce(0) { total, entries in
                total + entries.count { $0.owner == owner && $0.point.recordedAt >= since }
            }
        }
    }
}
