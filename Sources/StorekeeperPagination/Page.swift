/// One page of a list, with what a client needs to ask for the next.
///
/// For an offset list, `page` and `limit` say where it is and `total` (when the store can count
/// cheaply) how many there are; for a keyset list, `nextCursor` and `previousCursor` lead on.
public struct Page<Element: Sendable>: Sendable {
    /// The items of this page.
    public var items: [Element]
    /// The page number of an offset list, from 1; `nil` for a keyset page.
    public var page: Int?
    /// The page size asked for.
    public var limit: Int
    /// The number of items in the whole list, when known.
    public var total: Int?
    /// Whether items follow this page.
    public var hasMore: Bool
    /// The cursor of the next page, for a keyset list with more items.
    public var nextCursor: Cursor?
    /// The cursor of the previous page, for a keyset list not at its start.
    public var previousCursor: Cursor?

    /// Creates a page.
    public init(
        items: [Element],
        page: Int? = nil,
        limit: Int,
        total: Int? = nil,
        hasMore: Bool,
        nextCursor: Cursor? = nil,
        previousCursor: Cursor? = nil
    ) {
        self.items = items
        self.page = page
        self.limit = limit
        self.total = total
        self.hasMore = hasMore
        self.nextCursor = nextCursor
        self.previousCursor = previousCursor
    }

    /// The number of pages, when the total is known: at least 1, so an empty list has one empty page.
    public var totalPages: Int? {
        total.map { max(1, ($0 + limit - 1) / max(limit, 1)) }
    }

    /// The same page with its items transformed, such as models into their wire form.
    public func map<Other: Sendable>(_ transform: (Element) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(
            items: try items.map(transform),
            page: page,
            limit: limit,
            total: total,
            hasMore: hasMore,
            nextCursor: nextCursor,
            previousCursor: previousCursor
        )
    }
}

extension Page {
    /// Slices one offset page out of a whole list held in memory.
    ///
    /// - Complexity: O(`limit`).
    public static func offset(_ all: [Element], page: Int, limit: Int) -> Page {
        let limit = max(limit, 1)
        let (start, overflow) = (max(page, 1) - 1).multipliedReportingOverflow(by: limit)
        guard !overflow, start < all.count else {
            return Page(items: [], page: page, limit: limit, total: all.count, hasMore: false)
        }
        let end = min(all.count, start + limit)
        return Page(
            items: Array(all[start..<end]), page: page, limit: limit, total: all.count, hasMore: end < all.count)
    }
}
