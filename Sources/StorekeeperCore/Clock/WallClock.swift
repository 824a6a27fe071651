#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A source of the current wall-clock time.
///
/// Storekeeper's logic never reads the system clock itself: every component that needs the
/// time is handed a `WallClock`. Production code passes ``SystemClock``; tests pass
/// `ManualClock` from `StorekeeperTesting` and move time by hand, so expiry, rate-limit windows
/// and retry schedules are tested without sleeping.
///
/// Conformers must be safe to call from any task.
public protocol WallClock: Sendable {
    /// The current instant.
    var now: Date { get }
}
