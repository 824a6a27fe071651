public import StorekeeperRateLimit
public import StorekeeperSchema

/// One operation of an API: method, path template, who may call it, how it is limited, what body
/// it takes, and the handler that serves it.
public struct Route: Sendable {
    /// The function that serves a request that passed every stage before it.
    public typealias Handler = @Sendable (APIContext) async throws -> APIOutput

    /// The request method.
    public var method: HTTPMethod
    /// The path template, including the profile's base path once the profile is built.
    public var path: RoutePattern
    /// A stable name for the operation, used in events, usage records and OpenAPI.
    public var operationID: String
    /// One line saying what the operation does.
    public var summary: String
    /// Who may call it.
    public var access: RouteAccess
    /// The rate-limit policy, or `nil` for the profile's default. A key's own limit overrides
    /// the policy's limit and window.
    public var rateLimit: RateLimitPolicy?
    /// The schema of the JSON body, or `nil` when the route takes no body.
    public var body: Schema?
    /// The query parameters it reads, for its OpenAPI document.
    public var query: [QueryParameter]
    /// The schema of a successful response's data (inside the profile's envelope), for its
    /// OpenAPI document; `nil` when undocumented.
    public var response: Schema?
    /// Serves the request once every stage before it passed.
    public var handler: Handler

    /// A route from its parts.
    public init(
        _ method: HTTPMethod,
        _ path: String,
        operationID: String,
        summary: String,
        access: RouteAccess,
        rateLimit: RateLimitPolicy? = nil,
        body: Schema? = nil,
        query: [QueryParameter] = [],
        response: Schema? = nil,
        handler: @escaping Handler
    ) {
        self.method = method
        self.path = RoutePattern(path)
        self.operationID = operationID
        self.summary = summary
        self.access = access
        self.rateLimit = rateLimit
        self.body = body
        self.query = query
        self.response = response
        self.handler = handler
    }
}
