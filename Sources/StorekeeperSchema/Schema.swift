public import StorekeeperJSON

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A description of the JSON a field, a request body or a response must have, as a value.
///
/// Build schemas from the static constructors, validate with ``validate(_:options:)``, decode
/// straight into a model with ``SchemaDecodable``, and publish them with ``jsonSchema()``:
///
/// ```swift
/// let variant = Schema.object([
///     .required("sku", .string(minLength: 1, maxLength: 255)),
///     .required("price", .decimal(minimum: 0, maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
///     .optional("active", .boolean(coercion: .acceptingZeroOne), default: true),
/// ], unknownFields: .reject)
/// ```
///
/// Validation is strict by default: `"1"` is not a Boolean and `"14.95"` is not a number unless
/// the field opts into a coercion, and then the validated value holds the coerced form.
public struct Schema: Sendable {
    /// What the schema accepts. Not `indirect`: every payload is already a single reference
    /// (the constraint classes, the arrays), so checking a value costs no extra box to open.
    enum Kind: Sendable {
        case any
        case null
        case boolean(BooleanCoercion)
        case integer(IntegerConstraints)
        case decimal(DecimalConstraints)
        case string(StringConstraints)
        case enumeration([JSONValue])
        case array(ArrayConstraints)
        case object(ObjectConstraints)
        case oneOf([Schema])
    }

    let kind: Kind

    /// A human description, exported as JSON Schema's `description`.
    public var description: String?

    init(_ kind: Kind, description: String? = nil) {
        self.kind = kind
        self.description = description
    }

    /// This schema with a description, for documentation and JSON Schema export.
    public func described(_ text: String) -> Schema {
        var copy = self
        copy.description = text
        return copy
    }

    /// Any JSON value.
    public static let any = Schema(.any)

    /// Only `null`.
    public static let null = Schema(.null)

    /// `true` or `false`, or with a coercion also `0`, `1`, `"0"` and `"1"`.
    public static func boolean(coercion: BooleanCoercion = .strict) -> Schema {
        Schema(.boolean(coercion))
    }

    /// A whole number in `Int64`'s range, written as an integer literal (`1.0` is not one).
    ///
    /// - Parameters:
    ///   - minimum: The smallest value accepted.
    ///   - maximum: The largest value accepted.
    ///   - coercion: Whether a numeric string such as `"42"` is accepted (and becomes `42`).
    public static func integer(
        minimum: Int64? = nil, maximum: Int64? = nil, coercion: NumberCoercion = .strict
    ) -> Schema {
        Schema(.integer(IntegerConstraints(minimum: minimum, maximum: maximum, coercion: coercion)))
    }

    /// An exact decimal number, read without binary floating point.
    ///
    /// - Parameters:
    ///   - minimum: The smallest value accepted.
    ///   - maximum: The largest value accepted.
    ///   - maxFractionDigits: The most digits accepted after the decimal point (`2` for cents).
    ///   - coercion: Whether a numeric string such as `"14.95"` is accepted (and becomes a number).
    public static func decimal(
        minimum: Decimal? = nil,
        maximum: Decimal? = nil,
        maxFractionDigits: Int? = nil,
        coercion: NumberCoercion = .strict
    ) -> Schema {
        Schema(
            .decimal(
                DecimalConstraints(
                    minimum: minimum,
                    maximum: maximum,
                    maxFractionDigits: maxFractionDigits,
                    coercion: coercion
                )
            )
        )
    }

    /// A string, its length counted in Unicode scalars as JSON Schema counts it.
    ///
    /// - Parameters:
    ///   - minLength: The fewest Unicode scalars accepted.
    ///   - maxLength: The most Unicode scalars accepted.
    ///   - pattern: A predicate the text must satisfy, with the regular expression it stands for.
    ///   - format: A well-known format the text must have.
    public static func string(
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: StringPattern? = nil,
        format: StringFormat? = nil
    ) -> Schema {
        Schema(.string(StringConstraints(minLength: minLength, maxLength: maxLength, pattern: pattern, format: format)))
    }

    /// One of the listed values exactly.
    public static func enumeration(_ values: [JSONValue]) -> Schema {
        Schema(.enumeration(values))
    }

    /// Exactly one of the alternatives must accept the value; its coerced form is kept.
    public static func oneOf(_ alternatives: [Schema]) -> Schema {
        Schema(.oneOf(alternatives))
    }

    /// An array whose every element matches `items`.
    ///
    /// - Parameters:
    ///   - items: The schema of each element.
    ///   - minItems: The fewest elements accepted.
    ///   - maxItems: The most elements accepted.
    ///   - uniqueBy: What must not repeat between elements, if anything.
    public static func array(
        of items: Schema,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        uniqueBy: ArrayUniqueness? = nil
    ) -> Schema {
        Schema(.array(ArrayConstraints(items: items, minItems: minItems, maxItems: maxItems, uniqueBy: uniqueBy)))
    }

    /// An object with known fields.
    ///
    /// - Parameters:
    ///   - fields: The fields, in the order documentation and export list them.
    ///   - unknownFields: What to do with members that are not fields.
    ///   - additionalFields: A schema for members that are not fields; when given, such members
    ///     are validated against it instead of going to `unknownFields`.
    ///   - rules: Cross-field rules, checked once every field is valid.
    public static func object(
        _ fields: [SchemaField],
        unknownFields: UnknownFieldPolicy = .ignore,
        additionalFields: Schema? = nil,
        rules: [ObjectRule] = []
    ) -> Schema {
        Schema(
            .object(
                ObjectConstraints(
                    fields: fields,
                    unknownFields: unknownFields,
                    additionalFields: additionalFields,
                    rules: rules
                )
            )
        )
    }

    /// An object used as a dictionary: any member names, every value matching `values`.
    public static func dictionary(values: Schema) -> Schema {
        object([], additionalFields: values)
    }
}
