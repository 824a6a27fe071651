/// What ``InventoryLevel/apply(_:)`` did with a stock update.
public enum StockUpdateOutcome: String, Sendable, Hashable, Codable {
    /// The update was newer than the level and replaced its on-hand count.
    case applied
    /// The update was not newer than the level (observed at or before its ``InventoryLevel/asOf``)
    /// and changed nothing: an older update never overwrites a newer one.
    case ignoredAsStale
}
