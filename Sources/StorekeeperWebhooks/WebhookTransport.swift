public import StorekeeperCore

/// Sends one signed webhook over HTTP: the one piece of delivery a host supplies.
///
/// Storekeeper builds the request (URL, `webhook-id`, `webhook-timestamp`, `webhook-signature`,
/// `content-type`, body) and decides what to do with the answer; the transport only performs the
/// POST, with the host's HTTP client, timeouts and egress rules. Throw for "no answer"
/// (connection refused, timeout); return any HTTP answer, whatever its status.
///
/// `StorekeeperTesting` has `RecordingWebhookTransport`, which records requests and answers
/// from a script.
public protocol WebhookTransport: Sendable {
    /// POSTs `request` and returns the endpoint's answer.
    func send(_ request: WebhookRequest) async throws -> WebhookResponse
}

/// A webhook ready to POST.
public struct WebhookRequest: Sendable, Hashable {
    /// The endpoint URL.
    public var url: String
    /// The headers: `content-type`, `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    public var headers: HTTPHeaders
    /// The exact signed body.
    public var body: [UInt8]

    /// Creates a request.
    public init(url: String, headers: HTTPHeaders, body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An endpoint's answer.
public struct WebhookResponse: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The response headers (`Retry-After` is read from them).
    public var headers: HTTPHeaders

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.headers = headers
    }

    /// `Retry-After` when given in delta seconds (the form Storekeeper honours), else `nil`.
    public var retryAfter: Duration? {
        guard let text = headers["Retry-After"], let seconds = Int64(text), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }
}
