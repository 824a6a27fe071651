public import StorekeeperJSON
public import StorekeeperSchema

/// EverShop's wire conventions: `{"data": ...}` on success (lists add `total`, `currentPage`,
/// `limit` and `links`), and on failure the status its error table lists with
/// `{"error": {"status": 409, "code": "conflict", "message": "...", "errors": [...]}}`.
///
/// `errors` lists every validation problem (`pointer`, `detail`, `code`, and `line` and `column`
/// for a JSON syntax error); a 500 adds `correlationId`.
public struct EverShopDialect: APIDialect {
    /// The dialect.
    public init() {}

    /// `{"data": <data>, <meta members>}`.
    public func successBody(for output: APIOutput) -> JSONValue? {
        guard let data = output.data else { return nil }
        var body: JSONObject = ["data": data]
        for (name, value) in output.meta { body.append(name, value) }
        return .object(body)
    }

    /// `data`, and `total`, `currentPage`, `limit` and `links` on lists.
    public func successSchema(data: Schema) -> Schema {
        .object([
            .required("data", data),
            .optional("total", .integer(minimum: 0)),
            .optional("currentPage", .integer(minimum: 1)),
            .optional("limit", .integer(minimum: 1)),
            .optional(
                "links",
                .array(
                    of: .object([
                        .required("rel", .string()), .required("href", .string()), .required("action", .string()),
                    ]))),
        ])
    }

    /// `error` with `status`, `code`, `message`, and `errors` and `correlationId` when present.
    public var failureSchema: Schema {
        .object([
            .required(
                "error",
                .object([
                    .required("status", .integer(minimum: 400, maximum: 599)),
                    .required("code", .string()),
                    .required("message", .string()),
                    .optional("errors", .array(of: ValidationIssue.jsonSchema)),
                    .optional("correlationId", .string()),
                ]))
        ])
    }

    /// `{"error": {"status", "code", "message", "errors"}}`.
    public func failure(_ error: APIError) -> (status: Int, body: JSONValue) {
        var detail: JSONObject = [
            "status": .number(JSONNumber(error.status)),
            "code": .string(error.code.rawValue),
            "message": .string(error.message),
        ]
        if !error.issues.isEmpty { detail.append("errors", .array(error.issues.map(\.json))) }
        if let correlationID = error.correlationID { detail.append("correlationId", .string(correlationID)) }
        return (error.status, ["error": .object(detail)])
    }
}
