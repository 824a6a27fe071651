/// Why an amount of money could not be made, parsed or computed.
///
/// Amounts that reach Storekeeper from a request (a price, a minimum price) fail with
/// ``Code/invalidAmount`` or ``Code/unknownCurrency`` and map to HTTP 400; arithmetic that mixes
/// currencies or leaves `Decimal`'s range maps to 422, because the request was well-formed but
/// cannot be carried out.
///
/// ```swift
/// do {
///     _ = try Money(parsing: "14,95", currency: .usd)
/// } catch {
///     error.code  // .invalidAmount
/// }
/// ```
public struct MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The text is not a decimal number in JSON's grammar, or the value is not a number.
        public static let invalidAmount = Code("invalid_amount")
        /// The number has more significant digits, or a larger exponent, than `Decimal` holds
        /// exactly (38 digits, exponent -128...127).
        public static let amountOutOfRange = Code("amount_out_of_range")
        /// The currency code is not three ASCII letters.
        public static let malformedCurrency = Code("malformed_currency")
        /// The currency code is well-formed but not in Storekeeper's ISO 4217 table.
        public static let unknownCurrency = Code("unknown_currency")
        /// A minor-unit scale outside 0...18, or one that contradicts ISO 4217 for a listed code.
        public static let invalidMinorUnits = Code("invalid_minor_units")
        /// An operation combined amounts in two different currencies.
        public static let currencyMismatch = Code("currency_mismatch")
        /// The result of an operation is outside `Decimal`'s range.
        public static let overflow = Code("overflow")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - message: A short explanation a person can act on.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status a response reporting this error carries: 400 for input that is not money,
    /// 422 for a well-formed request whose arithmetic cannot be carried out.
    public var httpStatus: Int {
        switch code {
        case .currencyMismatch, .overflow: 422
        default: 400
        }
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
