/// A test that string text must pass, together with the regular expression it implements.
///
/// Storekeeper has no regular-expression engine of its own: a pattern is a Swift predicate
/// (fast, and exact about what it accepts) plus the ECMA-262 expression it stands for, which
/// JSON Schema export publishes. Keep the two in agreement; tests should check both.
///
/// ```swift
/// let urlKey = StringPattern(regex: #"^\S+$"#, explanation: "must not contain white space") { text in
///     !text.unicodeScalars.contains { $0.properties.isWhitespace }
/// }
/// ```
public struct StringPattern: Sendable {
    /// The ECMA-262 regular expression published as JSON Schema's `pattern`.
    public var regex: String
    /// What the pattern requires, in words, used in the issue message (for example
    /// `"must not contain white space"`).
    public var explanation: String
    let matches: @Sendable (String) -> Bool

    /// Creates a pattern from its regular expression, its explanation and the predicate that
    /// implements it.
    public init(regex: String, explanation: String, matches: @escaping @Sendable (String) -> Bool) {
        self.regex = regex
        self.explanation = explanation
        self.matches = matches
    }

    /// Text with no white space and at least one character: `^\S+$`.
    public static let noWhitespace = StringPattern(
        regex: #"^\S+$"#, explanation: "must not be empty or contain white space"
    ) {
        text in !text.isEmpty && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }
}
