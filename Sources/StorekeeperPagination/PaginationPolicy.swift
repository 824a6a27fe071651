/// How one API names and bounds its pagination parameters.
///
/// ```swift
/// let policy = PaginationPolicy(limitParameter: "page_size", defaultLimit: 20, maximumLimit: 100)
/// let request = try PageRequest(query: QueryItem.parse("page=2&page_size=50"), policy: policy)
/// ```
public struct PaginationPolicy: Sendable, Hashable {
    /// What to do with a limit above ``maximumLimit``.
    public enum OverLimit: Sendable, Hashable {
        /// Use the maximum instead.
        case clamp
        /// Refuse with ``PaginationError/Code/limitTooLarge``.
        case reject
    }

    /// The page-number parameter, or `nil` when the API pages by cursor only.
    public var pageParameter: String?
    /// The page-size parameter.
    public var limitParameter: String
    /// The parameter carrying a cursor to the items after it, or `nil` for offset-only APIs.
    public var afterParameter: String?
    /// The parameter carrying a cursor to the items before it, or `nil`.
    public var beforeParameter: String?
    /// The sort parameter, or `nil` when the order is fixed.
    public var sortParameter: String?
    /// The fields the list may be sorted by.
    public var sortFields: Set<String>
    /// The order when none is asked for.
    public var defaultSort: SortOrder?
    /// The page size when none is asked for.
    public var defaultLimit: Int
    /// The largest page size served.
    public var maximumLimit: Int
    /// Clamp or reject larger limits.
    public var overLimit: OverLimit

    /// Creates a policy.
    public init(
        pageParameter: String? = "page",
        limitParameter: String = "limit",
        afterParameter: String? = nil,
        beforeParameter: String? = nil,
        sortParameter: String? = nil,
        sortFields: Set<String> = [],
        defaultSort: SortOrder? = nil,
        defaultLimit: Int = 20,
        maximumLimit: Int = 100,
        overLimit: OverLimit = .clamp
    ) {
        self.pageParameter = pageParameter
        self.limitParameter = limitParameter
        self.afterParameter = afterParameter
        self.beforeParameter = beforeParameter
        self.sortParameter = sortParameter
        self.sortFields = sortFields
        self.defaultSort = defaultSort
        self.defaultLimit = max(1, defaultLimit)
        self.maximumLimit = max(1, maximumLimit)
        self.overLimit = overLimit
    }

    /// ShopiSync: `page` (default 1) and `limit` (default 50, at most 100, larger clamped).
    public static let shopiSync = PaginationPolicy(defaultLimit: 50, maximumLimit: 100)
    /// EverShop: `page` and `limit` (default 20, at most 100, larger clamped).
    public static let everShop = PaginationPolicy(defaultLimit: 20, maximumLimit: 100)
    /// The partner orders API: `page` (default 1) and `page_size` (default 20, at most 100, larger refused).
    public static let partnerOrders = PaginationPolicy(
        limitParameter: "page_size",
        defaultLimit: 20,
        maximumLimit: 100,
        overLimit: .reject
    )
    /// Keyset paging in Stripe's style: `limit` (default 10, at most 100), `starting_after` and
    /// `ending_before` carrying opaque cursors.
    public static let keyset = PaginationPolicy(
        pageParameter: nil,
        afterParameter: "starting_after",
        beforeParameter: "ending_before",
        defaultLimit: 10,
        maximumLimit: 100,
        overLimit: .reject
    )
}
