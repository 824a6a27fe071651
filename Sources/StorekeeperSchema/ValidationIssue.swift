public import StorekeeperJSON

/// One problem with a JSON document: where it is, a stable code, and what is wrong.
///
/// Codes are stable snake case (`required`, `null_not_allowed`, `type_mismatch`, `too_long`,
/// `too_short`, `pattern_mismatch`, `not_in_enum`, `out_of_range`,
/// `too_many_fraction_digits`, `duplicate`, `unknown_field`, `invalid_format`, `invalid_json`,
/// or an ``ObjectRule``'s own code), so clients can branch on them; the message is for people.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is, as an RFC 6901 JSON Pointer (empty for the whole document).
    public var path: JSONPointer
    /// The stable code.
    public var code: String
    /// What is wrong, for a person.
    public var message: String
    /// For `invalid_json`, the 1-based line of the parse error.
    public var line: Int?
    /// For `invalid_json`, the 1-based column of the parse error, in Unicode scalars.
    public var column: Int?

    /// Creates an issue.
    public init(path: JSONPointer, code: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    /// The issue for a document that is not JSON at all, naming the parse error's position.
    public init(_ error: JSONParseError) {
        self.init(
            path: .root,
            code: "invalid_json",
            message: "The body is not valid JSON: \(error.description).",
            line: error.line,
            column: error.column
        )
    }

    /// The issue as the JSON error objects of RFC 9457 problem details and every profile render
    /// it: `pointer`, `detail`, `code`, and `line` and `column` for a JSON syntax error.
    public var json: JSONValue {
        var entry: JSONObject = [
            "pointer": .string(path.description), "detail": .string(message), "code": .string(code),
        ]
        if let line { entry.append("line", .number(JSONNumber(line))) }
        if let column { entry.append("column", .number(JSONNumber(column))) }
        return .object(entry)
    }

    /// The schema of ``json``, for documents (OpenAPI) that describe error bodies.
    public static let jsonSchema = Schema.object([
        .required("pointer", .string()), .required("detail", .string()), .required("code", .string()),
        .optional("line", .integer(minimum: 1)), .optional("column", .integer(minimum: 1)),
    ])

    /// `"<pointer>: <message> (<code>)"`.
    public var description: String {
        "\(path.description.isEmpty ? "(document)" : path.description): \(message) (\(code))"
    }
}
