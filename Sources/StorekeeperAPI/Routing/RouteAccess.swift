public import StorekeeperKeys

/// Who may call a route.
public enum RouteAccess: Sendable, Hashable {
    /// Anyone: no credentials are read, no rate limit applies.
    case anonymous
    /// A caller with a valid API key that allows `permission` (any valid key when `nil`).
    case apiKey(Permission?)
}
