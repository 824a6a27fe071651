/// Why pricing settings or a repricing request are invalid.
///
/// Every case is a problem with the request (ShopiSync answers such a `PUT` with a validation
/// error), so ``httpStatus`` is 400; ``field`` names the offending field in ShopiSync's spelling.
///
/// ```swift
/// do {
///     _ = try PricingSettings(minPrice: fifty, maxPrice: forty)
/// } catch {
///     error.code   // .minimumAboveMaximum
///     error.field  // "minPrice"
/// }
/// ```
public struct PricingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The minimum price is above the maximum price.
        public static let minimumAboveMaximum = Code("minimum_above_maximum")
        /// A price is below zero.
        public static let negativePrice = Code("negative_price")
        /// Prices that must share a currency do not.
        public static let currencyMismatch = Code("currency_mismatch")
        /// A repricing step is zero or negative.
        public static let invalidStep = Code("invalid_step")
        /// A price is not an amount of the currency: out of range, or finer than its minor unit.
        public static let invalidPrice = Code("invalid_price")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String
    /// The field at fault, in ShopiSync's spelling: `"minPrice"`, `"maxPrice"`, `"costPrice"`,
    /// `"competitors"`, `"step"`, `"currentPrice"`.
    public let field: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - message: A short explanation a person can act on.
    ///   - field: The field at fault.
    public init(code: Code, message: String, field: String) {
        self.code = code
        self.message = message
        self.field = field
    }

    /// The HTTP status a response reporting this error carries: always 400.
    public var httpStatus: Int { 400 }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
