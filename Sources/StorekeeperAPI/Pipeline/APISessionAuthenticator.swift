/// Authenticates requests by a session the host manages, such as EverShop's admin cookie.
///
/// The pipeline asks it first on keyed routes: a session it returns is checked against the
/// route's permission and rate limit like a key; `nil` means the request carries no session and
/// its API key is checked instead.
public protocol APISessionAuthenticator: Sendable {
    /// The request's session, or `nil` when it has none.
    ///
    /// - Throws: An ``APIError`` (401) when the request presents a session that is unknown or
    ///   expired; any other error becomes a 500.
    func session(for request: APIRequest) async throws -> APISession?
}
