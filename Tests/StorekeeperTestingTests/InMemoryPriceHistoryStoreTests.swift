import StorekeeperTesting
import Testing

@Suite("In-memory price history store")
struct InMemoryPriceHistoryStoreTests {
    @Test("passes PriceHistoryStoreConformance")
    func conformance() async throws {
        try await PriceHistoryStoreConformance { InMemoryPriceHistoryStore() }.run()
    }
}
