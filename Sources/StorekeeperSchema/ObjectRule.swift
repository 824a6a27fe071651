public import StorekeeperJSON

/// A named rule across the fields of one object, such as "`minPrice` is at most `maxPrice`".
///
/// A rule runs only when every field of its object is valid, so it may read them without
/// checking their types again. It returns the violations it finds; each becomes an issue with
/// the rule's own code, at the object or at the member the violation names.
///
/// ```swift
/// let priceRange = ObjectRule(name: "min_at_most_max") { object in
///     guard let min = object["minPrice"]?.number?.decimalValue,
///           let max = object["maxPrice"]?.number?.decimalValue, min > max else { return [] }
///     return [RuleViolation(member: "minPrice", code: "min_exceeds_max", message: "minPrice must not exceed maxPrice")]
/// }
/// ```
public struct ObjectRule: Sendable {
    /// The rule's name, for documentation.
    public var name: String
    let check: @Sendable (JSONObject) -> [RuleViolation]

    /// Creates a rule from its name and its check.
    public init(name: String, check: @escaping @Sendable (JSONObject) -> [RuleViolation]) {
        self.name = name
        self.check = check
    }
}

/// One breach of an ``ObjectRule``.
public struct RuleViolation: Sendable, Hashable {
    /// The member the violation is about, or `nil` for the object as a whole.
    public var member: String?
    /// The stable code of the violation, such as `"min_exceeds_max"`.
    public var code: String
    /// What is wrong, for a person.
    public var message: String

    /// Creates a violation.
    public init(member: String? = nil, code: String, message: String) {
        self.member = member
        self.code = code
        self.message = message
    }
}
