/// Why a catalogue value (a product id, a SKU, a URL key) is invalid.
///
/// These errors come from input a client sent, so they map to HTTP 400; ``field`` names the
/// model field (`"sku"`, `"url_key"`, `"id"`) so an API can point at it.
///
/// ```swift
/// do {
///     _ = try SKU("CAT HAT")
/// } catch {
///     error.code   // .invalidSKU
///     error.field  // "sku"
/// }
/// ```
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A product id is empty, too long, or contains control characters or surrounding spaces.
        public static let invalidProductID = Code("invalid_product_id")
        /// A SKU is empty, too long, or contains white space or control characters.
        public static let invalidSKU = Code("invalid_sku")
        /// A URL key is empty, too long, or contains white space.
        public static let invalidURLKey = Code("invalid_url_key")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String
    /// The model field the value was meant for, in snake case: `"id"`, `"sku"`, `"url_key"`.
    public let field: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - message: A short explanation a person can act on.
    ///   - field: The model field, in snake case.
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
