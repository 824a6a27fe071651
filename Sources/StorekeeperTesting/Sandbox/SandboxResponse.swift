public import StorekeeperCore
public import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A response from a ``Sandbox``: status, headers, raw body, and the body parsed or decoded.
public struct SandboxResponse: Sendable {
    /// The HTTP status.
    public let status: Int
    /// The headers.
    public let headers: HTTPHeaders
    /// The raw body.
    public let body: [UInt8]

    /// A response from its parts.
    public init(status: Int, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body as JSON, or `nil` when it is empty or not JSON.
    public var json: JSONValue? {
        try? JSONValue(parsing: body)
    }

    /// The body as text.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The body decoded into a `Decodable` model, as a client would with `JSONDecoder`.
    public func decode<Model: Decodable>(_ type: Model.Type) throws -> Model {
        try JSONDecoder().decode(type, from: Data(body))
    }
}
