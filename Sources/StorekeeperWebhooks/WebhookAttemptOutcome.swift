/// What one delivery attempt got back.
public enum WebhookAttemptOutcome: Sendable, Hashable {
    /// The endpoint answered; `retryAfter` is its `Retry-After` in seconds, if it sent one.
    case response(status: Int, retryAfter: Duration?)
    /// No answer: connection refused, timeout, TLS failure. The reason is for operators.
    case noResponse(reason: String)
}
