public import StorekeeperJSON
import StorekeeperSchema

/// The partner orders API's wire conventions: a success body is the data itself (an order, or a
/// list page's `{"data": [...], "pagination": {...}}`), and a failure is
///
/// ```json
/// {"code": "VALIDATION_ERROR", "message": "The request has 1 problem.",
///  "details": [{"pointer": "/start_time", "code": "outside_retrieval_window", "message": "..."}]}
/// ```
///
/// `details` appears for validation failures only, one entry per problem (with `line` and
/// `column` for a JSON syntax error); a 500 adds its `correlation_id`. Codes are upper snake
/// case: `UNAUTHORIZED` (401), `FORBIDDEN` (403), `VALIDATION_ERROR` (400), `NOT_FOUND` (404),
/// `METHOD_NOT_ALLOWED` (405), `ILLEGAL_TRANSITION` and `CONFLICT` (409), `PRECONDITION_FAILED`
/// (412), `PAYLOAD_TOO_LARGE` (413), `TOO_MANY_REQUESTS` (429), `INTERNAL_SERVER_ERROR` (500);
/// any other code is its own text upper-cased.
public struct PartnerOrdersDialect: APIDialect {
    /// The dialect.
    public init() {}

    /// The data itself; members an output places beside its data, if any, wrap it as
    /// `{"data": <data>, <meta members>}`.
    public func successBody(for output: APIOutput) -> JSONValue? {
        guard let data = output.data else { return nil }
        guard !output.meta.isEmpty else { return data }
        var body: JSONObject = ["data": data]
        for (name, value) in output.meta { body.append(name, value) }
        return .object(body)
    }

    /// `{"code": <CODE>, "message": <message>}`, with `details` and `correlation_id` when present.
    public func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        var body: JSONObject = [
            "code": .string(Self.code(for: error.code)),
            "message": .string(error.message),
        ]
        if !error.issues.isEmpty {
            var details: [JSONValue] = []
            for issue in error.issues {
                var entry: JSONObject = [
                    "pointer": .string(issue.path.description), "code": .string(issue.code),
                    "message": .string(issue.message),
                ]
                if let line = issue.line { entry.append("line", .number(JSONNumber(line))) }
                if let column = issue.column { entry.append("column", .number(JSONNumber(column))) }
                details.append(.object(entry))
            }
            body.append("details", .array(details))
        }
        if let correlationID = error.correlationID { body.append("correlation_id", .string(correlationID)) }
        return (error.status, .object(body))
    }

    /// The API's code for a pipeline code; codes it does not name are upper-cased.
    static func code(for code: APIError.Code) -> String {
        switch code {
        case .missingCredentials, .invalidCredentials: "UNAUTHORIZED"
        case .ipNotAllowed, .insufficientPermissions: "FORBIDDEN"
        case .validationFailed: "VALIDATION_ERROR"
        case .rateLimitExceeded: "TOO_MANY_REQUESTS"
        case .internalError: "INTERNAL_SERVER_ERROR"
        default: code.rawValue.uppercased()
        }
    }
}
