public import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Schema {
    /// The JSON Schema 2020-12 dialect URI written at the root of an export.
    public static let jsonSchemaDialect = "https://json-schema.org/draft/2020-12/schema"

    /// This schema as a JSON Schema 2020-12 document, with `$schema` at its root, ready to embed
    /// in an OpenAPI 3.1 document (which uses the same dialect).
    ///
    /// Everything but cross-field rules and string-pattern predicates is expressed in standard
    /// keywords; a pattern exports its regular expression, a coercion widens `type` (for example
    /// `["integer", "string"]` with a `pattern` for the string form), uniqueness by field is
    /// exported as the annotation `x-unique-by`, and rule names as `x-rules`.
    public func jsonSchema() -> JSONValue {
        var root = JSONObject()
        root.append("$schema", .string(Self.jsonSchemaDialect))
        for (key, value) in exported() {
            root[key] = value
        }
        return .object(root)
    }

    /// The JSON Schema object for this node, without `$schema`.
    func exported() -> JSONObject {
        var schema = JSONObject()
        switch kind {
        case .any:
            break
        case .null:
            schema.append("type", "null")
        case .boolean(let coercion):
            switch coercion {
            case .strict: schema.append("type", "boolean")
            case .acceptingZeroOne: schema.append("enum", [true, false, 0, 1, "0", "1"])
            }
        case .integer(let constraints):
            exportNumber(
                into: &schema,
                type: "integer",
                coercion: constraints.coercion,
                stringPattern: #"^-?(0|[1-9][0-9]*)$"#
            )
            if let minimum = constraints.minimum { schema.append("minimum", .number(JSONNumber(minimum))) }
            if let maximum = constraints.maximum { schema.append("maximum", .number(JSONNumber(maximum))) }
        case .decimal(let constraints):
            exportNumber(
                into: &schema,
                type: "number",
                coercion: constraints.coercion,
                stringPattern: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#
            )
            if let minimum = constraints.minimum, let number = JSONNumber(minimum) {
                schema.append("minimum", .number(number))
            }
            if let maximum = constraints.maximum, let number = JSONNumber(maximum) {
                schema.append("maximum", .number(number))
            }
            if let digits = constraints.maxFractionDigits,
                let step = JSONNumber(Decimal(sign: .plus, exponent: -digits, significand: 1))
            {
                schema.append("multipleOf", .number(step))
            }
        case .string(let constraints):
            schema.append("type", "string")
            if let minimum = constraints.minLength { schema.append("minLength", .number(JSONNumber(minimum))) }
            if let maximum = constraints.maxLength { schema.append("maxLength", .number(JSONNumber(maximum))) }
            if let pattern = constraints.pattern { schema.append("pattern", .string(pattern.regex)) }
            if let format = constraints.format { schema.append("format", .string(format.jsonSchemaName)) }
        case .enumeration(let values):
            schema.append("enum", .array(values))
        case .array(let constraints):
            schema.append("type", "array")
            schema.append("items", .object(constraints.items.exported()))
            if let minimum = constraints.minItems { schema.append("minItems", .number(JSONNumber(minimum))) }
            if let maximum = constraints.maxItems { schema.append("maxItems", .number(JSONNumber(maximum))) }
            switch constraints.uniqueBy {
            case .value?: schema.append("uniqueItems", true)
            case .field(let name)?: schema.append("x-unique-by", .string(name))
            case nil: break
            }
        case .object(let constraints):
            exportObject(constraints, into: &schema)
        case .oneOf(let alternatives):
            schema.append("oneOf", .array(alternatives.map { .object($0.exported()) }))
        }
        if let description {
            schema.append("description", .string(description))
        }
        return schema
    }

    private func exportNumber(
        into schema: inout JSONObject, type: String, coercion: NumberCoercion, stringPattern: String
    ) {
        switch coercion {
        case .strict:
            schema.append("type", .string(type))
        case .acceptingNumericStrings:
            schema.append("type", [.string(type), "string"])
            schema.append("pattern", .string(stringPattern))
        }
    }

    private func exportObject(_ constraints: ObjectConstraints, into schema: inout JSONObject) {
        schema.append("type", "object")
        var properties = JSONObject()
        var required: [JSONValue] = []
        for field in constraints.fields {
            var property = field.schema.exported()
            if field.isNullable {
                property = ["anyOf": [.object(property), ["type": "null"]]]
            }
            if let defaultValue = field.defaultValue {
                property.append("default", defaultValue)
            }
            properties.append(field.name, .object(property))
            if field.isRequired { required.append(.string(field.name)) }
        }
        if !constraints.fields.isEmpty { schema.append("properties", .object(properties)) }
        if !required.isEmpty { schema.append("required", .array(required)) }
        if let additional = constraints.additionalFields {
            schema.append("additionalProperties", .object(additional.exported()))
        } else if constraints.unknownFields == .reject {
            schema.append("additionalProperties", false)
        }
        if !constraints.rules.isEmpty {
            schema.append("x-rules", .array(constraints.rules.map { .string($0.name) }))
        }
    }
}
