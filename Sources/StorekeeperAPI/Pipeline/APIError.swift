public import StorekeeperCore
public import StorekeeperSchema

/// A failure a client sees: an HTTP status, a stable code, a message a person understands, and
/// the validation issues when there are several things wrong.
///
/// Handlers throw it; the pipeline also builds it from every error of the other modules (see
/// ``APIPipeline``). A profile's ``APIDialect`` decides how it looks on the wire: the same error
/// is `{"error": ..., "code": "INVALID_API_KEY"}` in ShopiSync and a 403 exception in Spring.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, profile-neutral reason in snake_case; dialects translate it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        /// A code of the host's own, for its own routes.
        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The request carries no credentials (401).
        public static let missingCredentials = Code("missing_credentials")
        /// The credentials are malformed, unknown, revoked, disabled or expired (401).
        public static let invalidCredentials = Code("invalid_credentials")
        /// The client address is not on the key's allowlist (403).
        public static let ipNotAllowed = Code("ip_not_allowed")
        /// The key lacks the route's permission (403).
        public static let insufficientPermissions = Code("insufficient_permissions")
        /// A rate limit is exhausted (429).
        public static let rateLimitExceeded = Code("rate_limit_exceeded")
        /// The body or a parameter is invalid; ``APIError/issues`` says where (400).
        public static let validationFailed = Code("validation_failed")
        /// The resource does not exist, or not for this caller (404).
        public static let notFound = Code("not_found")
        /// The path exists with other methods (405).
        public static let methodNotAllowed = Code("method_not_allowed")
        /// The resource changed concurrently or a unique value is taken (409).
        public static let conflict = Code("conflict")
        /// An `If-Match` precondition does not hold (412).
        public static let preconditionFailed = Code("precondition_failed")
        /// The body is larger than the pipeline accepts (413).
        public static let payloadTooLarge = Code("payload_too_large")
        /// An `Idempotency-Key` was reused with a different request (422).
        public static let idempotencyKeyReused = Code("idempotency_key_reused")
        /// A request with the same `Idempotency-Key` is still being processed (409).
        public static let requestInProgress = Code("request_in_progress")
        /// The server failed; the response carries a correlation id and no internals (500).
        public static let internalError = Code("internal_error")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The HTTP status.
    public var status: Int
    /// The stable code.
    public var code: Code
    /// A message for a person.
    public var message: String
    /// Every validation issue, for ``Code/validationFailed``.
    public var issues: [ValidationIssue]
    /// Headers the response must carry, such as `Allow` on a 405.
    public var headers: HTTPHeaders
    /// The id that ties a 500 to the server's own records.
    public var correlationID: String?

    /// An error from its parts.
    public init(
        status: Int,
        code: Code,
        message: String,
        issues: [ValidationIssue] = [],
        headers: HTTPHeaders = HTTPHeaders(),
        correlationID: String? = nil
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.issues = issues
        self.headers = headers
        self.correlationID = correlationID
    }

    /// A 404 with `message`.
    public static func notFound(_ message: String) -> APIError {
        APIError(status: 404, code: .notFound, message: message)
    }

    /// A 400 listing `issues`.
    public static func validation(_ issues: [ValidationIssue], message: String? = nil) -> APIError {
        let count = issues.count
        return APIError(
            status: 400,
            code: .validationFailed,
            message: message ?? (count == 1 ? "The request has 1 problem." : "The request has \(count) problems."),
            issues: issues
        )
    }

    /// `status code: message`.
    public var description: String { "\(status) \(code): \(message)" }
}
