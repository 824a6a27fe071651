public import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A wall clock that only moves when a test moves it.
///
/// Share one `ManualClock` between the components under test and advance it to expire keys,
/// roll rate-limit windows or trigger webhook retries, with no sleeping:
///
/// ```swift
/// let clock = ManualClock()
/// clock.advance(by: .seconds(3600))
/// ```
///
/// It is a class because identity matters: every holder sees the same time.
public final class ManualClock: WallClock, Sendable {
    private let current: Locked<Date>

    /// Creates a clock standing at `start`.
    ///
    /// - Parameter start: The initial time. Defaults to 2023-11-14T22:13:20Z
    ///   (1,700,000,000 seconds after the Unix epoch), a fixed instant so tests are repeatable.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        current = Locked(start)
    }

    /// The clock's current time.
    public var now: Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward (or, with a negative duration, backward).
    ///
    /// - Parameter duration: How far to move.
    public func advance(by duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let interval = TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    /// Sets the clock to an exact instant, which may be earlier than the current one.
    ///
    /// - Parameter date: The new current time.
    public func set(to date: Date) {
        current.withLock { $0 = date }
    }
}
