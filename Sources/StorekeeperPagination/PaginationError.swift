/// Why a page or cursor query was refused: a stable code, the parameter at fault, and a message.
///
/// Every pagination error is the client's: it maps to HTTP 400.
public struct PaginationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The page number is not a whole number of at least 1.
        public static let invalidPage = Code("invalid_page")
        /// The limit is not a whole number of at least 1.
        public static let invalidLimit = Code("invalid_limit")
        /// The limit is above the maximum and the policy rejects rather than clamps.
        public static let limitTooLarge = Code("limit_too_large")
        /// The cursor is malformed, tampered with, truncated, or signed with an unknown key.
        public static let invalidCursor = Code("invalid_cursor")
        /// Both paging directions were asked for at once, or a cursor together with a page number.
        public static let conflictingCursors = Code("conflicting_cursors")
        /// The sort field is not one this list can be sorted by.
        public static let invalidSort = Code("invalid_sort")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// The query parameter at fault, such as `"page"`.
    public let parameter: String
    /// What is wrong, for a person.
    public let message: String

    /// Creates an error.
    public init(code: Code, parameter: String, message: String) {
        self.code = code
        self.parameter = parameter
        self.message = message
    }

    /// Always 400 Bad Request.
    public var status: Int { 400 }

    /// `"<code> (<parameter>): <message>"`.
    public var description: String { "\(code) (\(parameter)): \(message)" }
}
