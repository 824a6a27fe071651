import StorekeeperJSON

/// Validation while parsing: one pass over the bytes that checks each value against its schema
/// as soon as it is read, and builds the validated value (coercions applied, defaults added)
/// directly, so there is no second walk over a parsed tree and no copy of it for coercions.
///
/// Objects and arrays are read member by member and element by element; member names are
/// matched against the schema's field names as bytes, and a matched member reuses the field's
/// name rather than making a new `String`. Every other kind of value is parsed as usual and
/// checked by ``Schema/check(_:_:)``, so the issues, their order and their messages are exactly
/// those of ``Schema/validate(_:options:)`` on the parsed tree.
struct SchemaReader {
    var state: ValidationState
    /// Set when an object repeats a member name under
    /// ``JSONParsingOptions/DuplicateKeyPolicy/keepLast``: the earlier value was validated but
    /// is not kept, so the caller validates the parsed tree instead.
    private(set) var needsTreeValidation = false

    init(maximumIssues: Int) {
        state = ValidationState(maximumIssues: maximumIssues)
    }

    /// Reads the next value, validating it against `schema`; returns it as validated.
    mutating func read(_ schema: Schema, _ parser: inout JSONParser) throws(JSONParseError) -> JSONValue {
        try read(ReadPlan(schema), &parser) { schema }
    }

    /// Reads the next value, validating it against the schema `plan` was made from, which
    /// `schema` returns when a value needs the full check.
    private mutating func read(
        _ plan: ReadPlan, _ parser: inout JSONParser, _ schema: () -> Schema
    ) throws(JSONParseError) -> JSONValue {
        switch plan.kind {
        case .array:
            if let array = plan.array, parser.peekValue() == UInt8(ascii: "[") {
                return try readArray(array.takeUnretainedValue(), &parser)
            }
        case .object:
            if let object = plan.object, parser.peekValue() == UInt8(ascii: "{") {
                return try readObject(object.takeUnretainedValue(), &parser)
            }
        default:
            break
        }
        let value = try parser.parseValue()
        if plan.accepts(value) { return value }
        return schema().check(value, &state) ?? value
    }

    private mutating func readArray(
        _ constraints: ArrayConstraints, _ parser: inout JSONParser
    ) throws(JSONParseError) -> JSONValue {
        let issuesBefore = state.issues.count
        var elements: [JSONValue] = []
        if try parser.beginArray() {
            let base = parser.elementCount
            var index = 0
            var stopped = false
            repeat {
                if !stopped, state.stopsHere() { stopped = true }
                if stopped {
                    parser.pushElement(try parser.parseValue())
                } else {
                    state.enter(.index(index))
                    parser.pushElement(try read(constraints.itemPlan, &parser) { constraints.items })
                    state.leave()
                }
                index += 1
            } while try parser.endElement()
            elements = parser.popArray(from: base)
        }
        // The size issues come before the elements' issues, as in a check of the parsed array.
        var position = issuesBefore
        if let minimum = constraints.minItems, elements.count < minimum {
            let unit = minimum == 1 ? "element" : "elements"
            state.insert(
                "too_short", "\(state.subject) must have at least \(minimum) \(unit); it has \(elements.count).",
                at: position)
            position += 1
        }
        if let maximum = constraints.maxItems, elements.count > maximum {
            state.insert(
                "too_long", "\(state.subject) must have at most \(maximum) elements; it has \(elements.count).",
                at: position)
        }
        if let uniqueness = constraints.uniqueBy {
            Schema.checkUniqueness(elements, uniqueness, &state)
        }
        return .array(elements)
    }

    private mutating func readObject(
        _ constraints: ObjectConstraints, _ parser: inout JSONParser
    ) throws(JSONParseError) -> JSONValue {
        let issuesBefore = state.issues.count
        let fields = constraints.fields
        let plans = constraints.fieldPlans
        var seen = FieldSet(count: fields.count)
        var present = FieldSet(count: fields.count)
        var nextField = 0
        var object = JSONObject()
        if try parser.beginObject() {
            let base = parser.memberCount
            var seenNames: Set<UTF8Key>? = nil
            var stopped = false
            repeat {
                let keyOffset = try parser.readMemberName()
                let key: String
                let fingerprint: UInt64
                var fieldIndex: Int? = nil
                switch try parser.parseMemberName() {
                case .plain(let range):
                    let name = UnsafeBufferPointer(rebasing: parser.bytes[range])
                    fingerprint = parser.memberNameFingerprint(range)
                    fieldIndex = constraints.fieldIndex(of: name, fingerprint: fingerprint, expected: nextField)
                    key = fieldIndex.map { constraints.fieldNames[$0] } ?? JSONParser.asciiString(name)
                case .decoded(let name):
                    fingerprint = UTF8Key.fingerprint(of: name)
                    fieldIndex = constraints.fieldIndex(of: name, fingerprint: fingerprint, expected: nextField)
                    key = name
                }
                try parser.expectNameSeparator()
                // A field's name is a duplicate exactly when the field was present before, so
                // only other names need the parser's search.
                let isRepeated: Bool
                if let fieldIndex {
                    isRepeated = present.contains(fieldIndex)
                    present.insert(fieldIndex)
                } else {
                    isRepeated = true
                }
                if isRepeated,
                    let duplicate = parser.duplicateIndex(
                        of: key, fingerprint: fingerprint, from: base, seen: &seenNames)
                {
                    let value = try parser.parseValue()
                    switch parser.duplicateKeys {
                    case .reject:
                        throw parser.duplicateKeyFailure(key, at: keyOffset)
                    case .keepLast:
                        needsTreeValidation = true
                        parser.setMemberValue(value, at: duplicate)
                        continue
                    }
                }
                if !stopped, state.stopsHere() { stopped = true }
                guard !stopped, let fieldIndex else {
                    let value = stopped ? try parser.parseValue() : try readUnknown(key, constraints, &parser)
                    parser.pushMember(key, value, fingerprint: fingerprint)
                    continue
                }
                nextField = fieldIndex + 1
                seen.insert(fieldIndex)
                state.enter(.field(Unmanaged.passUnretained(constraints), fieldIndex))
                let value: JSONValue
                let plan = plans[fieldIndex]
                if parser.peekValue() == UInt8(ascii: "n") {
                    value = try parser.parseValue()
                    if !plan.isNullable {
                        state.record("null_not_allowed", "\(state.subject) must not be null.")
                    }
                } else {
                    value = try read(plan, &parser) { fields[fieldIndex].schema }
                }
                state.leave()
                parser.pushMember(key, value, fingerprint: fingerprint)
            } while try parser.endMember()
            object = parser.popObject(from: base)
        }
        // Indexes first: copying every field to find the few missing ones costs reference counts.
        for fieldIndex in fields.indices where !seen.contains(fieldIndex) {
            let field = fields[fieldIndex]
            if field.isRequired {
                state.record("required", "'\(field.name)' is required.", member: field.name)
            } else if let defaultValue = field.defaultValue {
                object.append(field.name, defaultValue)
            }
        }
        if state.issues.count == issuesBefore, !constraints.rules.isEmpty {
            for rule in constraints.rules {
                for violation in rule.check(object) {
                    state.record(violation.code, violation.message, member: violation.member)
                }
            }
        }
        return .object(object)
    }

    /// Reads the value of a member that is not a field.
    private mutating func readUnknown(
        _ key: String, _ constraints: ObjectConstraints, _ parser: inout JSONParser
    ) throws(JSONParseError) -> JSONValue {
        if let additional = constraints.additionalPlan {
            state.enter(.member(key))
            let value = try read(additional, &parser) { constraints.additionalFields ?? .any }
            state.leave()
            return value
        }
        let value = try parser.parseValue()
        state.noteUnknownField(key, policy: constraints.unknownFields)
        return value
    }
}

extension ObjectConstraints {
    /// The index of the field whose name has the UTF-8 bytes `name`, trying `expected` first.
    func fieldIndex(of name: UnsafeBufferPointer<UInt8>, fingerprint: UInt64, expected: Int) -> Int? {
        if expected < fieldFingerprints.count, fieldFingerprints[expected] == fingerprint,
            field(expected, isNamed: name, fingerprint: fingerprint)
        {
            return expected
        }
        for index in fieldFingerprints.indices where fieldFingerprints[index] == fingerprint {
            if field(index, isNamed: name, fingerprint: fingerprint) { return index }
        }
        return nil
    }

    /// Whether field `index`, whose fingerprint is `fingerprint`, has the name `name`: names of
    /// up to fifteen bytes compare as integers, so only longer ones touch the field's `String`.
    @inline(__always)
    private func field(_ index: Int, isNamed name: UnsafeBufferPointer<UInt8>, fingerprint: UInt64) -> Bool {
        if UTF8Key.fingerprintIsExact(fingerprint) { return true }
        if UTF8Key.tailIsExact(fingerprint) { return fieldTails[index] == UTF8Key.tail(of: name) }
        return Self.name(fieldNames[index], equals: name)
    }

    /// The index of the field named `name`, trying `expected` first.
    func fieldIndex(of name: String, fingerprint: UInt64, expected: Int) -> Int? {
        let exact = UTF8Key.fingerprintIsExact(fingerprint)
        if expected < fieldFingerprints.count, fieldFingerprints[expected] == fingerprint,
            exact || UTF8Key.bytesEqual(fieldNames[expected], name)
        {
            return expected
        }
        for index in fieldFingerprints.indices where fieldFingerprints[index] == fingerprint {
            if exact || UTF8Key.bytesEqual(fieldNames[index], name) { return index }
        }
        return nil
    }

    private static func name(_ name: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { UTF8Key.bytesEqual($0, bytes) }
            ?? name.utf8.elementsEqual(bytes)
    }
}

extension Schema {
    /// Parses and validates `bytes` in one pass; a parse error is the only issue.
    func validate(
        buffer bytes: UnsafeBufferPointer<UInt8>,
        parsing: JSONParsingOptions,
        options: ValidationOptions
    ) -> ValidationOutcome {
        var reader = SchemaReader(maximumIssues: options.maximumIssues)
        do throws(JSONParseError) {
            let value = try JSONParser.parse(bytes, options: parsing) {
                (parser: inout JSONParser) throws(JSONParseError) -> JSONValue in
                try reader.read(self, &parser)
            }
            if reader.needsTreeValidation {
                return validate(try JSONValue(parsing: bytes, options: parsing), options: options)
            }
            return ValidationOutcome(value: value, report: reader.state.report)
        } catch {
            return ValidationOutcome(value: .null, report: ValidationReport(issues: [ValidationIssue(error)]))
        }
    }
}
