/// Why an inventory change was refused.
///
/// ```swift
/// var level = try InventoryLevel(sku: sku, onHand: 2, asOf: now)
/// do {
///     try level.reserve(3)
/// } catch {
///     error.code  // .insufficientStock
/// }
/// ```
public struct InventoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A quantity is negative where it must not be, zero where it must be positive, or
        /// beyond ``InventoryLevel/maximumQuantity``.
        public static let invalidQuantity = Code("invalid_quantity")
        /// A reservation asks for more than is available and backorders are not allowed.
        public static let insufficientStock = Code("insufficient_stock")
        /// A stock update names another SKU or location than the level it was applied to.
        public static let mismatchedUpdate = Code("mismatched_update")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String
    /// The SKU concerned.
    public let sku: SKU

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - message: A short explanation a person can act on.
    ///   - sku: The SKU concerned.
    public init(code: Code, message: String, sku: SKU) {
        self.code = code
        self.message = message
        self.sku = sku
    }

    /// The HTTP status a response reporting this error carries: 409 for insufficient stock (the
    /// request is fine, the stock is not there), 422 otherwise.
    public var httpStatus: Int {
        code == .insufficientStock ? 409 : 422
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
