@_spi(StorekeeperInternal) public import StorekeeperCore
public import StorekeeperJSON
public import StorekeeperKeys
public import StorekeeperRateLimit
import StorekeeperSchema

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Serves a profile: turns every ``APIRequest`` into an ``APIResponse`` and never throws.
///
/// The stages run in this order: route (404, or 405 with `Allow`) → body size (413) →
/// credentials → key verification → IP allowlist → permission → rate limit → idempotency →
/// body validation → handler → envelope → headers → usage record → observer event. Every
/// failure, a handler's unexpected error included, becomes the profile's error envelope; an
/// unexpected error becomes a 500 with a correlation id and no internals. Every response of a
/// keyed route whose key was identified carries the rate-limit headers, 429s included.
public struct APIPipeline: Sendable {
    /// Limits and lifetimes of a pipeline.
    public struct Options: Sendable {
        /// The largest body accepted; a larger one is refused with 413 before any other work.
        public var maximumBodyBytes: Int
        /// How long a completed `Idempotency-Key` entry is replayed.
        public var idempotencyKeyLifetime: Duration
        /// How request bodies are parsed.
        public var parsing: JSONParsingOptions
        /// Whether each keyed request is recorded in the key's usage statistics.
        public var recordsUsage: Bool

        /// Options with defaults: 1 MiB bodies, idempotency entries kept 24 hours, usage recorded.
        public init(
            maximumBodyBytes: Int = 1 << 20,
            idempotencyKeyLifetime: Duration = .seconds(86_400),
            parsing: JSONParsingOptions = JSONParsingOptions(),
            recordsUsage: Bool = true
        ) {
            self.maximumBodyBytes = maximumBodyBytes
            self.idempotencyKeyLifetime = idempotencyKeyLifetime
            self.parsing = parsing
            self.recordsUsage = recordsUsage
        }
    }

    /// The profile served.
    public let profile: APIProfile
    private let router: Router
    private let keys: APIKeyManager?
    private let rateLimiter: RateLimiter?
    private let idempotency: (any IdempotencyStore)?
    private let clock: any WallClock
    private let observer: (any APIObserver)?
    private let options: Options

    /// A pipeline serving `profile`.
    ///
    /// - Parameters:
    ///   - profile: The routes, dialect, credentials and limits.
    ///   - keys: Verifies keys for keyed routes; a keyed route without it answers 500.
    ///   - rateLimiter: Applies the routes' rate limits; without it nothing is limited.
    ///   - idempotency: Stores `Idempotency-Key` entries; without it the header is ignored.
    ///   - clock: The time every stage uses.
    ///   - observer: Receives one event per request.
    ///   - options: Limits and lifetimes.
    public init(
        profile: APIProfile,
        keys: APIKeyManager? = nil,
        rateLimiter: RateLimiter? = nil,
        idempotency: (any IdempotencyStore)? = nil,
        clock: any WallClock,
        observer: (any APIObserver)? = nil,
        options: Options = Options()
    ) {
        self.profile = profile
        self.router = Router(routes: profile.routes)
        self.keys = keys
        self.rateLimiter = rateLimiter
        self.idempotency = idempotency
        self.clock = clock
        self.observer = observer
        self.options = options
    }

    /// What the stages learned about a request, for headers, usage and the event.
    private struct Trace {
        var operationID: String?
        var keyID: String?
        /// The rate-limit decision for the identified key (one policy applies per request).
        var decision: RateLimitDecision?
        var errorCode: APIError.Code?
        var correlationID: String?
        var isReplay = false
    }

    /// Handles one request.
    ///
    /// The asynchronous functions of the request path are kept thin: their synchronous work is
    /// in functions that are never inlined into them, so it runs on the thread's stack and the
    /// task's frames stay small (large frames cost a heap allocation per request).
    public func handle(_ request: APIRequest) async -> APIResponse {
        // Timed only for an observer: the request path does not pay for a measurement nobody reads.
        let started = observer == nil ? nil : ContinuousClock.now
        let now = clock.now
        var trace = Trace()
        var response: APIResponse
        do {
            response = try await admit(request, now: now, trace: &trace)
        } catch {
            response = render(error, request: request, trace: &trace)
        }
        addHeaders(to: &response, trace: trace, now: now)
        if options.recordsUsage, let keyID = trace.keyID, let keys {
            // Usage statistics are best effort: a failing usage store must not fail the request.
            try? await keys.recordUsage(keyID: keyID, route: trace.operationID ?? "unmatched", status: response.status)
        }
        if let observer, let started {
            report(request, response: response, trace: trace, started: started, to: observer)
        }
        return response
    }

    /// The rate-limit headers of the identified key and the profile's own headers.
    @inline(never)
    private func addHeaders(to response: inout APIResponse, trace: Trace, now: Date) {
        if let decision = trace.decision {
            for field in RateLimitHeaders.render(CollectionOfOne(decision), style: profile.rateLimitHeaders, now: now) {
                response.headers.replaceOrAdd(name: field.name, value: field.value)
            }
        }
        for field in profile.responseHeaders {
            response.headers.replaceOrAdd(name: field.name, value: field.value)
        }
    }

    /// Sends the request's event to the observer.
    @inline(never)
    private func report(
        _ request: APIRequest, response: APIResponse, trace: Trace, started: ContinuousClock.Instant,
        to observer: any APIObserver
    ) {
        let outcome: APIRequestEvent.RateLimitOutcome
        if let decision = trace.decision {
            outcome = decision.isAllowed ? .allowed(remaining: decision.remaining) : .denied
        } else {
            outcome = .notApplied
        }
        observer.requestCompleted(
            APIRequestEvent(
                method: request.method,
                path: request.path,
                operationID: trace.operationID,
                status: response.status,
                duration: ContinuousClock.now - started,
                keyID: trace.keyID,
                rateLimit: outcome,
                errorCode: trace.errorCode,
                correlationID: trace.correlationID,
                isIdempotentReplay: trace.isReplay
            )
        )
    }

    // MARK: Stages before the handler

    private func admit(_ request: APIRequest, now: Date, trace: inout Trace) async throws -> APIResponse {
        let (route, parameters) = try resolve(request)
        trace.operationID = route.operationID
        var key: APIKeyRecord?
        var session: APISession?
        if case .apiKey(let permission) = route.access {
            if let authenticator = profile.sessionAuthenticator,
                let found = try await authenticator.session(for: request)
            {
                try await admit(found, requiring: permission, route: route, now: now, trace: &trace)
                session = found
            } else {
                key = try await authenticate(request, requiring: permission, route: route, now: now, trace: &trace)
            }
        }
        if let idempotency, request.method.acceptsIdempotencyKey, let value = request.headers["Idempotency-Key"] {
            return try await executeOnce(
                route, parameters: parameters, key: key, session: session, request: request,
                idempotencyKey: value, store: idempotency, now: now, trace: &trace)
        }
        return await execute(
            route, parameters: parameters, key: key, session: session, request: request, now: now, trace: &trace)
    }

    /// The route of a request and its parameters; 404, 405 with `Allow`, or 413 for a body over
    /// the limit.
    @inline(never)
    private func resolve(_ request: APIRequest) throws -> (Route, [String: String]) {
        let route: Route
        let parameters: [String: String]
        switch router.resolve(method: request.method, path: request.path) {
        case .matched(let matched, let matchedParameters):
            route = matched
            parameters = matchedParameters
        case .methodNotAllowed(let allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            throw APIError(
                status: 405, code: .methodNotAllowed,
                message: "\(request.method) is not allowed here; use \(list).",
                headers: ["Allow": list])
        case .notFound:
            throw APIError.notFound("No endpoint matches \(request.method) \(request.path).")
        }
        guard request.body.count <= options.maximumBodyBytes else {
            throw APIError(
                status: 413, code: .payloadTooLarge,
                message: "The body has \(request.body.count) bytes; at most \(options.maximumBodyBytes) are accepted.")
        }
        return (route, parameters)
    }

    /// Runs a request that carries an `Idempotency-Key`: the first time, and replays after.
    @inline(never)
    private func executeOnce(
        _ route: Route, parameters: [String: String], key: APIKeyRecord?, session: APISession?, request: APIRequest,
        idempotencyKey value: String, store idempotency: any IdempotencyStore, now: Date, trace: inout Trace
    ) async throws -> APIResponse {
        guard (1...255).contains(value.utf8.count), value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
            throw APIError.validation(
                [
                    ValidationIssue(
                        path: .root, code: "invalid_idempotency_key",
                        message: "Idempotency-Key must be 1 to 255 printable ASCII characters.")
                ],
                message: "The Idempotency-Key header is invalid.")
        }
        let entry = IdempotencyKey(scope: key?.id ?? session.map { "session:" + $0.id } ?? "anonymous", value: value)
        let fingerprint = Self.fingerprint(of: request)
        let claim = try await idempotency.claim(
            entry, fingerprint: fingerprint, now: now, expiresAt: now.adding(options.idempotencyKeyLifetime))
        switch claim {
        case .completed(let stored):
            trace.isReplay = true
            var headers = stored.headers
            headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
            return APIResponse(status: stored.status, headers: headers, body: stored.body)
        case .inProgress:
            throw APIError(
                status: 409, code: .requestInProgress,
                message: "A request with this Idempotency-Key is still being processed; retry later.")
        case .mismatch:
            throw APIError(
                status: 422, code: .idempotencyKeyReused,
                message: "This Idempotency-Key was used for a different request; use a new key.")
        case .claimed:
            let response = await execute(
                route, parameters: parameters, key: key, session: session, request: request, now: now, trace: &trace)
            // The operation has happened: a failing idempotency store must not lose its response.
            // The entry then stays in progress until it expires, so a retry never runs it twice.
            if response.status >= 500 {
                try? await idempotency.release(entry, fingerprint: fingerprint)
            } else {
                try? await idempotency.complete(
                    entry, fingerprint: fingerprint,
                    response: StoredResponse(status: response.status, headers: response.headers, body: response.body))
            }
            return response
        }
    }

    @inline(never)
    private func authenticate(
        _ request: APIRequest, requiring permission: Permission?, route: Route, now: Date, trace: inout Trace
    ) async throws -> APIKeyRecord {
        let (keys, presented) = try credentials(of: request, route: route)
        switch try await keys.authenticate(presented, clientAddress: request.clientAddress, requiring: permission) {
        case .accepted(let record):
            trace.keyID = record.id
            try await limit(record.id, own: record.rateLimit, route: route, cost: 1, now: now, trace: &trace)
            return record
        case .refused(let error, let record):
            if let record {
                trace.keyID = record.id
                if error.code == .ipNotAllowed || error.code == .insufficientPermission {
                    // Attribute the refusal to the key's budget without spending it, for the headers.
                    try? await limit(record.id, own: record.rateLimit, route: route, cost: 0, now: now, trace: &trace)
                }
            }
            throw APIError.converting(error)
        }
    }

    /// The key manager and the key a request presents; 401 when there is none (told apart from a
    /// malformed credential), 500 when the pipeline has no key manager.
    @inline(never)
    private func credentials(of request: APIRequest, route: Route) throws -> (APIKeyManager, String) {
        guard let keys else {
            throw PipelineMisconfiguration(
                "Route \(route.operationID) needs a key but the pipeline has no key manager.")
        }
        guard let presented = APICredentials.extract(from: request.headers, accepting: profile.credentials) else {
            if hasCredentialHeader(request.headers) {
                throw APIError(status: 401, code: .invalidCredentials, message: "Missing or invalid API key.")
            }
            throw APIError(status: 401, code: .missingCredentials, message: "This request needs an API key.")
        }
        return (keys, presented)
    }

    @inline(never)
    private func admit(
        _ session: APISession, requiring permission: Permission?, route: Route, now: Date, trace: inout Trace
    ) async throws {
        let subject = "session:" + session.id
        if let permission, !session.permissions.allows(permission) {
            try? await limit(subject, own: nil, route: route, cost: 0, now: now, trace: &trace)
            throw APIError(
                status: 403, code: .insufficientPermissions,
                message: "This session does not have the permission this operation requires.")
        }
        try await limit(subject, own: nil, route: route, cost: 1, now: now, trace: &trace)
    }

    private func hasCredentialHeader(_ headers: HTTPHeaders) -> Bool {
        profile.credentials.contains { scheme in
            switch scheme {
            case .bearer, .basicUserName: headers["Authorization"] != nil
            case .header(let name): headers[name] != nil
            }
        }
    }

    private func limit(
        _ subject: String, own: KeyRateLimit?, route: Route, cost: Int, now: Date, trace: inout Trace
    ) async throws {
        guard let rateLimiter, let policy = policy(for: route, own: own) else { return }
        let decision = try await rateLimiter.acquire(key: subject, policy: policy, cost: cost, now: now)
        trace.decision = decision
        guard decision.isAllowed || cost == 0 else { throw Self.tooManyRequests(policy) }
    }

    /// The policy limiting a route: the route's or the profile's, with the key's own limit
    /// (which applies even where the profile sets none); `nil` when nothing limits it.
    @inline(never)
    private func policy(for route: Route, own: KeyRateLimit?) -> RateLimitPolicy? {
        if var policy = route.rateLimit ?? profile.defaultRateLimit {
            if let own {
                policy.limit = own.limit
                policy.window = .seconds(own.windowSeconds)
            }
            return policy
        }
        return own.map { RateLimitPolicy(name: "key", limit: $0.limit, window: .seconds($0.windowSeconds)) }
    }

    @inline(never)
    private static func tooManyRequests(_ policy: RateLimitPolicy) -> APIError {
        APIError(
            status: 429, code: .rateLimitExceeded,
            message: "Too many requests: \(policy.limit) are allowed per \(policy.window.components.seconds) seconds.")
    }

    // MARK: Body, handler, envelope

    private func execute(
        _ route: Route, parameters: [String: String], key: APIKeyRecord?, session: APISession?, request: APIRequest,
        now: Date, trace: inout Trace
    ) async -> APIResponse {
        do {
            let context = try Self.context(
                route, parameters: parameters, key: key, session: session, request: request, now: now,
                parsing: options.parsing)
            return respond(try await route.handler(context))
        } catch {
            return render(error, request: request, trace: &trace)
        }
    }

    /// The handler's context, with the body validated against the route's schema.
    @inline(never)
    private static func context(
        _ route: Route, parameters: [String: String], key: APIKeyRecord?, session: APISession?, request: APIRequest,
        now: Date, parsing: JSONParsingOptions
    ) throws -> APIContext {
        var body: JSONValue?
        if let schema = route.body {
            body = try validatedBody(request, schema: schema, parsing: parsing)
        }
        return APIContext(
            request: request, operationID: route.operationID, parameters: parameters, key: key, session: session,
            body: body, now: now)
    }

    /// The response of a handler's output: the dialect's envelope, the entity tag.
    @inline(never)
    private func respond(_ output: APIOutput) -> APIResponse {
        var headers = output.headers
        // The entity tag, the content type, the rate-limit and the profile's headers, in one allocation.
        headers.reserveCapacity(headers.count + 8 + profile.responseHeaders.count)
        if let tag = output.entityTag { headers.replaceOrAdd(name: "ETag", value: tag.description) }
        guard let value = profile.dialect.successBody(for: output) else {
            return APIResponse(status: output.status, headers: headers)
        }
        headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=utf-8")
        return APIResponse(status: output.status, headers: headers, body: JSONWriter().serialize(value))
    }

    private static func validatedBody(
        _ request: APIRequest, schema: Schema, parsing: JSONParsingOptions
    ) throws -> JSONValue {
        guard !request.body.isEmpty else {
            throw APIError.validation([
                ValidationIssue(path: .root, code: "required", message: "This request needs a JSON body.")
            ])
        }
        // One pass: each value is checked as it is parsed; a parse error is an `invalid_json`
        // issue with its line and column, as a thrown `JSONParseError` would render.
        let outcome = schema.validate(json: request.body, parsing: parsing)
        guard outcome.report.isValid else { throw outcome.report }
        return outcome.value
    }

    @inline(never)
    private func render(_ error: any Error, request: APIRequest, trace: inout Trace) -> APIResponse {
        let failure =
            APIError.converting(error, hasIfMatch: request.headers["If-Match"] != nil)
            ?? APIError(
                status: 500, code: .internalError,
                message: "The server could not complete the request; quote the correlation id when reporting it.",
                correlationID: "req_" + Base62.randomString(length: 16))
        trace.errorCode = failure.code
        trace.correlationID = failure.correlationID
        let (status, body) = profile.dialect.failure(failure)
        var headers = failure.headers
        headers.reserveCapacity(headers.count + 9 + profile.responseHeaders.count)
        headers.replaceOrAdd(name: "Content-Type", value: "application/json; charset=utf-8")
        if let correlationID = failure.correlationID {
            headers.replaceOrAdd(name: "X-Correlation-ID", value: correlationID)
        }
        return APIResponse(status: status, headers: headers, body: JSONWriter().serialize(body))
    }

    /// SHA-256 over the method, the path, the query and the body: what makes two requests "the same".
    private static func fingerprint(of request: APIRequest) -> String {
        var hasher = SHA256()
        hasher.update(request.method.rawValue.utf8)
        hasher.update([0])
        hasher.update(request.path.utf8)
        hasher.update([0])
        hasher.update(QueryItem.encode(request.query).utf8)
        hasher.update([0])
        hasher.update(request.body)
        return hasher.finalize().description
    }
}

/// A pipeline set up without a part a route needs; reported as a 500, never to the client.
struct PipelineMisconfiguration: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
