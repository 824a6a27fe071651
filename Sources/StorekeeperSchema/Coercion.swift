/// Which non-Boolean JSON a Boolean field accepts. Strict unless a field opts in.
public enum BooleanCoercion: Sendable, Hashable {
    /// Only `true` and `false`.
    case strict
    /// Also `0`, `1`, `"0"` and `"1"` (EverShop's `status` and `visibility`), coerced to `false`
    /// and `true`.
    case acceptingZeroOne
}

/// Whether a number field also accepts its value written as a string.
public enum NumberCoercion: Sendable, Hashable {
    /// Only JSON numbers.
    case strict
    /// Also strings holding a JSON number, such as `"14.95"` (EverShop's "string or number"),
    /// coerced to the number. Leading or trailing spaces, `+`, and forms such as `"1e"` are not numbers.
    case acceptingNumericStrings
}

/// What an object schema does with members that are not among its fields.
public enum UnknownFieldPolicy: Sendable, Hashable {
    /// Accept and keep them silently.
    case ignore
    /// Accept them, and list each in ``ValidationReport/warnings`` with code `unknown_field`.
    case report
    /// Refuse them: each is an issue with code `unknown_field`.
    case reject
}

/// What must not repeat among an array's elements.
public enum ArrayUniqueness: Sendable, Hashable {
    /// Whole elements (JSON Schema's `uniqueItems`).
    case value
    /// The value of one member of each object element, such as `"sku"`.
    case field(String)
}
