import StorekeeperCore
public import StorekeeperWebhooks

/// A ``WebhookTransport`` that records every request and answers from a script, for tests.
///
/// ```swift
/// let transport = RecordingWebhookTransport(answers: [.status(503), .status(200)])
/// ```
public final class RecordingWebhookTransport: WebhookTransport, Sendable {
    /// One scripted answer.
    public enum Answer: Sendable, Hashable {
        /// Answer with this status (and `Retry-After` seconds, if given).
        case status(Int, retryAfterSeconds: Int? = nil)
        /// Fail as if the endpoint could not be reached.
        case unreachable
    }

    /// The error thrown for ``Answer/unreachable``.
    public struct Unreachable: Error, Sendable {}

    private struct State {
        var answers: [Answer]
        var requests: [WebhookRequest] = []
    }

    private let state: Locked<State>
    private let fallback: Answer

    /// Creates a transport that gives `answers` in order, then `fallback` for ever.
    public init(answers: [Answer] = [], fallback: Answer = .status(200)) {
        state = Locked(State(answers: answers))
        self.fallback = fallback
    }

    /// Every request sent so far, in order.
    public var requests: [WebhookRequest] {
        state.withLock { $0.requests }
    }

    /// Records the request and gives the next scripted answer.
    public func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        let answer = state.withLock { state in
            state.requests.append(request)
            return state.answers.isEmpty ? fallback : state.answers.removeFirst()
        }
        switch answer {
        case .status(let status, let retryAfter):
            var response = WebhookResponse(status: status)
            if let retryAfter { response.headers.add(name: "Retry-After", value: String(retryAfter)) }
            return response
        case .unreachable:
            throw Unreachable()
        }
    }
}
