import StorekeeperPagination

extension CatalogStore {
    /// Every product `query` matches, in its order, read a keyset page of `pageSize` at a time
    /// (the query's own page is ignored).
    ///
    /// For work over a whole owner's catalogue, such as statistics or a staleness sweep; an API
    /// answer should page instead.
    public func allProducts(_ query: ProductQuery, pageSize: Int = 100) async throws -> [Product] {
        var query = query
        var products: [Product] = []
        var position = PageRequest.Position.start
        while true {
            query.page = PageRequest(position: position, limit: max(1, pageSize))
            let page = try await list(query)
            products += page.items
            guard page.hasMore, let next = page.nextCursor else { return products }
            position = .cursor(next)
        }
    }
}
