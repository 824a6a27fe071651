#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An order: its lines, totals, who it belongs to, and its status with the history of changes.
public struct Order: Sendable, Hashable, Codable, Identifiable {
    /// The order's ID.
    public let id: String
    /// The customer-facing reference, such as `"#1042"`.
    public var reference: String
    /// The store or vendor that fulfils it.
    public var vendorID: String
    /// The chain the vendor belongs to, if any (partner tokens are valid for every store of a chain).
    public var chainID: String?
    /// The currency of every line.
    public let currency: Currency
    /// The lines; at least one.
    public private(set) var lines: [OrderLine]
    /// The sum of the line totals.
    public private(set) var total: Money
    /// The current status.
    public private(set) var status: OrderStatus
    /// Every status change, oldest first; the first is the initial status.
    public private(set) var history: [OrderStatusChange]
    /// Whether stock is currently reserved for the lines.
    public internal(set) var holdsReservation: Bool
    /// When the order was created.
    public let createdAt: Date
    /// When it last changed.
    public private(set) var updatedAt: Date
    /// Incremented by every stored change.
    public var version: Int

    /// Creates an order in its lifecycle's initial status.
    ///
    /// - Throws: ``OrderError`` for no lines or lines in another currency.
    public init(
        id: String,
        reference: String,
        vendorID: String,
        chainID: String? = nil,
        currency: Currency,
        lines: [OrderLine],
        lifecycle: OrderLifecycle,
        actor: String,
        createdAt: Date
    ) throws(OrderError) {
        guard !lines.isEmpty else {
            throw OrderError(code: .invalidOrder, message: "An order needs at least one line.")
        }
        guard lines.allSatisfy({ $0.unitPrice.currency == currency }) else {
            throw OrderError(code: .invalidOrder, message: "Every line must be priced in \(currency.code).")
        }
        self.id = id
        self.reference = reference
        self.vendorID = vendorID
        self.chainID = chainID
        self.currency = currency
        self.lines = lines
        total = try Self.sum(lines, currency)
        status = lifecycle.initialStatus
        history = [OrderStatusChange(status: lifecycle.initialStatus, time: createdAt, actor: actor)]
        holdsReservation = false
        self.createdAt = createdAt
        updatedAt = createdAt
        version = 1
    }

    /// Moves to `change.status`, recording the change.
    mutating func record(_ change: OrderStatusChange) {
        status = change.status
        history.append(change)
        updatedAt = change.time
    }

    /// Replaces the lines (the lifecycle has checked that items may change).
    mutating func replaceLines(_ newLines: [OrderLine], at time: Date) throws(OrderError) {
        guard !newLines.isEmpty, newLines.allSatisfy({ $0.unitPrice.currency == currency }) else {
            throw OrderError(
                code: .invalidOrder, message: "An order needs at least one line, all priced in \(currency.code).")
        }
        total = try Self.sum(newLines, currency)
        lines = newLines
        updatedAt = time
    }

    private static func sum(_ lines: [OrderLine], _ currency: Currency) throws(OrderError) -> Money {
        do {
            return try Money.sum(of: lines.map(\.total), in: currency)
        } catch {
            throw OrderError(code: .invalidOrder, message: "The order total is out of range.")
        }
    }
}
