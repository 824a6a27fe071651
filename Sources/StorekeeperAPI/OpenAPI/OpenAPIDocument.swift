public import StorekeeperJSON
import StorekeeperKeys
import StorekeeperRateLimit
import StorekeeperSchema

/// The OpenAPI 3.1 document of a profile, generated from its route table and schemas.
///
/// Every route becomes an operation with its path and query parameters, its request body schema,
/// its success response (the route's response schema inside the dialect's envelope) and the
/// failures it can answer with (400, 401, 403, 404, 409, 412, 413, 422, 429, 500 as they apply),
/// all with the dialect's failure schema. Keyed operations list the profile's security schemes and
/// the rate-limit headers. Schemas are the JSON Schema 2020-12 exports of the same values the
/// pipeline validates with, so the document cannot drift from the server.
///
/// ```swift
/// let document = OpenAPIDocument(profile: shopiSync.profile, title: "ShopiSync API", version: "1.0.0")
/// let bytes = JSONWriter(options: .init(prettyPrinted: true)).serialize(document.json)
/// ```
public struct OpenAPIDocument: Sendable {
    /// The document as JSON.
    public let json: JSONValue

    /// The document of `profile`.
    ///
    /// - Parameters:
    ///   - profile: The profile described.
    ///   - title: The API's title.
    ///   - version: The API's version.
    ///   - summary: A description of the API.
    ///   - serverURL: Where the API is served, without the base path (it is in every path).
    public init(profile: APIProfile, title: String, version: String, summary: String? = nil, serverURL: String? = nil) {
        var info: JSONObject = ["title": .string(title), "version": .string(version)]
        if let summary { info.append("description", .string(summary)) }
        var document: JSONObject = ["openapi": "3.1.0", "info": .object(info)]
        if let serverURL { document.append("servers", [["url": .string(serverURL)]]) }
        var paths = JSONObject()
        for route in profile.routes {
            let path = route.path.openAPIPath
            var item = paths[path]?.object ?? JSONObject()
            item.append(route.method.rawValue.lowercased(), .object(Self.operation(route, profile: profile)))
            if let index = paths.index(forKey: path) {
                paths.setValue(.object(item), at: index)
            } else {
                paths.append(path, .object(item))
            }
        }
        document.append("paths", .object(paths))
        var components: JSONObject = [
            "schemas": ["Error": Self.schema(profile.dialect.failureSchema)],
            "responses": .object(Self.failureResponses()),
        ]
        let schemes = Self.securitySchemes(profile)
        if !schemes.isEmpty { components.append("securitySchemes", .object(schemes)) }
        if profile.defaultRateLimit != nil || profile.routes.contains(where: { $0.rateLimit != nil }) {
            components.append("headers", .object(Self.rateLimitHeaders(profile.rateLimitHeaders)))
        }
        document.append("components", .object(components))
        json = .object(document)
    }

    // MARK: Operations

    private static func operation(_ route: Route, profile: APIProfile) -> JSONObject {
        var operation: JSONObject = [
            "operationId": .string(route.operationID),
            "summary": .string(route.summary),
        ]
        var parameters: [JSONValue] = route.path.parameterNames.map { name in
            ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string", "minLength": 1]]
        }
        for parameter in route.query {
            parameters.append([
                "name": .string(parameter.name), "in": "query", "required": .bool(parameter.isRequired),
                "description": .string(parameter.summary), "schema": schema(parameter.schema),
            ])
        }
        if !parameters.isEmpty { operation.append("parameters", .array(parameters)) }
        if let body = route.body {
            operation.append(
                "requestBody",
                ["required": true, "content": ["application/json": ["schema": schema(body)]]])
        }
        let isKeyed: Bool
        if case .apiKey = route.access { isKeyed = true } else { isKeyed = false }
        let isLimited = isKeyed && (route.rateLimit ?? profile.defaultRateLimit) != nil
        var success: JSONObject = ["description": "Success."]
        success.append(
            "content",
            ["application/json": ["schema": schema(profile.dialect.successSchema(data: route.response ?? .any))]])
        if isLimited { success.append("headers", .object(headerReferences(profile.rateLimitHeaders))) }
        var responses: JSONObject = ["200": .object(success)]
        var failures: [String] = []
        if route.body != nil || !route.query.isEmpty { failures.append("400") }
        if isKeyed { failures += ["401", "403"] }
        if !route.path.parameterNames.isEmpty { failures.append("404") }
        if route.method != .get { failures += ["409", "412"] }
        if route.body != nil { failures.append("413") }
        if route.method.acceptsIdempotencyKey { failures.append("422") }
        if isLimited { failures.append("429") }
        failures.append("500")
        for status in failures {
            responses.append(status, ["$ref": .string("#/components/responses/\(status)")])
        }
        operation.append("responses", .object(responses))
        if isKeyed {
            let names = securitySchemes(profile).keys
            operation.append("security", .array(names.map { .object(JSONObject([($0, JSONValue.array([]))])) }))
        }
        return operation
    }

    private static func failureResponses() -> JSONObject {
        let descriptions: [(String, String)] = [
            ("400", "The request is invalid; every problem is listed."),
            ("401", "The credentials are missing, invalid or expired."),
            ("403", "The key may not do this, or not from this address."),
            ("404", "The resource does not exist."),
            ("409", "The resource changed concurrently, a unique value is taken, or the same request is running."),
            ("412", "If-Match names an older version."),
            ("413", "The body is too large."),
            ("422", "The Idempotency-Key was used for a different request."),
            ("429", "Too many requests; Retry-After says when to retry."),
            ("500", "The server failed; the body carries a correlation id."),
        ]
        var responses = JSONObject()
        for (status, description) in descriptions {
            responses.append(
                status,
                [
                    "description": .string(description),
                    "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                ])
        }
        return responses
    }

    // MARK: Security and headers

    private static func securitySchemes(_ profile: APIProfile) -> JSONObject {
        var schemes = JSONObject()
        for credential in profile.credentials {
            switch credential {
            case .bearer:
                schemes.append("bearerKey", ["type": "http", "scheme": "bearer"])
            case .basicUserName:
                schemes.append(
                    "basicKey",
                    [
                        "type": "http", "scheme": "basic",
                        "description": "The API key as the user name, with an empty password.",
                    ])
            case .header(let name):
                schemes.append("headerKey", ["type": "apiKey", "in": "header", "name": .string(name)])
            }
        }
        if profile.sessionAuthenticator != nil {
            schemes.append(
                "session",
                ["type": "apiKey", "in": "cookie", "name": "asid", "description": "An admin session cookie."])
        }
        return schemes
    }

    private static func rateLimitHeaderNames(_ style: RateLimitHeaders.Style) -> [(String, String)] {
        var names: [(String, String)] = []
        if style.contains(.legacyISO8601) || style.contains(.legacyEpochSeconds) {
            let reset =
                style.contains(.legacyISO8601)
                ? "When the window resets, as an ISO 8601 timestamp." : "When the window resets, in epoch seconds."
            names += [
                ("X-RateLimit-Limit", "Requests allowed in the window."),
                ("X-RateLimit-Remaining", "Requests left in the window."),
                ("X-RateLimit-Reset", reset),
            ]
        }
        if style.contains(.ietfDraft) {
            names += [
                ("RateLimit-Policy", "The quota policies (IETF httpapi RateLimit headers)."),
                ("RateLimit", "The remaining quota and seconds to reset (IETF httpapi RateLimit headers)."),
            ]
        }
        return names
    }

    private static func rateLimitHeaders(_ style: RateLimitHeaders.Style) -> JSONObject {
        var headers = JSONObject()
        for (name, description) in rateLimitHeaderNames(style) + [("Retry-After", "Seconds to wait, on a 429.")] {
            headers.append(name, ["description": .string(description), "schema": ["type": "string"]])
        }
        return headers
    }

    private static func headerReferences(_ style: RateLimitHeaders.Style) -> JSONObject {
        var headers = JSONObject()
        for (name, _) in rateLimitHeaderNames(style) {
            headers.append(name, ["$ref": .string("#/components/headers/\(name)")])
        }
        return headers
    }

    /// A schema's JSON Schema export without its `$schema` member (OpenAPI 3.1 implies the dialect).
    private static func schema(_ schema: Schema) -> JSONValue {
        guard let exported = schema.jsonSchema().object else { return [:] }
        return .object(JSONObject(exported.filter { $0.key != "$schema" }.map { ($0.key, $0.value) }))
    }
}
