/// Pages through a sorted in-memory collection by keyset, in O(log n) per page whatever its depth.
///
/// The in-memory stores keep their items sorted by ``KeysetKey`` and page with this; a page
/// starts strictly after (or ends strictly before) the cursor's key, so items added or removed
/// meanwhile never make a page repeat or skip an item that stayed.
///
/// ```swift
/// let page = KeysetPager.page(sortedProducts, key: \.keysetKey, limit: 50, from: request.position)
/// ```
public enum KeysetPager {
    /// The page of `sorted` (ascending by `key`) at `position`.
    ///
    /// - Parameters:
    ///   - sorted: The items, ascending by their keys, keys unique.
    ///   - key: Each item's key.
    ///   - limit: The page size.
    ///   - position: `.start`, or a cursor (a page number is read as `.start`).
    /// - Complexity: O(log *n* + `limit`).
    public static func page<Element: Sendable>(
        _ sorted: [Element],
        key: (Element) -> KeysetKey,
        limit: Int,
        from position: PageRequest.Position
    ) -> Page<Element> {
        let limit = max(limit, 1)
        var start = 0
        var end = sorted.count
        switch position {
        case .cursor(let cursor) where cursor.direction == .after:
            start = firstIndex(in: sorted, key: key) { $0 > cursor.key }
            end = min(sorted.count, start + limit)
        case .cursor(let cursor):
            end = firstIndex(in: sorted, key: key) { $0 >= cursor.key }
            start = max(0, end - limit)
        default:
            end = min(sorted.count, limit)
        }
        let items = Array(sorted[start..<end])
        return Page(
            items: items,
            limit: limit,
            hasMore: end < sorted.count,
            nextCursor: end < sorted.count && !items.isEmpty
                ? items.last.map { Cursor(key: key($0), direction: .after) } : nil,
            previousCursor: start > 0 && !items.isEmpty
                ? items.first.map { Cursor(key: key($0), direction: .before) } : nil
        )
    }

    /// The first index whose key satisfies `predicate`, which must be false then true along the array.
    private static func firstIndex<Element>(
        in sorted: [Element],
        key: (Element) -> KeysetKey,
        where predicate: (KeysetKey) -> Bool
    ) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = low + (high - low) / 2
            if predicate(key(sorted[middle])) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
