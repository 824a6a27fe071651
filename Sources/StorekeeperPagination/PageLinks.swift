public import StorekeeperCore

/// The URLs of the pages around an offset page: first, previous, next and (when the total is
/// known) last, built from the request's own path and query so every other parameter (filters
/// such as `active=true`) is kept, in order, and percent-encoded correctly.
public struct PageLinks: Sendable, Hashable {
    /// The first page.
    public var first: String
    /// The previous page, unless this is the first.
    public var previous: String?
    /// The next page, if there are more items.
    public var next: String?
    /// The last page, when the total is known.
    public var last: String?

    /// Builds the links of `page`.
    ///
    /// - Parameters:
    ///   - page: The page served.
    ///   - path: The request path, such as `/api/products`.
    ///   - query: The request's decoded query items.
    ///   - pageParameter: The page-number parameter to set in each link.
    public init(for page: Page<some Sendable>, path: String, query: [QueryItem], pageParameter: String = "page") {
        let current = page.page ?? 1
        func url(_ number: Int) -> String {
            var items = query
            if let index = items.firstIndex(where: { $0.name == pageParameter }) {
                items[index].value = String(number)
                items.removeAll { $0.name == pageParameter && $0.value != String(number) }
            } else {
                items.append(QueryItem(name: pageParameter, value: String(number)))
            }
            return path + "?" + QueryItem.encode(items)
        }
        first = url(1)
        previous = current > 1 ? url(current - 1) : nil
        next = page.hasMore ? url(current + 1) : nil
        last = page.totalPages.map(url)
    }

    /// The links as an RFC 8288 `Link` header value: `<url>; rel="next", ...`.
    public var linkHeader: String {
        [("first", first), ("prev", previous), ("next", next), ("last", last)]
            .compactMap { rel, url in url.map { "<\($0)>; rel=\"\(rel)\"" } }
            .joined(separator: ", ")
    }
}
