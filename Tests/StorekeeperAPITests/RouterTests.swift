import StorekeeperAPI
import Testing

@Suite("Router")
struct RouterTests {
    static func route(_ method: HTTPMethod, _ path: String) -> Route {
        Route(method, path, operationID: "\(method) \(path)", summary: "", access: .anonymous) { _ in .noContent }
    }

    let router = Router(routes: [
        route(.get, "/v1/products"),
        route(.get, "/v1/products/:productId"),
        route(.put, "/v1/products/:productId"),
        route(.get, "/v1/products/:productId/history"),
    ])

    func matched(_ method: HTTPMethod, _ path: String) -> (String, [String: String])? {
        if case .matched(let route, let parameters) = router.resolve(method: method, path: path) {
            return (route.operationID, parameters)
        }
        return nil
    }

    @Test("matches literals and captures parameters")
    func matches() {
        #expect(matched(.get, "/v1/products")?.0 == "GET /v1/products")
        #expect(matched(.get, "/v1/products/42")?.1 == ["productId": "42"])
        #expect(matched(.put, "/v1/products/42")?.0 == "PUT /v1/products/:productId")
        #expect(matched(.get, "/v1/products/42/history")?.1 == ["productId": "42"])
    }

    @Test("parameters are percent-decoded; bad escapes and non-UTF-8 are not found")
    func percentDecoding() {
        #expect(matched(.get, "/v1/products/SOME%20ID%2F1")?.1 == ["productId": "SOME ID/1"])
        #expect(matched(.get, "/v1/products/caf%C3%A9")?.1 == ["productId": "café"])
        // Literal segments compare after decoding too, and only a route's own segments are captured.
        #expect(matched(.get, "/v1/%70roducts/42")?.1 == ["productId": "42"])
        #expect(matched(.get, "/v1/%70roducts%2F42") == nil)
        for path in ["/v1/products/%G1", "/v1/products/%4", "/v1/products/%FF", "v1/products", "/v1/%ZZ/42", ""] {
            guard case .notFound = router.resolve(method: .get, path: path) else {
                Issue.record("\(path) resolved")
                continue
            }
        }
    }

    @Test("an unknown path is not found; a trailing or doubled slash is another path")
    func notFound() {
        for path in ["/v1/orders", "/v1/products/", "/v1//products", "/", "/v1/products/42/history/x"] {
            guard case .notFound = router.resolve(method: .get, path: path) else {
                Issue.record("\(path) resolved")
                continue
            }
        }
    }

    @Test("a known path with another method lists the allowed methods")
    func methodNotAllowed() {
        guard case .methodNotAllowed(let allowed) = router.resolve(method: .delete, path: "/v1/products/42") else {
            Issue.record("DELETE matched")
            return
        }
        #expect(allowed == [.get, .put])
        #expect(HTTPMethod("get") == .get)
    }

    @Test("templates print in both notations and take a base path")
    func templates() {
        let pattern = RoutePattern("/products/:productId").prefixed(by: "/api/external/v1")
        #expect(pattern.description == "/api/external/v1/products/:productId")
        #expect(pattern.openAPIPath == "/api/external/v1/products/{productId}")
        #expect(pattern.parameterNames == ["productId"])
    }
}
