public import StorekeeperJSON
public import StorekeeperSchema

/// Spring's wire conventions: bare JSON bodies on success, and on failure the status the seed
/// lists (400 when the request has no key, 403 when the key is wrong, 500 on a server fault)
/// with "detailed exception information in the body":
///
/// ```json
/// {"status": 403, "exception": "InvalidAPIKey", "message": "Missing or invalid API key.", "errors": []}
/// ```
///
/// `errors` lists every validation problem (`pointer`, `detail`, `code`, and `line` and `column`
/// for a JSON syntax error); a 500 adds `correlation_id`.
public struct SpringDialect: APIDialect {
    /// The dialect.
    public init() {}

    /// The data itself, unwrapped.
    public func successBody(for output: APIOutput) -> JSONValue? {
        output.data
    }

    /// The exception body, with the seed's statuses for key failures.
    public func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        let (status, exception): (Int, String) =
            switch error.code {
            case .missingCredentials: (400, "MissingAPIKey")
            case .invalidCredentials, .ipNotAllowed, .insufficientPermissions: (403, "InvalidAPIKey")
            case .validationFailed: (400, "ValidationError")
            case .notFound: (404, "NotFound")
            case .internalError: (500, "InternalServerError")
            default: (error.status, Self.exceptionName(error.code.rawValue))
            }
        var body: JSONObject = [
            "status": .number(JSONNumber(status)),
            "exception": .string(exception),
            "code": .string(error.code.rawValue),
            "message": .string(error.message),
        ]
        body.append("errors", .array(error.issues.map(\.json)))
        if let correlationID = error.correlationID { body.append("correlation_id", .string(correlationID)) }
        return (status, .object(body))
    }

    /// `status`, `exception`, `code`, `message`, `errors`, and `correlation_id` on a 500.
    public var failureSchema: Schema {
        .object([
            .required("status", .integer(minimum: 400, maximum: 599)),
            .required("exception", .string()),
            .required("code", .string()),
            .required("message", .string()),
            .required("errors", .array(of: ValidationIssue.jsonSchema)),
            .optional("correlation_id", .string()),
        ])
    }

    /// `method_not_allowed` → `MethodNotAllowed`.
    private static func exceptionName(_ code: String) -> String {
        code.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
