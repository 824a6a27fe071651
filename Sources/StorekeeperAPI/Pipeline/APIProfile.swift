public import StorekeeperCore
public import StorekeeperKeys
public import StorekeeperRateLimit

/// An API as a value: its routes, its dialect, where its keys come from and how it is limited.
///
/// The five ready profiles are built from these same parts; a host builds its own API the same
/// way and serves it with ``APIPipeline``.
public struct APIProfile: Sendable {
    /// A short name, such as `shopisync`.
    public var name: String
    /// The path every route lives under, such as `/api/external/v1`.
    public var basePath: String
    /// The routes, their templates already under ``basePath``.
    public var routes: [Route]
    /// How responses look on the wire.
    public var dialect: any APIDialect
    /// Where requests may carry their key.
    public var credentials: [CredentialScheme]
    /// The rate limit of keyed routes that declare none (a key's own limit overrides its limit
    /// and window); `nil` for no limit.
    public var defaultRateLimit: RateLimitPolicy?
    /// Which rate-limit headers responses carry.
    public var rateLimitHeaders: RateLimitHeaders.Style
    /// Authenticates sessions before keys are checked, for APIs that also accept a session.
    public var sessionAuthenticator: (any APISessionAuthenticator)?
    /// Headers every response carries, errors included (a sandbox marks itself this way).
    public var responseHeaders: HTTPHeaders

    /// A profile whose `routes` are given relative to `basePath`.
    public init(
        name: String,
        basePath: String,
        routes: [Route],
        dialect: any APIDialect,
        credentials: [CredentialScheme],
        defaultRateLimit: RateLimitPolicy? = nil,
        rateLimitHeaders: RateLimitHeaders.Style = .ietfDraft,
        sessionAuthenticator: (any APISessionAuthenticator)? = nil,
        responseHeaders: HTTPHeaders = HTTPHeaders()
    ) {
        self.name = name
        self.basePath = basePath
        self.routes = routes.map { route in
            var prefixed = route
            prefixed.path = route.path.prefixed(by: basePath)
            return prefixed
        }
        self.dialect = dialect
        self.credentials = credentials
        self.defaultRateLimit = defaultRateLimit
        self.rateLimitHeaders = rateLimitHeaders
        self.sessionAuthenticator = sessionAuthenticator
        self.responseHeaders = responseHeaders
    }
}
