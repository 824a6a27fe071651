import StorekeeperTesting
import Testing

@Suite("Webhook outbox conformance")
struct WebhookOutboxConformanceTests {
    @Test("the in-memory outbox meets every requirement, including concurrent claims")
    func inMemoryConforms() async throws {
        try await WebhookOutboxConformance { InMemoryWebhookOutbox() }.run()
    }
}
