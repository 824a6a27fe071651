public import StorekeeperCatalog

/// The requirements every ``SKUMappingStore`` must meet, runnable against any implementation.
///
/// ```swift
/// @Test func postgresMappingsConform() async throws {
///     try await SKUMappingStoreConformance { PostgresSKUMappingStore(pool: freshPool()) }.run()
/// }
/// ```
///
/// `makeStore` must return a new, empty store each time.
public struct SKUMappingStoreConformance: Sendable {
    private let makeStore: @Sendable () async throws -> any SKUMappingStore

    /// Creates the suite.
    public init(makeStore: @escaping @Sendable () async throws -> any SKUMappingStore) {
        self.makeStore = makeStore
    }

    /// Runs every requirement; throws ``ConformanceFailure`` at the first one broken.
    public func run() async throws {
        try await linksArePerOwnerAndOneToOne()
        try await concurrentConflictingLinksHaveOneWinner()
    }

    private func check(_ condition: Bool, _ requirement: String, _ observed: @autoclosure () -> String) throws {
        guard condition else {
            throw ConformanceFailure(
                suite: "SKUMappingStoreConformance", requirement: requirement, observed: observed())
        }
    }

    private func linksArePerOwnerAndOneToOne() async throws {
        let store = try await makeStore()
        let link = SKULink(partner: try SKU("EV-1"), host: try SKU("MY-1"))
        try await store.link(link, owner: "a")
        try await store.link(link, owner: "a")
        try await store.link(SKULink(partner: try SKU("EV-1"), host: try SKU("OTHER")), owner: "b")
        let links = try await store.links(owner: "a")
        try check(links == [link], "linking the same pair twice keeps one link, per owner", "\(links)")
        do {
            try await store.link(SKULink(partner: try SKU("EV-1"), host: try SKU("MY-2")), owner: "a")
            try check(false, "a partner SKU links to one host SKU", "a second link was accepted")
        } catch let error as SKUMappingError {
            try check(error.code == .partnerSKUAlreadyMapped, "the conflict names the partner SKU", "\(error.code)")
        }
        do {
            try await store.link(SKULink(partner: try SKU("EV-2"), host: try SKU("MY-1")), owner: "a")
            try check(false, "a host SKU links to one partner SKU", "a second link was accepted")
        } catch let error as SKUMappingError {
            try check(error.code == .hostSKUAlreadyMapped, "the conflict names the host SKU", "\(error.code)")
        }
        let removed = try await store.unlink(partner: try SKU("EV-1"), owner: "a")
        let again = try await store.unlink(partner: try SKU("EV-1"), owner: "a")
        let others = try await store.links(owner: "b")
        try check(
            removed == link && again == nil && others.count == 1, "unlink removes the owner's link only",
            "\(String(describing: removed)), \(String(describing: again)), \(others)")
    }

    private func concurrentConflictingLinksHaveOneWinner() async throws {
        let store = try await makeStore()
        let partner = try SKU("EV-9")
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                let link = SKULink(partner: partner, host: try SKU("MY-\(index)"))
                group.addTask {
                    do {
                        try await store.link(link, owner: "a")
                        return true
                    } catch is SKUMappingError {
                        return false
                    }
                }
            }
            var count = 0
            for try await won in group where won { count += 1 }
            return count
        }
        let links = try await store.links(owner: "a")
        try check(
            winners == 1 && links.count == 1, "of concurrent conflicting links exactly one wins", "\(winners) won")
    }
}
