public import StorekeeperJSON
public import StorekeeperSchema

/// Everspring's wire conventions, designed in the manner of the other profiles: `{"data": ...}`
/// for one object, `{"object": "list", "data": [...], "has_more", "next_cursor", ...}` for lists,
/// `{"error": {"code", "message", "details"}}` for failures; in a sandbox every body also says
/// `"environment": "sandbox"`, so no one mistakes it for production.
public struct EverspringDialect: APIDialect {
    /// The environment every body names, if any.
    public var environment: String?

    /// A dialect; `environment` is written into every body when given.
    public init(environment: String? = nil) {
        self.environment = environment
    }

    /// The data wrapped in `data`, or the list as it is (lists carry their own envelope).
    public func successBody(for output: APIOutput) -> JSONValue? {
        guard let data = output.data else { return nil }
        var body: JSONObject
        if let list = data.object, list["object"] == "list" {
            body = list
        } else {
            body = ["data": data]
        }
        for (name, value) in output.meta { body.append(name, value) }
        if let environment { body.append("environment", .string(environment)) }
        return .object(body)
    }

    /// `{"error": {"code", "message", "details"}}`.
    public func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        var detail: JSONObject = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        if !error.issues.isEmpty { detail.append("details", .array(error.issues.map(\.json))) }
        if let correlationID = error.correlationID { detail.append("correlation_id", .string(correlationID)) }
        var body: JSONObject = ["error": .object(detail)]
        if let environment { body.append("environment", .string(environment)) }
        return (error.status, .object(body))
    }

    /// `data` for one object, the list envelope for lists.
    public func successSchema(data: Schema) -> Schema {
        data
    }

    /// `error` with `code`, `message` and `details`.
    public var failureSchema: Schema {
        .object([
            .required(
                "error",
                .object([
                    .required("code", .string()), .required("message", .string()),
                    .optional("details", .array(of: ValidationIssue.jsonSchema)),
                    .optional("correlation_id", .string()),
                ])),
            .optional("environment", .string()),
        ])
    }
}
