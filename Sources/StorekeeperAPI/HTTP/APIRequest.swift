public import StorekeeperCore
public import StorekeeperKeys

/// A request as the pipeline sees it, whatever server received it.
///
/// A host converts its framework's request into this value: the method, the path as sent
/// (still percent-encoded, without the query), the decoded query items, the headers, the body
/// bytes and the client address the host determined. The host, not Storekeeper, decides which
/// proxy headers to trust; ``ClientAddressResolver`` helps when it trusts some.
public struct APIRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The path as sent, percent-encoded, without the query: `/api/1/product/SOME%20ID`.
    public var path: String
    /// The decoded query items, in order; a name may repeat.
    public var query: [QueryItem]
    /// The request headers; names compare case-insensitively and may repeat.
    public var headers: HTTPHeaders
    /// The body bytes; empty when there is none.
    public var body: [UInt8]
    /// The client's address, or `nil` when the host does not know it.
    public var clientAddress: IPAddress?

    /// A request from its parts.
    public init(
        method: HTTPMethod,
        path: String,
        query: [QueryItem] = [],
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        clientAddress: IPAddress? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.clientAddress = clientAddress
    }

    /// A request from a request target such as `/api/external/v1/products?page=1&limit=20`: the
    /// part before `?` is the path, the rest is decoded into ``query``.
    public init(
        method: HTTPMethod,
        target: String,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        clientAddress: IPAddress? = nil
    ) {
        if let mark = target.firstIndex(of: "?") {
            self.init(
                method: method,
                path: String(target[..<mark]),
                query: QueryItem.parse(target[target.index(after: mark)...]),
                headers: headers,
                body: body,
                clientAddress: clientAddress
            )
        } else {
            self.init(method: method, path: target, headers: headers, body: body, clientAddress: clientAddress)
        }
    }

    /// The value of the first query item called `name`, or `nil`.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
