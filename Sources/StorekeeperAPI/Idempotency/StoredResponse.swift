public import StorekeeperCore

/// A response kept for replay: exactly what the first request received, without the headers
/// that describe the moment (rate-limit headers are computed afresh for each replay).
public struct StoredResponse: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The headers.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// A stored response from its parts.
    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
