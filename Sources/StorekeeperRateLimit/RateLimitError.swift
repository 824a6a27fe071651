/// Why a rate-limit request could not be evaluated: the policy or the cost is out of range.
///
/// A denial is not an error; it is a ``RateLimitDecision`` with `isAllowed == false`.
public struct RateLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The policy's limit, window, precision or name is out of range.
        public static let invalidPolicy = Code("invalid_policy")
        /// The cost is negative, or larger than a policy's limit (it could never be admitted).
        public static let invalidCost = Code("invalid_cost")
        /// No policy was given.
        public static let noPolicies = Code("no_policies")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// What is wrong, for a person.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// These are configuration mistakes of the host, so they map to 500 if they reach a client;
    /// ``Code/invalidCost`` from a client-chosen cost maps to 400.
    public var status: Int { code == .invalidCost ? 400 : 500 }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
