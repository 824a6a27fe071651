/// Why JSON text could not be parsed, and exactly where.
///
/// `offset` counts bytes from the start of the input; `line` and `column` are 1-based, with
/// columns counted in Unicode scalars so they match what an editor shows. An API renders it as a
/// 400 response (413 for ``Code/sizeLimitExceeded``) naming the line and column.
///
/// ```swift
/// do {
///     _ = try JSONValue(parsing: Array("[1, 2,]".utf8))
/// } catch {
///     error.description  // "line 1, column 7: expected a value but found ']'"
/// }
/// ```
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The input ended inside a value.
        public static let unexpectedEndOfInput = Code("unexpected_end_of_input")
        /// A byte that cannot start or continue a value here.
        public static let unexpectedCharacter = Code("unexpected_character")
        /// A number outside RFC 8259's grammar (leading zeros, missing digits).
        public static let invalidNumber = Code("invalid_number")
        /// A backslash escape that JSON does not define.
        public static let invalidEscape = Code("invalid_escape")
        /// A `\u` escape that is not four hex digits or names a lone surrogate.
        public static let invalidUnicodeEscape = Code("invalid_unicode_escape")
        /// Bytes that are not valid UTF-8.
        public static let invalidUTF8 = Code("invalid_utf8")
        /// A raw control character (U+0000 to U+001F) inside a string.
        public static let controlCharacterInString = Code("control_character_in_string")
        /// An object names the same member twice.
        public static let duplicateKey = Code("duplicate_key")
        /// Arrays and objects nest deeper than ``JSONParsingOptions/maximumDepth``.
        public static let depthLimitExceeded = Code("depth_limit_exceeded")
        /// The input is larger than ``JSONParsingOptions/maximumSize``.
        public static let sizeLimitExceeded = Code("size_limit_exceeded")
        /// Something other than white space follows the value.
        public static let trailingContent = Code("trailing_content")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String
    /// The byte offset of the problem from the start of the input.
    public let offset: Int
    /// The 1-based line of the problem.
    public let line: Int
    /// The 1-based column of the problem, counted in Unicode scalars.
    public let column: Int

    /// Creates an error; the parser computes line and column from the input.
    public init(code: Code, message: String, offset: Int, line: Int, column: Int) {
        self.code = code
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `"line L, column C: message"`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
