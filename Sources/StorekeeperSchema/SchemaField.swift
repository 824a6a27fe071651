public import StorekeeperJSON

/// A named member of an object schema: whether it must be present, whether it may be `null`,
/// and the value to assume when it is absent.
public struct SchemaField: Sendable {
    /// The member name.
    public var name: String
    /// The schema of the member's value (when not `null`).
    public var schema: Schema
    /// Whether the member must be present.
    public var isRequired: Bool
    /// Whether `null` is accepted.
    public var isNullable: Bool
    /// The value the validated object gets when the member is absent.
    public var defaultValue: JSONValue?

    /// Creates a field.
    public init(
        name: String, schema: Schema, isRequired: Bool, isNullable: Bool = false, defaultValue: JSONValue? = nil
    ) {
        self.name = name
        self.schema = schema
        self.isRequired = isRequired
        self.isNullable = isNullable
        self.defaultValue = defaultValue
    }

    /// A member that must be present; with `nullable`, it may be `null` (Spring's
    /// "required, but can be set to NULL").
    public static func required(_ name: String, _ schema: Schema, nullable: Bool = false) -> SchemaField {
        SchemaField(name: name, schema: schema, isRequired: true, isNullable: nullable)
    }

    /// A member that may be absent, taking `default` when it is.
    public static func optional(
        _ name: String,
        _ schema: Schema,
        nullable: Bool = false,
        default defaultValue: JSONValue? = nil
    ) -> SchemaField {
        SchemaField(name: name, schema: schema, isRequired: false, isNullable: nullable, defaultValue: defaultValue)
    }
}
