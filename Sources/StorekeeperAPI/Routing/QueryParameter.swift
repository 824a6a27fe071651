public import StorekeeperSchema

/// A query parameter a route reads, declared for its OpenAPI document.
public struct QueryParameter: Sendable {
    /// The parameter's name, such as `page`.
    public var name: String
    /// What its value must look like, as a schema of the decoded text's meaning.
    public var schema: Schema
    /// Whether a request must send it.
    public var isRequired: Bool
    /// One line saying what it does.
    public var summary: String

    /// A parameter from its parts.
    public init(_ name: String, _ schema: Schema, required isRequired: Bool = false, summary: String) {
        self.name = name
        self.schema = schema
        self.isRequired = isRequired
        self.summary = summary
    }
}
