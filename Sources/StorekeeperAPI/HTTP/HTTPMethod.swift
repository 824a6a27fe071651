/// An HTTP request method, compared by its upper-case token.
public struct HTTPMethod: Sendable, Hashable, CustomStringConvertible {
    /// The method's token, such as `GET`.
    public let rawValue: String

    /// A method from its token; tokens are upper-cased, so `get` and `GET` are the same method.
    public init(_ rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// `GET`.
    public static let get = HTTPMethod("GET")
    /// `HEAD`.
    public static let head = HTTPMethod("HEAD")
    /// `POST`.
    public static let post = HTTPMethod("POST")
    /// `PUT`.
    public static let put = HTTPMethod("PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod("PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod("DELETE")
    /// `OPTIONS`.
    public static let options = HTTPMethod("OPTIONS")

    /// Whether a request with this method changes state and so may carry an `Idempotency-Key`
    /// (`POST`, `PUT`, `PATCH`).
    public var acceptsIdempotencyKey: Bool {
        self == .post || self == .put || self == .patch
    }

    /// The method's token.
    public var description: String { rawValue }
}
