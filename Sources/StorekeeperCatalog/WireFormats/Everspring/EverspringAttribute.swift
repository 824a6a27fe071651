import StorekeeperJSON
public import StorekeeperSchema

/// A product or variant attribute in Everspring's catalogue: `{"code": "color", "value": "Green"}`,
/// the value one text or a list of texts.
public struct EverspringAttribute: SchemaDecodable, Hashable {
    /// `code` (1 to 255 characters) and `value` (a string or an array of strings), nothing else.
    public static let schema = Schema.object(
        [
            .required("code", .string(minLength: 1, maxLength: 255).described("The attribute's code")),
            .required("value", .oneOf([.string(), .array(of: .string())])),
        ], unknownFields: .reject)

    /// The attribute's code, such as `color`.
    public var code: String
    /// Its value.
    public var value: ProductAttribute.Value

    /// Creates an attribute.
    public init(code: String, value: ProductAttribute.Value) {
        self.code = code
        self.value = value
    }

    /// Builds the attribute from a validated object.
    public init(validated fields: ValidatedFields) {
        code = fields.string("code")
        if case .array? = fields["value"] {
            value = .list(fields.strings("value"))
        } else {
            value = .text(fields.string("value"))
        }
    }

    /// The attribute in Storekeeper's catalogue model.
    public var canonicalAttribute: ProductAttribute {
        ProductAttribute(code: code, value: value)
    }
}
