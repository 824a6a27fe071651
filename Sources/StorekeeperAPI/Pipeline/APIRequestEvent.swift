/// What happened to one request: the route, the status, how long it took, which key, what the
/// rate limiter said.
public struct APIRequestEvent: Sendable {
    /// What the rate limiter said.
    public enum RateLimitOutcome: Sendable, Hashable {
        /// The route is not limited, or the request stopped before the limiter.
        case notApplied
        /// The request was admitted; units left in the tightest window.
        case allowed(remaining: Int)
        /// The request was refused with a 429.
        case denied
    }

    /// The request method.
    public var method: HTTPMethod
    /// The request path as sent.
    public var path: String
    /// The matched route's operation id, or `nil` when no route matched.
    public var operationID: String?
    /// The response status.
    public var status: Int
    /// The time the pipeline spent, measured on a monotonic clock.
    public var duration: Duration
    /// The key the request was attributed to, or `nil`.
    public var keyID: String?
    /// What the rate limiter said.
    public var rateLimit: RateLimitOutcome
    /// The error's code when the response is a failure.
    public var errorCode: APIError.Code?
    /// The correlation id of a 500, also in its body.
    public var correlationID: String?
    /// Whether the response is a stored one replayed for a repeated `Idempotency-Key`.
    public var isIdempotentReplay: Bool
}
