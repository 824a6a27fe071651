import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storekeeper
import StorekeeperServerApp
import Testing

/// An app that answers every request with the ``APIRequest`` the adapter made of it, as JSON.
func echoApplication(
    maximumBodyBytes: Int = 64, trustedProxies: [IPNetwork] = []
) -> Application<CallbackResponder<StorekeeperRequestContext>> {
    let adapter = HTTPAdapter(maximumBodyBytes: maximumBodyBytes, trustedProxies: trustedProxies)
    let responder = CallbackResponder<StorekeeperRequestContext> { request, context in
        do {
            let converted = try await adapter.apiRequest(from: request, peer: context.remoteAddress)
            let headers = converted.headers.map { JSONValue.array([.string($0.name.lowercased()), .string($0.value)]) }
            let echo: JSONValue = [
                "method": .string(converted.method.rawValue),
                "path": .string(converted.path),
                "query": .array(converted.query.map { [.string($0.name), .string($0.value)] }),
                "headers": .array(headers),
                "body": .string(String(decoding: converted.body, as: UTF8.self)),
                "client": converted.clientAddress.map { .string($0.description) } ?? .null,
            ]
            return HTTPAdapter.response(
                from: APIResponse(
                    status: 200, headers: ["Content-Type": "application/json", "X-Echo": "yes"],
                    body: JSONWriter().serialize(echo)))
        } catch let error as HTTPAdapter.BodyTooLarge {
            return HTTPAdapter.response(from: APIResponse(status: 413, body: Array("limit \(error.limit)".utf8)))
        }
    }
    return Application(
        responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
        logger: TestServer.quiet)
}

@Suite("HTTP adapter")
struct HTTPAdapterTests {
    @Test("method, encoded path, decoded query, headers and body reach the APIRequest")
    func requestMapping() async throws {
        try await echoApplication().test(.router) { client in
            let headers = try HTTPFields([("X-Custom", "one"), ("x-custom", "two"), ("Content-Type", "text/plain")])
            try await client.execute(
                uri: "/api/1/product/SOME%20ID?name=caf%C3%A9&tag=a+b&tag=c&flag", method: .patch, headers: headers,
                body: body("hello")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers.value("X-Echo") == "yes")
                let echo = try #require(response.json)
                #expect(echo["method"] == "PATCH")
                #expect(echo["path"] == "/api/1/product/SOME%20ID")
                #expect(echo["query"] == [["name", "café"], ["tag", "a b"], ["tag", "c"], ["flag", ""]])
                let fields = echo["headers"]?.array ?? []
                #expect(fields.filter { $0[0] == "x-custom" } == [["x-custom", "one"], ["x-custom", "two"]])
                #expect(fields.contains(["content-type", "text/plain"]))
                #expect(echo["body"] == "hello")
                #expect(echo["client"] == .null)
            }
        }
    }

    @Test("repeated headers are all kept, in order")
    func repeatedHeaders() async throws {
        let request = Request(
            head: HTTPRequest(
                method: .get, scheme: "http", authority: "localhost", path: "/x",
                headerFields: try HTTPFields([("Accept", "a"), ("accept", "b")])),
            body: RequestBody(buffer: ByteBuffer()))
        let converted = try await HTTPAdapter(maximumBodyBytes: 10).apiRequest(from: request, peer: nil)
        #expect(converted.headers.values(for: "Accept") == ["a", "b"])
        #expect(converted.query.isEmpty && converted.body.isEmpty)
    }

    @Test("a body over the limit is refused, one at the limit is read")
    func bodyLimit() async throws {
        try await echoApplication(maximumBodyBytes: 8).test(.router) { client in
            try await client.execute(uri: "/x", method: .post, body: body("12345678")) { response in
                #expect(response.status == .ok && response.json?["body"] == "12345678")
            }
            try await client.execute(uri: "/x", method: .post, body: body("123456789")) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        // A streamed body without Content-Length is cut off as it arrives.
        let (stream, source) = RequestBody.makeStream()
        let request = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/x", headerFields: [:]),
            body: stream)
        let adapter = HTTPAdapter(maximumBodyBytes: 8)
        let converted = Task { try await adapter.apiRequest(from: request, peer: nil) }
        await source.yield(ByteBuffer(string: "12345"))
        await source.yield(ByteBuffer(string: "6789"))
        source.finish()
        let error = await #expect(throws: HTTPAdapter.BodyTooLarge.self) { try await converted.value }
        #expect(error?.limit == 8)
    }

    @Test("the client address is the peer; forwarding headers count only from a trusted proxy")
    func clientAddress() async throws {
        func convert(peer: String, forwardedFor: String?, trusted: [IPNetwork]) async throws -> String? {
            var fields = HTTPFields()
            if let forwardedFor {
                fields.append(HTTPField(name: try #require(HTTPField.Name("X-Forwarded-For")), value: forwardedFor))
            }
            let request = Request(
                head: HTTPRequest(
                    method: .get, scheme: "http", authority: "localhost", path: "/", headerFields: fields),
                body: RequestBody(buffer: ByteBuffer()))
            let adapter = HTTPAdapter(maximumBodyBytes: 0, trustedProxies: trusted)
            let address = try SocketAddress(ipAddress: peer, port: 40_000)
            return try await adapter.apiRequest(from: request, peer: address).clientAddress?.description
        }
        let proxies = [try #require(IPNetwork("10.0.0.0/8"))]
        #expect(try await convert(peer: "203.0.113.9", forwardedFor: nil, trusted: []) == "203.0.113.9")
        #expect(try await convert(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trusted: []) == "203.0.113.9")
        #expect(try await convert(peer: "10.0.0.2", forwardedFor: "198.51.100.1", trusted: []) == "10.0.0.2")
        #expect(try await convert(peer: "10.0.0.2", forwardedFor: "198.51.100.1", trusted: proxies) == "198.51.100.1")
        #expect(
            try await convert(peer: "203.0.113.9", forwardedFor: "198.51.100.1", trusted: proxies) == "203.0.113.9")
        #expect(try await convert(peer: "::1", forwardedFor: nil, trusted: []) == "::1")
    }

    @Test("over a real connection the client address is the socket's peer")
    func liveClientAddress() async throws {
        try await echoApplication().test(.live) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.json?["client"] == "127.0.0.1")
            }
        }
    }

    @Test("an APIResponse becomes a response with its status, repeated headers and body")
    func responseMapping() async throws {
        let response = HTTPAdapter.response(
            from: APIResponse(
                status: 429, headers: HTTPHeaders([.init(name: "Vary", value: "a"), .init(name: "Vary", value: "b")]),
                body: Array("{}".utf8)))
        #expect(response.status.code == 429)
        #expect(response.headers[values: try #require(HTTPField.Name("Vary"))] == ["a", "b"])
    }
}
