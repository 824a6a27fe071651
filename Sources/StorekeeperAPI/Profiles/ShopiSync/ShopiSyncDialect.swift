public import StorekeeperJSON
public import StorekeeperSchema

/// ShopiSync's wire conventions: `{"success": true, "data": ...}` (plus `pagination` on lists)
/// and `{"error": ..., "code": "INVALID_API_KEY"}` with the seed's codes.
///
/// Validation failures add a `details` array (`pointer`, `detail`, `code`) naming every
/// problem; a 500 adds its `correlationId`.
public struct ShopiSyncDialect: APIDialect {
    /// The dialect.
    public init() {}

    /// `{"success": true, "data": <data>, <meta members>}`.
    public func successBody(for output: APIOutput) -> JSONValue? {
        guard let data = output.data else { return nil }
        var body: JSONObject = ["success": true, "data": data]
        for (name, value) in output.meta { body.append(name, value) }
        return .object(body)
    }

    /// `{"error": <message>, "code": <CODE>}`, with `details` and `correlationId` when present.
    public func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        var body: JSONObject = [
            "error": .string(Self.message(for: error)),
            "code": .string(Self.code(for: error.code)),
        ]
        if !error.issues.isEmpty { body.append("details", .array(error.issues.map(\.json))) }
        if let correlationID = error.correlationID { body.append("correlationId", .string(correlationID)) }
        return (error.status, .object(body))
    }

    /// `success`, `data`, and `pagination` on lists.
    public func successSchema(data: Schema) -> Schema {
        .object([
            .required("success", .enumeration([true])),
            .required("data", data),
            .optional(
                "pagination",
                .object([
                    .required("page", .integer(minimum: 1)), .required("limit", .integer(minimum: 1)),
                    .required("total", .integer(minimum: 0)), .required("totalPages", .integer(minimum: 0)),
                ])),
        ])
    }

    /// `error`, `code`, and `details` and `correlationId` when present.
    public var failureSchema: Schema {
        .object([
            .required("error", .string()),
            .required("code", .string()),
            .optional("details", .array(of: ValidationIssue.jsonSchema)),
            .optional("correlationId", .string()),
        ])
    }

    /// The seed's code for a pipeline code; codes the seed does not list are upper-cased.
    static func code(for code: APIError.Code) -> String {
        switch code {
        case .missingCredentials, .invalidCredentials: "INVALID_API_KEY"
        case .insufficientPermissions: "INSUFFICIENT_PERMISSIONS"
        case .validationFailed: "VALIDATION_ERROR"
        default: code.rawValue.uppercased()
        }
    }

    /// The seed's wording for a missing, invalid or expired key; the error's own otherwise.
    static func message(for error: APIError) -> String {
        switch error.code {
        case .missingCredentials, .invalidCredentials: "Invalid or expired API key"
        default: error.message
        }
    }
}
