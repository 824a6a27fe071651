public import StorekeeperJSON

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
}
