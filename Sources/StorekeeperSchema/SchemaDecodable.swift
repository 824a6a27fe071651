public import StorekeeperJSON

/// A model that decodes from JSON through its ``schema``: bytes are parsed once, validated in
/// one pass that collects every issue, and only then turned into the model.
///
/// ```swift
/// struct Variant: SchemaDecodable {
///     static let schema = Schema.object([
///         .required("sku", .string(minLength: 1, maxLength: 255)),
///         .required("available_inventory", .integer(minimum: 0)),
///     ])
///     var sku: String
///     var availableInventory: Int64
///
///     init(validated fields: ValidatedFields) {
///         sku = fields.string("sku")
///         availableInventory = fields.int64("available_inventory")
///     }
/// }
///
/// let variant = try Variant.decode(json: body)   // throws ValidationReport
/// ```
///
/// Declare `schema` as a stored `static let`: a computed property would rebuild it per call.
public protocol SchemaDecodable: Sendable {
    /// The schema every value is validated against before ``init(validated:)`` runs.
    static var schema: Schema { get }

    /// Builds the model from an object that has passed ``schema``, coercions and defaults applied.
    init(validated fields: ValidatedFields)
}

extension SchemaDecodable {
    /// Parses, validates and decodes UTF-8 JSON.
    ///
    /// - Throws: ``ValidationReport`` with every issue found, or one `invalid_json` issue with
    ///   the line and column of a parse error.
    public static func decode(
        json bytes: some Collection<UInt8>,
        parsing: JSONParsingOptions = JSONParsingOptions(),
        options: ValidationOptions = ValidationOptions()
    ) throws(ValidationReport) -> Self {
        let outcome = schema.validate(json: bytes, parsing: parsing, options: options)
        guard outcome.report.isValid else { throw outcome.report }
        return Self(validated: ValidatedFields(outcome.value))
    }

    /// Validates and decodes a parsed value.
    ///
    /// - Throws: ``ValidationReport`` with every issue found.
    public static func decode(
        _ value: JSONValue, options: ValidationOptions = ValidationOptions()
    )
        throws(ValidationReport) -> Self
    {
        let outcome = schema.validate(value, options: options)
        guard outcome.report.isValid else { throw outcome.report }
        return Self(validated: ValidatedFields(outcome.value))
    }
}
