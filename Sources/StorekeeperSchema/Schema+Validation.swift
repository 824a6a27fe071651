public import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Schema {
    /// Validates a value, collecting every issue (up to ``ValidationOptions/maximumIssues``).
    ///
    /// - Returns: The value with coercions and defaults applied, and the report.
    /// - Complexity: O(*n*) in the size of the value, plus O(*f* × *m*) per object for *f*
    ///   fields and *m* members when members are not in field order.
    public func validate(_ value: JSONValue, options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
        var state = ValidationState(maximumIssues: options.maximumIssues)
        let checked = check(value, &state) ?? value
        return ValidationOutcome(value: checked, report: state.report)
    }

    /// Parses UTF-8 JSON and validates it. A parse error is reported like any other issue, with
    /// code `invalid_json` and the line and column of the error.
    public func validate(
        json bytes: some Collection<UInt8>,
        parsing: JSONParsingOptions = JSONParsingOptions(),
        options: ValidationOptions = ValidationOptions()
    ) -> ValidationOutcome {
        // One pass: each value is checked as it is parsed (see SchemaReader).
        let outcome = bytes.withContiguousStorageIfAvailable {
            validate(buffer: $0, parsing: parsing, options: options)
        }
        return outcome
            ?? Array(bytes).withUnsafeBufferPointer { validate(buffer: $0, parsing: parsing, options: options) }
    }

    /// Checks `value`; returns a replacement when a coercion or default changed it, else `nil`.
    func check(_ value: JSONValue, _ state: inout ValidationState) -> JSONValue? {
        switch kind {
        case .any:
            return nil
        case .null:
            if !value.isNull {
                state.record("type_mismatch", "\(state.subject) must be null, not \(Self.name(of: value)).")
            }
            return nil
        case .boolean(let coercion):
            return checkBoolean(value, coercion, &state)
        case .integer(let constraints):
            return checkInteger(value, constraints, &state)
        case .decimal(let constraints):
            return checkDecimal(value, constraints, &state)
        case .string(let constraints):
            checkString(value, constraints, &state)
            return nil
        case .enumeration(let allowed):
            if !allowed.contains(value) {
                let list = allowed.map(\.description).joined(separator: ", ")
                state.record("not_in_enum", "\(state.subject) must be one of \(list).")
            }
            return nil
        case .array(let constraints):
            return checkArray(value, constraints, &state)
        case .object(let constraints):
            return checkObject(value, constraints, &state)
        case .oneOf(let alternatives):
            return checkOneOf(value, alternatives, &state)
        }
    }

    // MARK: Scalars

    private func checkBoolean(
        _ value: JSONValue, _ coercion: BooleanCoercion, _ state: inout ValidationState
    )
        -> JSONValue?
    {
        if case .bool = value { return nil }
        if coercion == .acceptingZeroOne {
            switch value {
            case .number(let number) where number.int64Value == 0: return .bool(false)
            case .number(let number) where number.int64Value == 1: return .bool(true)
            case .string("0"): return .bool(false)
            case .string("1"): return .bool(true)
            default: break
            }
            state.record(
                "type_mismatch",
                "\(state.subject) must be true, false, 0, 1, \"0\" or \"1\", not \(Self.name(of: value)).")
            return nil
        }
        state.record("type_mismatch", "\(state.subject) must be true or false, not \(Self.name(of: value)).")
        return nil
    }

    /// The number in `value`, or (when coercion allows) in its string; `nil` after recording why not.
    private func number(
        in value: JSONValue,
        coercion: NumberCoercion,
        expected: String,
        _ state: inout ValidationState
    ) -> (number: JSONNumber, coerced: Bool)? {
        switch value {
        case .number(let number):
            return (number, false)
        case .string(let text) where coercion == .acceptingNumericStrings:
            if let number = JSONNumber(text: text) { return (number, true) }
            state.record(
                "type_mismatch", "\(state.subject) must be \(expected) or a string holding one; \"\(text)\" is not.")
            return nil
        default:
            let alternative = coercion == .acceptingNumericStrings ? " or a string holding one" : ""
            state.record(
                "type_mismatch", "\(state.subject) must be \(expected)\(alternative), not \(Self.name(of: value)).")
            return nil
        }
    }

    private func checkInteger(
        _ value: JSONValue, _ constraints: IntegerConstraints, _ state: inout ValidationState
    )
        -> JSONValue?
    {
        guard let (number, coerced) = number(in: value, coercion: constraints.coercion, expected: "an integer", &state)
        else { return nil }
        guard let integer = number.int64Value else {
            if number.isIntegerLiteral {
                state.record("out_of_range", "\(state.subject) must be between \(Int64.min) and \(Int64.max).")
            } else {
                state.record("type_mismatch", "\(state.subject) must be a whole number, not \(number.text).")
            }
            return nil
        }
        if let minimum = constraints.minimum, integer < minimum {
            state.record("out_of_range", "\(state.subject) must be at least \(minimum), not \(integer).")
        } else if let maximum = constraints.maximum, integer > maximum {
            state.record("out_of_range", "\(state.subject) must be at most \(maximum), not \(integer).")
        }
        return coerced ? .number(number) : nil
    }

    private func checkDecimal(
        _ value: JSONValue, _ constraints: DecimalConstraints, _ state: inout ValidationState
    )
        -> JSONValue?
    {
        guard let (number, coerced) = number(in: value, coercion: constraints.coercion, expected: "a number", &state)
        else { return nil }
        guard let decimal = number.decimalValue else {
            state.record(
                "out_of_range", "\(state.subject) has more digits or a larger exponent than a decimal can hold.")
            return nil
        }
        if let minimum = constraints.minimum, decimal < minimum {
            state.record("out_of_range", "\(state.subject) must be at least \(minimum), not \(number.text).")
        } else if let maximum = constraints.maximum, decimal > maximum {
            state.record("out_of_range", "\(state.subject) must be at most \(maximum), not \(number.text).")
        }
        if let digits = constraints.maxFractionDigits, -Int(decimal.exponent) > digits {
            let unit = digits == 1 ? "digit" : "digits"
            state.record(
                "too_many_fraction_digits",
                "\(state.subject) must have at most \(digits) \(unit) after the decimal point, not \(number.text)."
            )
        }
        return coerced ? .number(number) : nil
    }

    private func checkString(_ value: JSONValue, _ constraints: StringConstraints, _ state: inout ValidationState) {
        guard case .string(let text) = value else {
            state.record("type_mismatch", "\(state.subject) must be a string, not \(Self.name(of: value)).")
            return
        }
        let bytes = text.utf8.count
        // A string has at most as many Unicode scalars as UTF-8 bytes and at least a quarter as
        // many, so most length checks need no counting at all.
        if let maximum = constraints.maxLength, bytes > maximum {
            let scalars = ScalarCount.of(text)
            if scalars > maximum {
                state.record(
                    "too_long", "\(state.subject) must be at most \(maximum) characters long; it has \(scalars).")
            }
        }
        if let minimum = constraints.minLength, bytes < minimum * 4 {
            let scalars = ScalarCount.of(text)
            if scalars < minimum {
                let unit = minimum == 1 ? "character" : "characters"
                state.record(
                    "too_short", "\(state.subject) must be at least \(minimum) \(unit) long; it has \(scalars).")
            }
        }
        if let pattern = constraints.pattern, !pattern.matches(text) {
            state.record("pattern_mismatch", "\(state.subject) \(pattern.explanation) (pattern \(pattern.regex)).")
        }
        if let format = constraints.format, !format.accepts(text) {
            state.record("invalid_format", "\(state.subject) must be \(format.expectation).")
        }
    }

    // MARK: Containers

    private func checkArray(
        _ value: JSONValue, _ constraints: ArrayConstraints, _ state: inout ValidationState
    )
        -> JSONValue?
    {
        guard case .array(let elements) = value else {
            state.record("type_mismatch", "\(state.subject) must be an array, not \(Self.name(of: value)).")
            return nil
        }
        if let minimum = constraints.minItems, elements.count < minimum {
            let unit = minimum == 1 ? "element" : "elements"
            state.record(
                "too_short", "\(state.subject) must have at least \(minimum) \(unit); it has \(elements.count).")
        }
        if let maximum = constraints.maxItems, elements.count > maximum {
            state.record(
                "too_long", "\(state.subject) must have at most \(maximum) elements; it has \(elements.count).")
        }
        var replaced: [JSONValue]? = nil
        for index in elements.indices {
            if state.stopsHere() { break }
            state.enter(.index(index))
            if let replacement = constraints.items.check(elements[index], &state) {
                if replaced == nil { replaced = elements }
                replaced?[index] = replacement
            }
            state.leave()
        }
        let result = replaced ?? elements
        if let uniqueness = constraints.uniqueBy {
            Self.checkUniqueness(result, uniqueness, &state)
        }
        return replaced.map(JSONValue.array)
    }

    static func checkUniqueness(_ elements: [JSONValue], _ uniqueness: ArrayUniqueness, _ state: inout ValidationState)
    {
        let member: String?
        switch uniqueness {
        case .value: member = nil
        case .field(let name): member = name
        }
        // Few elements: compare pairs, looking keys up as needed (no array of keys to allocate).
        // Many: remember where each key was first seen.
        func keyOf(_ index: Int) -> JSONValue? { member.map { elements[index][$0] } ?? elements[index] }
        let keys = elements.count <= 16 ? [] : elements.indices.map(keyOf)
        var firstIndex: [JSONValue: Int] = [:]
        for index in elements.indices {
            guard let key = elements.count <= 16 ? keyOf(index) : keys[index] else { continue }
            let earlier: Int?
            if elements.count <= 16 {
                earlier = (0..<index).first { keyOf($0) == key }
            } else {
                earlier = firstIndex[key]
                if earlier == nil { firstIndex[key] = index }
            }
            guard let earlier else { continue }
            state.enter(.index(index))
            let what = member.map { "'\($0)'" } ?? "element"
            state.record(
                "duplicate", "\(what) \(key) is already used by element \(earlier); each must be different.",
                member: member)
            state.leave()
        }
    }

    private func checkObject(
        _ value: JSONValue, _ constraints: ObjectConstraints, _ state: inout ValidationState
    )
        -> JSONValue?
    {
        guard case .object(let object) = value else {
            state.record("type_mismatch", "\(state.subject) must be an object, not \(Self.name(of: value)).")
            return nil
        }
        let issuesBefore = state.issues.count
        let fields = constraints.fields
        var replaced: JSONObject? = nil
        // Walk the members in document order, matching each to its field: the next field is
        // tried first, so a document in schema order costs one comparison per member.
        var seen = FieldSet(count: fields.count)
        var nextField = 0
        let members = object.members
        for position in members.indices {
            if state.stopsHere() { break }
            let key = members[position].key
            let member = members[position].value
            guard
                let fieldIndex = Self.fieldIndex(
                    named: key,
                    fingerprint: members[position].fingerprint,
                    in: constraints,
                    expected: nextField
                )
            else {
                checkUnknownMember(key, member, at: position, constraints, &replaced, object, &state)
                continue
            }
            nextField = fieldIndex + 1
            seen.insert(fieldIndex)
            state.enter(.member(key))
            if member.isNull {
                if !fields[fieldIndex].isNullable {
                    state.record("null_not_allowed", "\(state.subject) must not be null.")
                }
            } else if let replacement = fields[fieldIndex].schema.check(member, &state) {
                if replaced == nil { replaced = object }
                replaced?.setValue(replacement, at: position)
            }
            state.leave()
        }
        for fieldIndex in fields.indices where !seen.contains(fieldIndex) {
            let field = fields[fieldIndex]
            if field.isRequired {
                state.record("required", "'\(field.name)' is required.", member: field.name)
            } else if let defaultValue = field.defaultValue {
                if replaced == nil { replaced = object }
                replaced?.append(field.name, defaultValue)
            }
        }
        if state.issues.count == issuesBefore, !constraints.rules.isEmpty {
            let checked = replaced ?? object
            for rule in constraints.rules {
                for violation in rule.check(checked) {
                    state.record(violation.code, violation.message, member: violation.member)
                }
            }
        }
        return replaced.map(JSONValue.object)
    }

    private func checkUnknownMember(
        _ key: String,
        _ member: JSONValue,
        at position: Int,
        _ constraints: ObjectConstraints,
        _ replaced: inout JSONObject?,
        _ object: JSONObject,
        _ state: inout ValidationState
    ) {
        if let additional = constraints.additionalFields {
            state.enter(.member(key))
            if let replacement = additional.check(member, &state) {
                if replaced == nil { replaced = object }
                replaced?.setValue(replacement, at: position)
            }
            state.leave()
            return
        }
        state.noteUnknownField(key, policy: constraints.unknownFields)
    }

    private func checkOneOf(_ value: JSONValue, _ alternatives: [Schema], _ state: inout ValidationState) -> JSONValue?
    {
        var accepted: [(index: Int, replacement: JSONValue?)] = []
        for (index, alternative) in alternatives.enumerated() {
            var trial = ValidationState(maximumIssues: 1)
            let replacement = alternative.check(value, &trial)
            if trial.issues.isEmpty { accepted.append((index, replacement)) }
        }
        if accepted.count == 1 { return accepted[0].replacement }
        if accepted.count > 1 {
            state.record("ambiguous", "\(state.subject) matches more than one of the allowed forms.")
            return nil
        }
        // Report against the alternative of the same JSON type, if there is one.
        if let sameType = alternatives.first(where: { $0.acceptsType(of: value) }) {
            return sameType.check(value, &state)
        }
        let expected = alternatives.map(\.typeDescription).joined(separator: " or ")
        state.record("type_mismatch", "\(state.subject) must be \(expected), not \(Self.name(of: value)).")
        return nil
    }

    // MARK: Helpers

    /// The index of the field named `name`, trying `expected` first, comparing fingerprints
    /// before bytes.
    private static func fieldIndex(
        named name: String,
        fingerprint: UInt64,
        in constraints: ObjectConstraints,
        expected: Int
    ) -> Int? {
        let fingerprints = constraints.fieldFingerprints
        let exact = UTF8Key.fingerprintIsExact(fingerprint)
        if expected < fingerprints.count, fingerprints[expected] == fingerprint,
            exact || UTF8Key.bytesEqual(constraints.fieldNames[expected], name)
        {
            return expected
        }
        for index in fingerprints.indices where fingerprints[index] == fingerprint {
            if exact || UTF8Key.bytesEqual(constraints.fieldNames[index], name) { return index }
        }
        return nil
    }

    /// "a string", "an array", "null" ... for messages.
    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Whether this schema is about the JSON type of `value` (used to pick which alternative of a
    /// `oneOf` to explain).
    func acceptsType(of value: JSONValue) -> Bool {
        switch (kind, value) {
        case (.any, _), (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object):
            true
        case (.integer, .number), (.decimal, .number):
            true
        case (.enumeration(let values), _):
            values.contains { $0.typeName == value.typeName }
        case (.oneOf(let alternatives), _):
            alternatives.contains { $0.acceptsType(of: value) }
        default:
            false
        }
    }

    /// "a string", "an integer" ... for messages about `oneOf`.
    var typeDescription: String {
        switch kind {
        case .any: "any value"
        case .null: "null"
        case .boolean: "a boolean"
        case .integer: "an integer"
        case .decimal: "a number"
        case .string: "a string"
        case .enumeration(let values): "one of " + values.map(\.description).joined(separator: ", ")
        case .array: "an array"
        case .object: "an object"
        case .oneOf(let alternatives): alternatives.map(\.typeDescription).joined(separator: " or ")
        }
    }
}
