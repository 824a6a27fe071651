#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// How far back an API serves orders, and how long a listed span may be: 60 days for the
/// partner orders API.
public struct OrderRetrievalWindow: Sendable, Hashable {
    /// The oldest an order may be to be served.
    public var maximumAge: Duration
    /// The longest `start_time`…`end_time` span a list query may ask for.
    public var maximumSpan: Duration

    /// Creates a window.
    public init(maximumAge: Duration, maximumSpan: Duration) {
        self.maximumAge = maximumAge
        self.maximumSpan = maximumSpan
    }

    /// The partner orders API: orders of the past 60 days, spans of at most 60 days.
    public static let partnerOrders = OrderRetrievalWindow(
        maximumAge: .seconds(60 * 86_400), maximumSpan: .seconds(60 * 86_400))

    /// Throws unless an order created at `createdAt` may be served at `now`.
    public func check(orderCreatedAt createdAt: Date, now: Date) throws(OrderError) {
        guard now.timeIntervalSince(createdAt) <= Self.seconds(maximumAge) else {
            throw OrderError(
                code: .outsideRetrievalWindow,
                message: "Orders are kept for \(Self.days(maximumAge)) days; this one is older.")
        }
    }

    /// Throws unless `start`…`end` is a forward span within the window at `now`.
    public func check(start: Date, end: Date, now: Date) throws(OrderError) {
        guard start <= end else {
            throw OrderError(code: .outsideRetrievalWindow, message: "start_time must not be after end_time.")
        }
        guard end.timeIntervalSince(start) <= Self.seconds(maximumSpan) else {
            throw OrderError(
                code: .outsideRetrievalWindow, message: "A query may span at most \(Self.days(maximumSpan)) days.")
        }
        guard now.timeIntervalSince(start) <= Self.seconds(maximumAge) else {
            throw OrderError(
                code: .outsideRetrievalWindow,
                message: "Orders are kept for \(Self.days(maximumAge)) days; start_time is earlier.")
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }

    private static func days(_ duration: Duration) -> Int64 {
        duration.components.seconds / 86_400
    }
}
