import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

// The constraints are immutable classes: validation reads them on every value it checks, and
// handing one around is then a single reference count rather than one per stored property.

/// The constraints of ``Schema/integer(minimum:maximum:coercion:)``.
final class IntegerConstraints: Sendable {
    let minimum: Int64?
    let maximum: Int64?
    let coercion: NumberCoercion

    init(minimum: Int64?, maximum: Int64?, coercion: NumberCoercion) {
        self.minimum = minimum
        self.maximum = maximum
        self.coercion = coercion
    }
}

/// The constraints of ``Schema/decimal(minimum:maximum:maxFractionDigits:coercion:)``.
final class DecimalConstraints: Sendable {
    let minimum: Decimal?
    let maximum: Decimal?
    let maxFractionDigits: Int?
    let coercion: NumberCoercion

    init(minimum: Decimal?, maximum: Decimal?, maxFractionDigits: Int?, coercion: NumberCoercion) {
        self.minimum = minimum
        self.maximum = maximum
        self.maxFractionDigits = maxFractionDigits
        self.coercion = coercion
    }
}

/// The constraints of ``Schema/string(minLength:maxLength:pattern:format:)``.
final class StringConstraints: Sendable {
    let minLength: Int?
    let maxLength: Int?
    let pattern: StringPattern?
    let format: StringFormat?

    init(minLength: Int?, maxLength: Int?, pattern: StringPattern?, format: StringFormat?) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
    }
}

/// The constraints of ``Schema/array(of:minItems:maxItems:uniqueBy:)``.
final class ArrayConstraints: Sendable {
    let items: Schema
    let minItems: Int?
    let maxItems: Int?
    let uniqueBy: ArrayUniqueness?

    /// How the one-pass reader reads each element.
    let itemPlan: ReadPlan

    init(items: Schema, minItems: Int?, maxItems: Int?, uniqueBy: ArrayUniqueness?) {
        self.items = items
        itemPlan = ReadPlan(items)
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueBy = uniqueBy
    }
}

/// The constraints of ``Schema/object(_:unknownFields:additionalFields:rules:)``.
final class ObjectConstraints: Sendable {
    let fields: [SchemaField]
    let unknownFields: UnknownFieldPolicy
    let additionalFields: Schema?
    let rules: [ObjectRule]
    /// The fingerprint of each field's name, so members are matched by comparing integers.
    let fieldFingerprints: [UInt64]
    /// ``UTF8Key/tail(of:)-(String)`` of each field's name, so names of up to fifteen bytes are
    /// matched without comparing (or retaining) the names themselves.
    let fieldTails: [UInt64]
    /// Each field's name, so matching a member does not copy whole fields.
    let fieldNames: [String]
    /// How the one-pass reader reads each field's value.
    let fieldPlans: [ReadPlan]
    /// How the one-pass reader reads the value of a member that is not a field.
    let additionalPlan: ReadPlan?

    init(fields: [SchemaField], unknownFields: UnknownFieldPolicy, additionalFields: Schema?, rules: [ObjectRule]) {
        self.fields = fields
        self.unknownFields = unknownFields
        self.additionalFields = additionalFields
        self.rules = rules
        fieldFingerprints = fields.map { UTF8Key.fingerprint(of: $0.name) }
        fieldTails = fields.map { UTF8Key.tail(of: $0.name) }
        fieldNames = fields.map(\.name)
        fieldPlans = fields.map { ReadPlan($0.schema, isNullable: $0.isNullable) }
        additionalPlan = additionalFields.map { ReadPlan($0) }
    }
}
