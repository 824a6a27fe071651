import StorekeeperTesting
import StorekeeperWebhooks
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Webhook delivery policy")
struct WebhookDeliveryPolicyTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let endpoint = WebhookEndpoint(
        id: "e", url: "https://e.example", secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"])
    let noJitter = WebhookDeliveryPolicy(
        schedule: WebhookDeliveryPolicy.standard.schedule,
        jitterPercent: 0,
        disableAfter: .seconds(5 * 86_400)
    )

    func fresh() -> WebhookDelivery {
        WebhookDelivery(eventID: "msg_1", endpointID: "e", nextAttemptAt: Self.start)
    }

    @Test("only 2xx is success, and success clears the endpoint's failure streak")
    func success() {
        var generator = SystemRandomNumberGenerator()
        var failing = endpoint
        failing.failingSince = Self.start
        for status in [200, 201, 204, 299] {
            let step = noJitter.transition(
                after: .response(status: status, retryAfter: nil), of: fresh(), to: failing, now: Self.start,
                using: &generator)
            #expect(step.delivery.status == .delivered)
            #expect(step.endpoint.failingSince == nil)
        }
        for status in [199, 301, 302, 400, 404, 500] {
            let step = noJitter.transition(
                after: .response(status: status, retryAfter: nil), of: fresh(), to: endpoint, now: Self.start,
                using: &generator)
            #expect(step.delivery.status == .pending, "\(status)")
            #expect(step.delivery.nextAttemptAt == Self.start.addingTimeInterval(5), "\(status)")
        }
    }

    @Test("failures follow the Standard Webhooks schedule, then the delivery fails")
    func schedule() {
        var generator = SystemRandomNumberGenerator()
        let expectedDelays: [TimeInterval] = [5, 300, 1800, 7200, 18_000, 36_000, 50_400, 72_000, 86_400]
        var delivery = fresh()
        var now = Self.start
        var endpoint = endpoint
        for delay in expectedDelays {
            let step = noJitter.transition(
                after: .noResponse(reason: "timeout"), of: delivery, to: endpoint, now: now, using: &generator)
            #expect(step.delivery.nextAttemptAt == now.addingTimeInterval(delay))
            delivery = step.delivery
            endpoint = step.endpoint
            now = now.addingTimeInterval(delay)
        }
        #expect(delivery.attempts == 9)
        let last = noJitter.transition(
            after: .response(status: 500, retryAfter: nil), of: delivery, to: endpoint, now: now, using: &generator)
        #expect(last.delivery.status == .failed)
        #expect(last.delivery.attempts == 10)
        #expect(last.delivery.lastResponseStatus == 500)
        #expect(!last.disabledEndpoint)
    }

    @Test("jitter spreads each delay within ± the percentage, reproducibly for a seeded generator")
    func jitter() {
        let policy = WebhookDeliveryPolicy.standard
        var seen = Set<Date>()
        var generator = SeededRandomNumberGenerator(seed: 1)
        for _ in 0..<200 {
            let step = policy.transition(
                after: .response(status: 500, retryAfter: nil), of: fresh(), to: endpoint, now: Self.start,
                using: &generator)
            let delay = step.delivery.nextAttemptAt?.timeIntervalSince(Self.start) ?? -1
            #expect(delay >= 4.5 && delay <= 5.5)
            if let next = step.delivery.nextAttemptAt { seen.insert(next) }
        }
        #expect(seen.count > 50, "jitter actually varies the delay")
        var first = SeededRandomNumberGenerator(seed: 7)
        var second = SeededRandomNumberGenerator(seed: 7)
        let a = policy.transition(
            after: .response(status: 500, retryAfter: nil), of: fresh(), to: endpoint, now: Self.start, using: &first)
        let b = policy.transition(
            after: .response(status: 500, retryAfter: nil), of: fresh(), to: endpoint, now: Self.start, using: &second)
        #expect(a == b)
    }

    @Test("429, 502 and 504 honour Retry-After; other statuses do not")
    func throttling() {
        var generator = SystemRandomNumberGenerator()
        for status in [429, 502, 504] {
            let step = noJitter.transition(
                after: .response(status: status, retryAfter: .seconds(120)), of: fresh(), to: endpoint, now: Self.start,
                using: &generator)
            #expect(step.delivery.nextAttemptAt == Self.start.addingTimeInterval(120), "\(status)")
        }
        let short = noJitter.transition(
            after: .response(status: 429, retryAfter: .seconds(1)), of: fresh(), to: endpoint, now: Self.start,
            using: &generator)
        #expect(short.delivery.nextAttemptAt == Self.start.addingTimeInterval(5), "never sooner than the schedule")
        let ignored = noJitter.transition(
            after: .response(status: 503, retryAfter: .seconds(120)), of: fresh(), to: endpoint, now: Self.start,
            using: &generator)
        #expect(ignored.delivery.nextAttemptAt == Self.start.addingTimeInterval(5))
    }

    @Test("410 Gone disables the endpoint at once")
    func gone() {
        var generator = SystemRandomNumberGenerator()
        let step = noJitter.transition(
            after: .response(status: 410, retryAfter: nil), of: fresh(), to: endpoint, now: Self.start,
            using: &generator)
        #expect(step.disabledEndpoint)
        #expect(step.endpoint.isDisabled)
        #expect(step.delivery.status == .failed)
    }

    @Test("an endpoint failing for the configured time is disabled, not a second earlier")
    func disablesAfterDays() {
        var generator = SystemRandomNumberGenerator()
        var failing = endpoint
        failing.failingSince = Self.start
        let justBefore = Self.start.addingTimeInterval(5 * 86_400 - 1)
        let before = noJitter.transition(
            after: .response(status: 500, retryAfter: nil), of: fresh(), to: failing, now: justBefore, using: &generator
        )
        #expect(!before.disabledEndpoint)
        #expect(before.endpoint.failingSince == Self.start, "the streak keeps its start")
        let at = noJitter.transition(
            after: .response(status: 500, retryAfter: nil), of: fresh(), to: failing,
            now: Self.start.addingTimeInterval(5 * 86_400), using: &generator)
        #expect(at.disabledEndpoint)
        #expect(at.delivery.status == .failed)
        let firstFailure = noJitter.transition(
            after: .noResponse(reason: "x"), of: fresh(), to: endpoint, now: Self.start, using: &generator)
        #expect(firstFailure.endpoint.failingSince == Self.start)
    }

    @Test("endpoint descriptions never show secrets")
    func redaction() {
        let text = String(describing: endpoint) + String(reflecting: endpoint)
        #expect(!text.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
    }
}
