import HTTPTypes
public import Hummingbird
public import NIOCore
public import Storekeeper

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Converts between Hummingbird's requests and responses and Storekeeper's ``APIRequest`` and
/// ``APIResponse``.
///
/// The body is read as it streams in and reading stops as soon as it passes
/// ``maximumBodyBytes``, so an oversized upload costs at most that much memory. The client
/// address is the connection's peer; `Forwarded` and `X-Forwarded-For` are believed only from
/// the networks in ``resolver``'s trusted proxies.
public struct HTTPAdapter: Sendable {
    /// The largest body read; one byte more is ``BodyTooLarge``.
    public var maximumBodyBytes: Int
    /// Decides the client address from the peer and the forwarding headers.
    public var resolver: ClientAddressResolver

    /// An adapter reading at most `maximumBodyBytes` and trusting `trustedProxies`.
    public init(maximumBodyBytes: Int, trustedProxies: [IPNetwork] = []) {
        self.maximumBodyBytes = maximumBodyBytes
        self.resolver = ClientAddressResolver(trustedProxies: trustedProxies)
    }

    /// The body was larger than the adapter reads.
    public struct BodyTooLarge: Error, Sendable, Equatable {
        /// The limit that was passed.
        public var limit: Int
    }

    /// The request's method, path (still percent-encoded), decoded query, headers, body and
    /// client address.
    ///
    /// - Parameters:
    ///   - request: The request as Hummingbird received it; its body is consumed.
    ///   - peer: The connection's peer address, if there is a socket.
    /// - Throws: ``BodyTooLarge`` when the declared or streamed body passes the limit; the body
    ///   stream's own errors.
    public func apiRequest(from request: Request, peer: SocketAddress?) async throws -> APIRequest {
        var headers = Storekeeper.HTTPHeaders()
        for field in request.headers {
            headers.add(name: field.name.rawName, value: field.value)
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBodyBytes {
            throw BodyTooLarge(limit: maximumBodyBytes)
        }
        var body: [UInt8] = []
        for try await buffer in request.body {
            guard buffer.readableBytes <= maximumBodyBytes - body.count else {
                throw BodyTooLarge(limit: maximumBodyBytes)
            }
            body.append(contentsOf: buffer.readableBytesView)
        }
        let query = request.uri.query.map { QueryItem.parse($0) } ?? []
        return APIRequest(
            method: Storekeeper.HTTPMethod(request.method.rawValue),
            path: request.uri.path,
            query: query,
            headers: headers,
            body: body,
            clientAddress: resolver.clientAddress(peer: Self.address(of: peer), headers: headers)
        )
    }

    /// The peer as an ``IPAddress``; `nil` for a Unix socket or no socket.
    public static func address(of peer: SocketAddress?) -> IPAddress? {
        guard let peer, let text = peer.ipAddress else { return nil }
        return IPAddress(text)
    }

    /// The Hummingbird response for `response`: its status, headers and body.
    public static func response(from response: APIResponse) -> Response {
        var fields = HTTPFields()
        for field in response.headers {
            guard let name = HTTPField.Name(field.name) else { continue }
            fields.append(HTTPField(name: name, value: field.value))
        }
        return Response(
            status: HTTPResponse.Status(code: response.status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body))
        )
    }
}
