#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The operating system's wall clock.
///
/// This is the only place in Storekeeper that reads the system time.
public struct SystemClock: WallClock {
    /// Creates a clock that reads the system time.
    public init() {}

    /// The current system time.
    public var now: Date { Date() }
}
