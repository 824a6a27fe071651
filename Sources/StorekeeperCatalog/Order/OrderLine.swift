#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One line of an order: a SKU, how many, and at what price.
public struct OrderLine: Sendable, Hashable, Codable {
    /// The SKU ordered.
    public let sku: SKU
    /// How many units; at least 1.
    public let quantity: Int
    /// The price of one unit.
    public let unitPrice: Money
    /// `unitPrice × quantity`, exact.
    public let total: Money

    /// Creates a line.
    ///
    /// - Throws: ``OrderError`` ``OrderError/Code/invalidOrder`` for a quantity below 1 or a
    ///   total beyond `Money`'s range.
    public init(sku: SKU, quantity: Int, unitPrice: Money) throws(OrderError) {
        guard quantity >= 1 else {
            throw OrderError(code: .invalidOrder, message: "A line's quantity must be at least 1, not \(quantity).")
        }
        do {
            total = try unitPrice.multiplied(by: quantity)
        } catch {
            throw OrderError(code: .invalidOrder, message: "The line total of \(sku) is out of range.")
        }
        self.sku = sku
        self.quantity = quantity
        self.unitPrice = unitPrice
    }
}

/// A change of an order's status: when, by whom, and why.
public struct OrderStatusChange: Sendable, Hashable, Codable {
    /// The status entered.
    public var status: OrderStatus
    /// When.
    public var time: Date
    /// Who made the change, such as `"vendor"`, `"platform"` or a user ID.
    public var actor: String
    /// Why, when the lifecycle asks for a reason.
    public var reason: String?

    /// Creates a change.
    public init(status: OrderStatus, time: Date, actor: String, reason: String? = nil) {
        self.status = status
        self.time = time
        self.actor = actor
        self.reason = reason
    }
}
