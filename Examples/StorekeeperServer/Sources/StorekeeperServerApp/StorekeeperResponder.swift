public import Hummingbird
import Storekeeper

/// Answers every request of the example server.
///
/// - `/openapi/<name>.json` (GET or HEAD): the API's OpenAPI document, pretty-printed.
/// - `/admin/keys/<name>` (POST): creates a key of that API (``AdminKeyEndpoint``).
/// - Anything else goes to the API with the longest base path that is a prefix of the path on a
///   segment boundary (`/api/external/v1`, `/api/1` and `/v2` before `/api`), or is a JSON 404.
public struct StorekeeperResponder: HTTPResponder {
    /// The request context: Hummingbird's plus the peer address.
    public typealias Context = StorekeeperRequestContext

    /// The APIs, longest base path first.
    public let apis: [ServedAPI]
    /// Converts requests and responses.
    public let adapter: HTTPAdapter
    /// Logs the requests the host answers itself; the pipelines log their own.
    public let log: RequestLog

    /// A responder over `apis`.
    public init(apis: [ServedAPI], adapter: HTTPAdapter, log: RequestLog) {
        self.apis = apis.sorted { $0.basePath.count > $1.basePath.count }
        self.adapter = adapter
        self.log = log
    }

    /// The API serving `path`, if any.
    public func api(serving path: String) -> ServedAPI? {
        apis.first { $0.serves(path) }
    }

    /// The API called `name`, if any.
    public func api(named name: String) -> ServedAPI? {
        apis.first { $0.name == name }
    }

    /// Answers one request; never throws.
    public func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        let method = request.method.rawValue
        let served = api(serving: path)
        let apiRequest: APIRequest
        do {
            apiRequest = try await adapter.apiRequest(from: request, peer: context.remoteAddress)
        } catch let error as HTTPAdapter.BodyTooLarge {
            let message = "The body is larger than the \(error.limit) bytes this server accepts."
            var response: APIResponse
            if let served {
                let failure = served.profile.dialect.failure(
                    APIError(status: 413, code: .payloadTooLarge, message: message))
                response = AdminKeyEndpoint.json(failure.status, failure.body, problem: false)
            } else {
                response = AdminKeyEndpoint.problem(413, "Content Too Large", message)
            }
            response.headers.add(name: "Connection", value: "close")
            log.hostAnswered(method: method, path: path, status: response.status, duration: .now - started)
            return HTTPAdapter.response(from: response)
        } catch {
            let response = AdminKeyEndpoint.problem(400, "Bad Request", "The request body could not be read.")
            log.hostAnswered(method: method, path: path, status: 400, duration: .now - started)
            return HTTPAdapter.response(from: response)
        }
        if let served {
            return HTTPAdapter.response(from: await served.pipeline.handle(apiRequest))
        }
        let (response, keyID) = await hostRoute(apiRequest)
        log.hostAnswered(
            method: method, path: path, status: response.status, duration: .now - started, keyID: keyID)
        return HTTPAdapter.response(from: response)
    }

    /// The routes the host serves itself: the OpenAPI documents and the admin endpoint.
    func hostRoute(_ request: APIRequest) async -> (APIResponse, keyID: String?) {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.count == 2, segments.first == "openapi", let file = segments.last, file.hasSuffix(".json") {
            guard let api = api(named: String(file.dropLast(".json".count))) else {
                return (notFound(request), nil)
            }
            guard request.method == .get || request.method == .head else {
                var response = AdminKeyEndpoint.problem(405, "Method Not Allowed", "Use GET.")
                response.headers.add(name: "Allow", value: "GET, HEAD")
                return (response, nil)
            }
            let body = request.method == .head ? [] : api.openAPIDocument
            return (APIResponse(status: 200, headers: ["Content-Type": "application/json"], body: body), nil)
        }
        if segments.count == 3, segments.first == "admin", segments.dropFirst().first == "keys",
            let name = segments.last
        {
            guard let api = api(named: String(name)) else { return (notFound(request), nil) }
            return await AdminKeyEndpoint().respond(to: request, api: api)
        }
        return (notFound(request), nil)
    }

    private func notFound(_ request: APIRequest) -> APIResponse {
        let names = apis.map(\.name).sorted().joined(separator: ", ")
        return AdminKeyEndpoint.problem(
            404, "Not Found",
            "Nothing is served at \(request.path). APIs: "
                + apis.map(\.basePath).sorted().joined(separator: ", ")
                + "; /openapi/<name>.json and POST /admin/keys/<name> for \(names).")
    }
}
