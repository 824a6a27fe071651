import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The constraints of ``Schema/integer(minimum:maximum:coercion:)``.
struct IntegerConstraints: Sendable {
    var minimum: Int64?
    var maximum: Int64?
    var coercion: NumberCoercion
}

/// The constraints of ``Schema/decimal(minimum:maximum:maxFractionDigits:coercion:)``.
struct DecimalConstraints: Sendable {
    var minimum: Decimal?
    var maximum: Decimal?
    var maxFractionDigits: Int?
    var coercion: NumberCoercion
}

/// The constraints of ``Schema/string(minLength:maxLength:pattern:format:)``.
struct StringConstraints: Sendable {
    var minLength: Int?
    var maxLength: Int?
    var pattern: StringPattern?
    var format: StringFormat?
}

/// The constraints of ``Schema/array(of:minItems:maxItems:uniqueBy:)``.
struct ArrayConstraints: Sendable {
    var items: Schema
    var minItems: Int?
    var maxItems: Int?
    var uniqueBy: ArrayUniqueness?
}

/// The constraints of ``Schema/object(_:unknownFields:additionalFields:rules:)``.
struct ObjectConstraints: Sendable {
    var fields: [SchemaField]
    var unknownFields: UnknownFieldPolicy
    var additionalFields: Schema?
    var rules: [ObjectRule]
}
