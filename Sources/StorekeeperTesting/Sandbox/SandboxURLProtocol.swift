import Foundation
import StorekeeperAPI
import StorekeeperCore

#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// A `URLProtocol` that answers every request of a URLSession from a ``Sandbox`` in-process, so
/// a client written against URLSession is tested unchanged and nothing reaches the network.
///
/// Get a session from ``Sandbox/makeURLSession()`` and point the client at
/// ``Sandbox/baseURL``: each sandbox has a host of its own, so tests running in parallel never
/// see each other's data. A request to a host no live sandbox owns fails with
/// `URLError(.cannotFindHost)` instead of going out.
public final class SandboxURLProtocol: URLProtocol {
    private final class WeakSandbox: @unchecked Sendable {
        weak var sandbox: Sandbox?

        init(_ sandbox: Sandbox) {
            self.sandbox = sandbox
        }
    }

    private static let sandboxes = Locked([String: WeakSandbox]())

    static func register(_ sandbox: Sandbox, host: String) {
        sandboxes.withLock { $0[host.lowercased()] = WeakSandbox(sandbox) }
    }

    static func unregister(host: String) {
        sandboxes.withLock { $0[host.lowercased()] = nil }
    }

    /// Every HTTP and HTTPS request: none leaves the process.
    public override class func canInit(with request: URLRequest) -> Bool {
        let scheme = request.url?.scheme?.lowercased()
        return scheme == "http" || scheme == "https"
    }

    /// The request unchanged.
    public override class func canonicalRequest(for request: URLRequest) -> URLRequest {
        request
    }

    /// Hands the request to its sandbox and reports the response to the client.
    public override func startLoading() {
        let request = self.request
        guard let url = request.url, let host = url.host?.lowercased(),
            let sandbox = Self.sandboxes.withLock({ $0[host]?.sandbox })
        else {
            client?.urlProtocol(self, didFailWithError: URLError(.cannotFindHost))
            return
        }
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var headers = HTTPHeaders()
        for (name, value) in request.allHTTPHeaderFields ?? [:] { headers.add(name: name, value: value) }
        let apiRequest = APIRequest(
            method: HTTPMethod(request.httpMethod ?? "GET"),
            path: components?.percentEncodedPath.isEmpty == false ? components?.percentEncodedPath ?? "/" : "/",
            query: QueryItem.parse(components?.percentEncodedQuery ?? ""),
            headers: headers,
            body: Self.body(of: request)
        )
        let loader = Loader(protocol: self, url: url)
        Task {
            let response = await sandbox.send(apiRequest)
            loader.deliver(response)
        }
    }

    /// Reports a response to the URL loading system from the task that produced it. The loading
    /// system serialises a protocol's client callbacks, so handing the protocol to that task is safe.
    private struct Loader: @unchecked Sendable {
        let `protocol`: SandboxURLProtocol
        let url: URL

        func deliver(_ response: APIResponse) {
            let client = `protocol`.client
            var fields: [String: String] = [:]
            for field in response.headers {
                fields[field.name] = fields[field.name].map { $0 + ", " + field.value } ?? field.value
            }
            guard
                let httpResponse = HTTPURLResponse(
                    url: url, statusCode: response.status, httpVersion: "HTTP/1.1", headerFields: fields)
            else {
                client?.urlProtocol(`protocol`, didFailWithError: URLError(.badServerResponse))
                return
            }
            client?.urlProtocol(`protocol`, didReceive: httpResponse, cacheStoragePolicy: .notAllowed)
            if !response.body.isEmpty { client?.urlProtocol(`protocol`, didLoad: Data(response.body)) }
            client?.urlProtocolDidFinishLoading(`protocol`)
        }
    }

    /// Nothing to stop: the sandbox answers at once.
    public override func stopLoading() {}

    private static func body(of request: URLRequest) -> [UInt8] {
        if let body = request.httpBody { return [UInt8](body) }
        guard let stream = request.httpBodyStream else { return [] }
        stream.open()
        defer { stream.close() }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while stream.hasBytesAvailable {
            let count = stream.read(&buffer, maxLength: buffer.count)
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }
}

extension Sandbox {
    /// A URLSession whose every request is answered by a sandbox (this one, at ``baseURL``).
    public func makeURLSession() -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.protocolClasses = [SandboxURLProtocol.self]
        return URLSession(configuration: configuration)
    }
}
