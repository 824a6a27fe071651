#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An order lifecycle, as data: the statuses, the allowed moves, which need a reason, when items
/// may still change, and when stock is reserved and released.
///
/// ```swift
/// let step = try OrderLifecycle.partnerOrders.transition(order, to: .readyForPickup, actor: "vendor", now: clock.now)
/// let stored = try await orders.apply(step)
/// ```
public struct OrderLifecycle: Sendable, Hashable {
    /// The status a new order starts in.
    public var initialStatus: OrderStatus
    /// The statuses each status may move to.
    public var transitions: [OrderStatus: Set<OrderStatus>]
    /// The statuses that need a reason to enter (cancellations, rejections).
    public var reasonRequired: Set<OrderStatus>
    /// The statuses in which the items may still change.
    public var itemsEditable: Set<OrderStatus>
    /// The statuses that hold stock: entering one reserves every line; leaving them releases it.
    public var holdsStock: Set<OrderStatus>

    /// Creates a lifecycle.
    public init(
        initialStatus: OrderStatus,
        transitions: [OrderStatus: Set<OrderStatus>],
        reasonRequired: Set<OrderStatus>,
        itemsEditable: Set<OrderStatus>,
        holdsStock: Set<OrderStatus>
    ) {
        self.initialStatus = initialStatus
        self.transitions = transitions
        self.reasonRequired = reasonRequired
        self.itemsEditable = itemsEditable
        self.holdsStock = holdsStock
    }

    /// The partner orders API: `RECEIVED` → `READY_FOR_PICKUP` → `DISPATCHED`, `CANCELLED` (with a
    /// reason) from any status that is not final; items change only while `RECEIVED`; stock is
    /// held from arrival until dispatch or cancellation.
    public static let partnerOrders = OrderLifecycle(
        initialStatus: .received,
        transitions: [
            .received: [.readyForPickup, .cancelled],
            .readyForPickup: [.dispatched, .cancelled],
        ],
        reasonRequired: [.cancelled],
        itemsEditable: [.received],
        holdsStock: [.received, .readyForPickup]
    )

    /// A generic retail lifecycle: placed → accepted or rejected (with a reason); accepted →
    /// fulfilled → shipped → delivered; cancelled (with a reason) from placed or accepted. Stock
    /// is held from acceptance until fulfilment or cancellation; items change until fulfilment.
    public static let retail = OrderLifecycle(
        initialStatus: .placed,
        transitions: [
            .placed: [.accepted, .rejected, .retailCancelled],
            .accepted: [.fulfilled, .retailCancelled],
            .fulfilled: [.shipped],
            .shipped: [.delivered],
        ],
        reasonRequired: [.rejected, .retailCancelled],
        itemsEditable: [.placed, .accepted],
        holdsStock: [.accepted]
    )

    /// Whether no move leaves `status`.
    public func isTerminal(_ status: OrderStatus) -> Bool {
        transitions[status]?.isEmpty ?? true
    }

    /// The step that creates `order`: it reserves stock when the initial status holds stock.
    public func creation(of order: Order) -> OrderTransition {
        var created = order
        let reserves = holdsStock.contains(order.status)
        created.holdsReservation = reserves
        return OrderTransition(order: created, expectedVersion: 0, stock: reserves ? .reserve(order.lines) : .none)
    }

    /// The step that moves `order` to `status`, for the store to apply atomically.
    ///
    /// - Throws: ``OrderError`` ``OrderError/Code/illegalTransition`` naming both statuses, or
    ///   ``OrderError/Code/reasonRequired``.
    public func transition(
        _ order: Order,
        to status: OrderStatus,
        actor: String,
        reason: String? = nil,
        now: Date
    ) throws(OrderError) -> OrderTransition {
        guard transitions[order.status]?.contains(status) == true else {
            throw OrderError(
                code: .illegalTransition,
                message: "An order in \(order.status) cannot move to \(status).",
                from: order.status,
                to: status
            )
        }
        let trimmedReason = reason.flatMap { $0.contains(where: { !$0.isWhitespace }) ? $0 : nil }
        if reasonRequired.contains(status), trimmedReason == nil {
            throw OrderError(
                code: .reasonRequired, message: "Moving an order to \(status) needs a reason.", from: order.status,
                to: status)
        }
        var next = order
        next.record(OrderStatusChange(status: status, time: now, actor: actor, reason: trimmedReason))
        let willHold = holdsStock.contains(status)
        let stock: OrderTransition.StockEffect
        switch (order.holdsReservation, willHold) {
        case (false, true): stock = .reserve(order.lines)
        case (true, false) where isCancellation(status): stock = .release(order.lines)
        case (true, false): stock = .consume(order.lines)
        default: stock = .none
        }
        next.holdsReservation = willHold
        return OrderTransition(order: next, expectedVersion: order.version, stock: stock)
    }

    /// The step that replaces `order`'s lines, allowed only while items are editable; a held
    /// reservation moves from the old lines to the new.
    public func changingItems(of order: Order, to lines: [OrderLine], now: Date) throws(OrderError) -> OrderTransition {
        guard itemsEditable.contains(order.status) else {
            throw OrderError(
                code: .itemsLocked, message: "The items of an order in \(order.status) can no longer change.",
                from: order.status)
        }
        var next = order
        try next.replaceLines(lines, at: now)
        let stock: OrderTransition.StockEffect = order.holdsReservation ? .replace(old: order.lines, new: lines) : .none
        return OrderTransition(order: next, expectedVersion: order.version, stock: stock)
    }

    private func isCancellation(_ status: OrderStatus) -> Bool {
        reasonRequired.contains(status)
    }
}

/// A change to an order and its stock, computed purely, for ``OrderStore/apply(_:)`` to write in
/// one atomic step.
public struct OrderTransition: Sendable, Hashable {
    /// What happens to stock with the change.
    public enum StockEffect: Sendable, Hashable {
        /// Nothing.
        case none
        /// Reserve these lines (accepting an order); fails whole if any line lacks stock.
        case reserve([OrderLine])
        /// Release these lines' reservation (cancelling, rejecting).
        case release([OrderLine])
        /// The reserved units leave the shelf (fulfilment or dispatch): on hand and reserved both drop.
        case consume([OrderLine])
        /// Release the old lines and reserve the new (changing a held order's items).
        case replace(old: [OrderLine], new: [OrderLine])
    }

    /// The order as it will be stored.
    public var order: Order
    /// The version the stored order must have (0 to insert).
    public var expectedVersion: Int
    /// The stock change that goes with it.
    public var stock: StockEffect
}
