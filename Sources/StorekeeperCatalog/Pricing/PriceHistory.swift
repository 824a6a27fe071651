import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A product's price changes in time order, with the two views ShopiSync serves: the most recent
/// entries (`GET /products/:id` shows the last 10) and the entries of the last few days
/// (`GET /price-history/:id?days=30`).
///
/// ```swift
/// var history = PriceHistory()
/// history.record(PricePoint(price: price, recordedAt: clock.now))
/// history.latest(10)
/// history.points(inLast: .seconds(30 * 86_400), now: clock.now)
/// ```
public struct PriceHistory: Sendable, Hashable, Codable {
    /// Every entry, oldest first; entries recorded at the same instant keep their recording order.
    public private(set) var points: [PricePoint]

    /// Creates a history from entries in any order.
    ///
    /// - Parameter points: The entries.
    /// - Complexity: O(*n* log *n*).
    public init(_ points: some Sequence<PricePoint> = []) {
        self.points = points.enumerated()
            .sorted { ($0.element.recordedAt, $0.offset) < ($1.element.recordedAt, $1.offset) }
            .map(\.element)
    }

    /// Adds an entry in time order, after any entry recorded at the same instant.
    ///
    /// - Parameter point: The entry.
    /// - Complexity: O(*n*) in the worst case; O(1) when entries arrive in time order.
    public mutating func record(_ point: PricePoint) {
        var index = points.endIndex
        while index > points.startIndex, points[index - 1].recordedAt > point.recordedAt {
            index -= 1
        }
        points.insert(point, at: index)
    }

    /// The most recent entries, newest first.
    ///
    /// - Parameter count: How many entries at most; zero or less gives none.
    /// - Returns: Up to `count` entries.
    /// - Complexity: O(*count*).
    public func latest(_ count: Int) -> [PricePoint] {
        Array(points.suffix(max(0, count)).reversed())
    }

    /// The entries recorded within `duration` before `now` (inclusive), newest first.
    ///
    /// - Parameters:
    ///   - duration: How far back to look, for example 30 days.
    ///   - now: The current time.
    /// - Returns: The entries with `recordedAt` at or after `now - duration`.
    /// - Complexity: O(*n*).
    public func points(inLast duration: Duration, now: Date) -> [PricePoint] {
        let start = now.adding(.zero - duration)
        return points.reversed().prefix { $0.recordedAt >= start }.filter { $0.recordedAt <= now }
    }
}
