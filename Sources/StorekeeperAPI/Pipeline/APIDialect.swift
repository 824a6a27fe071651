public import StorekeeperJSON
public import StorekeeperSchema

/// How a profile's responses look on the wire: its success envelope and its error envelope.
///
/// The pipeline calls ``successBody(for:)`` for every output a handler returns and
/// ``failure(_:)`` for every error, its own or a handler's, so one API never mixes shapes.
public protocol APIDialect: Sendable {
    /// The JSON body of a successful output, or `nil` for no body.
    func successBody(for output: APIOutput) -> JSONValue?

    /// The status and JSON body of a failure. A dialect may change the status where its API
    /// documents another one (Spring answers a missing key with 400, not 401).
    func failure(_ error: APIError) -> (status: Int, body: JSONValue)

    /// The schema of a success body whose data has schema `data`, for OpenAPI documents.
    func successSchema(data: Schema) -> Schema

    /// The schema of every failure body, for OpenAPI documents.
    var failureSchema: Schema { get }
}

extension APIDialect {
    /// The data itself, for dialects that do not wrap it.
    public func successSchema(data: Schema) -> Schema {
        data
    }

    /// Any JSON, for dialects that do not describe their failures.
    public var failureSchema: Schema {
        .any
    }
}
