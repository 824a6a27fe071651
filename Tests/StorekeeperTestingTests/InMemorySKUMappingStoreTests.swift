import StorekeeperTesting
import Testing

@Suite("In-memory SKU mapping store")
struct InMemorySKUMappingStoreTests {
    @Test("passes SKUMappingStoreConformance")
    func conformance() async throws {
        try await SKUMappingStoreConformance { InMemorySKUMappingStore() }.run()
    }
}
