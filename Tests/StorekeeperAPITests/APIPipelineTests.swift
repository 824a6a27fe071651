import StorekeeperAPI
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperRateLimit
import StorekeeperSchema
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Collects the pipeline's events.
final class EventRecorder: APIObserver {
    private let events = Locked([APIRequestEvent]())

    var all: [APIRequestEvent] { events.withLock { $0 } }

    func requestCompleted(_ event: APIRequestEvent) {
        events.withLock { $0.append(event) }
    }
}

/// Holds a handler until the test lets it go, and tells the test when it has started.
actor Gate {
    private var entered = false
    private var isOpen = false
    private var enteredWaiters: [CheckedContinuation<Void, Never>] = []
    private var openWaiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        entered = true
        for waiter in enteredWaiters { waiter.resume() }
        enteredWaiters = []
        if isOpen { return }
        await withCheckedContinuation { openWaiters.append($0) }
    }

    func untilEntered() async {
        if entered { return }
        await withCheckedContinuation { enteredWaiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in openWaiters { waiter.resume() }
        openWaiters = []
    }
}

/// Counts handler runs.
actor Counter {
    private(set) var value = 0

    func next() -> Int {
        value += 1
        return value
    }
}

/// A dialect that shows the pipeline's own errors unchanged.
struct PlainDialect: APIDialect {
    func successBody(for output: APIOutput) -> JSONValue? { output.data }

    func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        var body: JSONObject = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        body.append(
            "issues",
            .array(
                error.issues.map {
                    [
                        "pointer": .string($0.path.description), "code": .string($0.code),
                        "line": $0.line.map { .number(JSONNumber($0)) } ?? nil,
                    ]
                }))
        if let id = error.correlationID { body.append("correlationId", .string(id)) }
        return (error.status, .object(body))
    }
}

struct InternalFailure: Error, CustomStringConvertible {
    var description: String { "connection to db failed: password=hunter2" }
}

@Suite("API pipeline")
struct APIPipelineTests {
    let clock = ManualClock()
    let keys: APIKeyManager
    let events = EventRecorder()
    let runs = Counter()
    let gate = Gate()
    let idempotency = InMemoryIdempotencyStore()
    let pipeline: APIPipeline
    let readKey: String
    let writeKey: String
    let writeKeyID: String

    static let itemSchema = Schema.object(
        [.required("name", .string(minLength: 1, maxLength: 5)), .optional("count", .integer(minimum: 0))],
        unknownFields: .reject)

    init() async throws {
        keys = APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: Array(repeating: 7, count: 32))],
            format: try APIKeyFormat(prefixes: ["tk"]),
            clock: clock)
        let runs = runs
        let gate = gate
        let profile = APIProfile(
            name: "test",
            basePath: "/v1",
            routes: [
                Route(.get, "/open", operationID: "open", summary: "", access: .anonymous) { _ in
                    .ok(["hello": "world"])
                },
                Route(.get, "/items/:id", operationID: "getItem", summary: "", access: .apiKey(.read)) { context in
                    .ok(["id": .string(try context.parameter("id"))], entityTag: EntityTag(version: 3))
                },
                Route(
                    .put, "/items/:id", operationID: "putItem", summary: "", access: .apiKey(.write),
                    body: Self.itemSchema
                ) {
                    context in
                    try context.checkIfMatch(currentVersion: 3)
                    return .ok(context.body ?? nil, entityTag: EntityTag(version: 4))
                },
                Route(
                    .post, "/items", operationID: "createItem", summary: "", access: .apiKey(.write),
                    body: Self.itemSchema
                ) {
                    _ in
                    APIOutput(status: 201, data: ["id": .number(JSONNumber(await runs.next()))])
                },
                Route(.post, "/slow", operationID: "slow", summary: "", access: .apiKey(.write)) { _ in
                    await gate.enter()
                    return APIOutput(status: 201, data: ["run": .number(JSONNumber(await runs.next()))])
                },
                Route(.post, "/boom", operationID: "boom", summary: "", access: .apiKey(.write)) { _ in
                    _ = await runs.next()
                    throw InternalFailure()
                },
            ],
            dialect: PlainDialect(),
            credentials: [.bearer],
            defaultRateLimit: RateLimitPolicy(name: "default", limit: 3, window: .seconds(60)),
            rateLimitHeaders: [.ietfDraft, .legacyEpochSeconds]
        )
        pipeline = APIPipeline(
            profile: profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()),
            idempotency: idempotency, clock: clock, observer: events, options: .init(maximumBodyBytes: 64))
        readKey = try await keys.create(owner: "o", name: "reader", prefix: "tk", permissions: [.read]).secret.plaintext
        let writer = try await keys.create(owner: "o", name: "writer", prefix: "tk", permissions: [.write])
        writeKey = writer.secret.plaintext
        writeKeyID = writer.record.id
    }

    func send(
        _ method: HTTPMethod, _ target: String, key: String? = nil, body: String? = nil,
        headers extra: HTTPHeaders = [:], from address: String? = nil
    ) async -> (status: Int, headers: HTTPHeaders, json: JSONValue?) {
        var headers = extra
        if let key { headers.add(name: "Authorization", value: "Bearer \(key)") }
        let response = await pipeline.handle(
            APIRequest(
                method: method, target: target, headers: headers, body: Array((body ?? "").utf8),
                clientAddress: address.flatMap(IPAddress.init)))
        return (response.status, response.headers, try? JSONValue(parsing: response.body))
    }

    @Test("an open route answers without credentials, limits or rate-limit headers")
    func openRoute() async {
        let response = await send(.get, "/v1/open")
        #expect(response.status == 200)
        #expect(response.json == ["hello": "world"])
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.headers["RateLimit"] == nil)
        let event = events.all.last
        #expect(event?.operationID == "open" && event?.keyID == nil && event?.rateLimit == .notApplied)
    }

    @Test("unknown paths are 404; known paths with another method are 405 with Allow")
    func routing() async {
        let missing = await send(.get, "/v1/nothing")
        #expect(missing.status == 404 && missing.json?["code"] == "not_found")
        let wrongMethod = await send(.delete, "/v1/items/1", key: readKey)
        #expect(wrongMethod.status == 405 && wrongMethod.json?["code"] == "method_not_allowed")
        #expect(wrongMethod.headers["Allow"] == "GET, PUT")
        #expect(events.all.map(\.status) == [404, 405])
    }

    @Test("missing and invalid credentials are told apart; both are 401")
    func credentials() async {
        let missing = await send(.get, "/v1/items/1")
        #expect(missing.status == 401 && missing.json?["code"] == "missing_credentials")
        let garbage = await send(.get, "/v1/items/1", key: "tk_nonsense")
        #expect(garbage.status == 401 && garbage.json?["code"] == "invalid_credentials")
        let wrongScheme = await send(.get, "/v1/items/1", headers: ["Authorization": "Basic Zm9vOg=="])
        #expect(wrongScheme.status == 401 && wrongScheme.json?["code"] == "invalid_credentials")
    }

    @Test("a key without the route's permission is 403 and still gets rate-limit headers without spending")
    func permission() async {
        let refused = await send(.put, "/v1/items/1", key: readKey, body: #"{"name":"a"}"#)
        #expect(refused.status == 403 && refused.json?["code"] == "insufficient_permissions")
        #expect(refused.headers["RateLimit"] == "\"default\";r=3;t=0")
        let allowed = await send(.get, "/v1/items/1", key: readKey)
        // The unit frees when its 600 ms bucket leaves the window: 60.6 s, rounded up.
        #expect(allowed.headers["RateLimit"] == "\"default\";r=2;t=61")
    }

    @Test("the limit is enforced per key; every keyed response carries the headers, the 429 a Retry-After")
    func rateLimit() async {
        for remaining in [2, 1, 0] {
            let response = await send(.get, "/v1/items/1", key: readKey)
            #expect(response.status == 200)
            #expect(response.headers["X-RateLimit-Remaining"] == String(remaining))
            #expect(response.headers["X-RateLimit-Limit"] == "3")
        }
        let limited = await send(.get, "/v1/items/1", key: readKey)
        #expect(limited.status == 429 && limited.json?["code"] == "rate_limit_exceeded")
        #expect(limited.headers["X-RateLimit-Remaining"] == "0")
        #expect(limited.headers["Retry-After"] == "61")
        #expect(events.all.last?.rateLimit == .denied)
        let otherKey = await send(.get, "/v1/items/1", key: writeKey)
        #expect(otherKey.status == 200)
        clock.advance(by: .seconds(60))
        #expect(await send(.get, "/v1/items/1", key: readKey).status == 429)
        clock.advance(by: .seconds(1))
        #expect(await send(.get, "/v1/items/1", key: readKey).status == 200)
    }

    @Test("a key's own limit overrides the profile's")
    func keyLimit() async throws {
        let key = try await keys.create(
            owner: "o", name: "tight", prefix: "tk", permissions: [.read],
            rateLimit: KeyRateLimit(limit: 1, windowSeconds: 10)
        ).secret.plaintext
        #expect(await send(.get, "/v1/items/1", key: key).headers["RateLimit-Policy"] == "\"default\";q=1;w=10")
        #expect(await send(.get, "/v1/items/1", key: key).status == 429)
    }

    @Test("an allowlisted key is refused from other addresses")
    func allowlist() async throws {
        let key = try await keys.create(
            owner: "o", name: "office", prefix: "tk", permissions: [.read],
            allowlist: IPAllowlist(networks: [IPNetwork("192.0.2.0/24")].compactMap { $0 })
        ).secret.plaintext
        let outside = await send(.get, "/v1/items/1", key: key, from: "198.51.100.1")
        #expect(outside.status == 403 && outside.json?["code"] == "ip_not_allowed")
        #expect(outside.headers["RateLimit"] != nil)
        #expect(await send(.get, "/v1/items/1", key: key).status == 403)
        #expect(await send(.get, "/v1/items/1", key: key, from: "192.0.2.10").status == 200)
    }

    @Test("bodies are validated: missing, malformed, invalid and oversized bodies are refused with every issue")
    func bodies() async {
        let missing = await send(.put, "/v1/items/1", key: writeKey)
        #expect(missing.status == 400 && missing.json?["issues"]?[0]?["code"] == "required")
        let malformed = await send(.put, "/v1/items/1", key: writeKey, body: "{\n  \"name\": \"a\",\n}")
        #expect(malformed.status == 400 && malformed.json?["issues"]?[0]?["code"] == "invalid_json")
        #expect(malformed.json?["issues"]?[0]?["line"] == 3)
        let invalid = await send(.put, "/v1/items/1", key: writeKey, body: #"{"name":"toolong","count":-1,"x":1}"#)
        #expect(invalid.status == 400 && invalid.json?["code"] == "validation_failed")
        #expect(
            invalid.json?["issues"]?.array?.compactMap { $0["pointer"]?.string }.sorted() == ["/count", "/name", "/x"])
        let oversized = await send(.put, "/v1/items/1", key: writeKey, body: String(repeating: " ", count: 65))
        #expect(oversized.status == 413 && oversized.json?["code"] == "payload_too_large")
    }

    @Test("single resources carry an ETag; If-Match guards updates")
    func entityTags() async {
        #expect(await send(.get, "/v1/items/1", key: readKey).headers["ETag"] == "\"3\"")
        let stale = await send(
            .put, "/v1/items/1", key: writeKey, body: #"{"name":"a"}"#, headers: ["If-Match": "\"2\""])
        #expect(stale.status == 412 && stale.json?["code"] == "precondition_failed")
        let malformed = await send(
            .put, "/v1/items/1", key: writeKey, body: #"{"name":"a"}"#, headers: ["If-Match": "2"])
        #expect(malformed.status == 400)
        let current = await send(
            .put, "/v1/items/1", key: writeKey, body: #"{"name":"a"}"#, headers: ["If-Match": "\"3\""])
        #expect(current.status == 200 && current.headers["ETag"] == "\"4\"" && current.json?["name"] == "a")
    }

    @Test("an unexpected error is a 500 with a correlation id and no internals")
    func internalError() async throws {
        let response = await pipeline.handle(
            APIRequest(method: .post, target: "/v1/boom", headers: ["Authorization": "Bearer \(writeKey)"]))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 500)
        #expect(!text.contains("hunter2") && !text.contains("db"))
        let json = try JSONValue(parsing: response.body)
        let id = try #require(json["correlationId"]?.string)
        #expect(id.hasPrefix("req_") && response.headers["X-Correlation-ID"] == id)
        #expect(events.all.last?.correlationID == id && events.all.last?.errorCode == .internalError)
    }

    @Test("an Idempotency-Key replays the first response and runs the handler once")
    func idempotentReplay() async {
        let empty = await send(
            .post, "/v1/items", key: writeKey, body: #"{"name":"a"}"#, headers: ["Idempotency-Key": ""])
        #expect(empty.status == 400 && empty.json?["issues"]?[0]?["code"] == "invalid_idempotency_key")
        clock.advance(by: .seconds(61))
        let headers: HTTPHeaders = ["Idempotency-Key": "create-1"]
        let first = await send(.post, "/v1/items", key: writeKey, body: #"{"name":"a"}"#, headers: headers)
        let second = await send(.post, "/v1/items", key: writeKey, body: #"{"name":"a"}"#, headers: headers)
        #expect(first.status == 201 && second.status == 201 && first.json == second.json)
        #expect(first.headers["Idempotent-Replayed"] == nil && second.headers["Idempotent-Replayed"] == "true")
        #expect(second.headers["X-RateLimit-Remaining"] == "1")
        #expect(await runs.value == 1)
        #expect(events.all.last?.isIdempotentReplay == true)
        let changed = await send(.post, "/v1/items", key: writeKey, body: #"{"name":"b"}"#, headers: headers)
        #expect(changed.status == 422 && changed.json?["code"] == "idempotency_key_reused")
    }

    @Test("a retry while the first request runs is 409; after it completes it replays")
    func inProgress() async {
        let headers: HTTPHeaders = ["Idempotency-Key": "slow-1", "Authorization": "Bearer \(writeKey)"]
        let pipeline = pipeline
        let first = Task { await pipeline.handle(APIRequest(method: .post, target: "/v1/slow", headers: headers)) }
        await gate.untilEntered()
        let retry = await send(.post, "/v1/slow", headers: headers)
        #expect(retry.status == 409 && retry.json?["code"] == "request_in_progress")
        await gate.open()
        let completed = await first.value
        #expect(completed.status == 201)
        let replay = await send(.post, "/v1/slow", headers: headers)
        #expect(replay.status == 201 && replay.headers["Idempotent-Replayed"] == "true")
        #expect(await runs.value == 1)
    }

    @Test("a 500 releases its Idempotency-Key so a retry runs again")
    func failureReleases() async {
        let headers: HTTPHeaders = ["Idempotency-Key": "boom-1"]
        #expect(await send(.post, "/v1/boom", key: writeKey, headers: headers).status == 500)
        #expect(await send(.post, "/v1/boom", key: writeKey, headers: headers).status == 500)
        #expect(await runs.value == 2)
    }

    @Test("every keyed request is recorded in the key's usage statistics")
    func usage() async throws {
        _ = await send(.get, "/v1/items/1", key: writeKey)
        _ = await send(.put, "/v1/items/1", key: writeKey, body: "{}")
        let statistics = try await keys.usage(keyID: writeKeyID)
        #expect(statistics.totalRequests == 2)
        #expect(statistics.clientErrors == 1)
        #expect(events.all.map(\.keyID) == [writeKeyID, writeKeyID])
    }
}
