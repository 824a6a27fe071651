/// Finds the route of a request: the first route whose method and template match.
public struct Router: Sendable {
    /// What the router found for a request.
    public enum Resolution: Sendable {
        /// A route matched; the parameters are percent-decoded.
        case matched(Route, parameters: [String: String])
        /// The path matched routes, but none with this method; the methods that would match,
        /// for the `Allow` header.
        case methodNotAllowed(allowed: [HTTPMethod])
        /// No route has this path.
        case notFound
    }

    /// The routes, in matching order.
    public let routes: [Route]

    /// A router over `routes`; earlier routes win when several match.
    public init(routes: [Route]) {
        self.routes = routes
    }

    /// The route for `method` and the percent-encoded `path`.
    public func resolve(method: HTTPMethod, path: String) -> Resolution {
        guard let segments = RoutePattern.decodeSegments(of: path) else { return .notFound }
        var allowed: [HTTPMethod] = []
        for route in routes {
            guard let parameters = route.path.match(segments) else { continue }
            if route.method == method { return .matched(route, parameters: parameters) }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }
}
