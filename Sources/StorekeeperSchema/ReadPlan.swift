import StorekeeperJSON

/// What the one-pass reader needs to know about a schema to accept a valid value quickly: a
/// plain value with no reference counting to copy, computed once when the schema is built.
///
/// The plan only ever accepts: a value it cannot vouch for goes to ``Schema/check(_:_:)``,
/// which records exactly the issues validation of a parsed tree would. So a plan can be
/// conservative (patterns, decimals and enumerations always take the full check) but must never
/// accept what the full check would report or change.
struct ReadPlan {
    enum Kind {
        case string
        case integer
        case boolean
        case array
        case object
        /// Everything else: always the full check.
        case other
    }

    let kind: Kind
    /// Whether the field accepts `null` (fields only).
    let isNullable: Bool
    let minLength: Int?
    let maxLength: Int?
    let format: StringFormat?
    let hasPattern: Bool
    let minimum: Int64?
    let maximum: Int64?
    /// The constraints of an array or object, unretained: the schema that owns this plan also
    /// owns them, and validation holds that schema for as long as it reads.
    let array: Unmanaged<ArrayConstraints>?
    let object: Unmanaged<ObjectConstraints>?

    init(_ schema: Schema, isNullable: Bool = false) {
        self.isNullable = isNullable
        var kind = Kind.other
        var minLength: Int? = nil
        var maxLength: Int? = nil
        var format: StringFormat? = nil
        var hasPattern = false
        var minimum: Int64? = nil
        var maximum: Int64? = nil
        var array: Unmanaged<ArrayConstraints>? = nil
        var object: Unmanaged<ObjectConstraints>? = nil
        switch schema.kind {
        case .string(let constraints):
            kind = .string
            minLength = constraints.minLength
            maxLength = constraints.maxLength
            format = constraints.format
            hasPattern = constraints.pattern != nil
        case .integer(let constraints):
            kind = .integer
            minimum = constraints.minimum
            maximum = constraints.maximum
        case .boolean:
            kind = .boolean
        case .array(let constraints):
            kind = .array
            array = Unmanaged.passUnretained(constraints)
        case .object(let constraints):
            kind = .object
            object = Unmanaged.passUnretained(constraints)
        default:
            break
        }
        self.kind = kind
        self.minLength = minLength
        self.maxLength = maxLength
        self.format = format
        self.hasPattern = hasPattern
        self.minimum = minimum
        self.maximum = maximum
        self.array = array
        self.object = object
    }

    /// Whether `value` certainly passes the schema unchanged. `false` means "check it fully",
    /// not "invalid".
    func accepts(_ value: JSONValue) -> Bool {
        switch kind {
        case .string:
            guard case .string(let text) = value, !hasPattern else { return false }
            let bytes = text.utf8.count
            // As in the full check: scalars are at most the bytes and at least a quarter of them.
            if let maxLength, bytes > maxLength, ScalarCount.of(text) > maxLength { return false }
            if let minLength, bytes < minLength * 4, ScalarCount.of(text) < minLength { return false }
            if let format, !format.accepts(text) { return false }
            return true
        case .integer:
            guard case .number(let number) = value, let integer = number.int64Value else { return false }
            if let minimum, integer < minimum { return false }
            if let maximum, integer > maximum { return false }
            return true
        case .boolean:
            if case .bool = value { return true }
            return false
        case .array, .object, .other:
            return false
        }
    }
}
