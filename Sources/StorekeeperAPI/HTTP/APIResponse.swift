public import StorekeeperCore

/// A response as the pipeline produces it, for the host to convert into its framework's response.
public struct APIResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers, `Content-Type` included when there is a body.
    public var headers: HTTPHeaders
    /// The body bytes; empty when there is none.
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
