public import StorekeeperPagination

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Which stock levels to list, and which page: levels are ordered by the time of their last
/// stock update (``InventoryLevel/asOf``), then by SKU, so a client syncing with
/// ``updatedSince`` never misses a level that changes while it pages.
public struct InventoryQuery: Sendable, Hashable {
    /// The page: ``StorekeeperPagination/PageRequest/Position/start`` or a cursor from the previous page.
    public var page: PageRequest
    /// Only levels updated at or after this instant, when set.
    public var updatedSince: Date?

    /// A query from its parts.
    public init(page: PageRequest, updatedSince: Date? = nil) {
        self.page = page
        self.updatedSince = updatedSince
    }

    /// Whether `level` belongs in the result.
    public func matches(_ level: InventoryLevel) -> Bool {
        guard let updatedSince else { return true }
        return level.asOf >= updatedSince
    }

    /// The keyset position of `level`: its update time in milliseconds, then its SKU.
    public func keysetKey(of level: InventoryLevel) -> KeysetKey {
        let milliseconds = (level.asOf.timeIntervalSince1970 * 1000).rounded(.down)
        return KeysetKey(values: [.integer(Int64(exactly: milliseconds) ?? 0)], id: level.sku.rawValue)
    }
}
