#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Conversions between `Date` and whole milliseconds since the Unix epoch, the limiter's time unit.
enum Milliseconds {
    /// `date` in whole milliseconds, rounded down; any date (NaN and infinities included) maps
    /// into ±9×10¹⁵, so arithmetic on the result never overflows.
    static func of(_ date: Date) -> Int64 {
        let scaled = date.timeIntervalSince1970 * 1000
        // NaN fails the first comparison, so it maps to the lower bound.
        guard scaled > -9e15 else { return -9_000_000_000_000_000 }
        guard scaled < 9e15 else { return 9_000_000_000_000_000 }
        // Below 2⁵³ every double converts exactly: truncate, then step down for negative
        // fractions (rounding down without a call to the C library's `floor`).
        let truncated = Int64(scaled)
        return Double(truncated) > scaled ? truncated - 1 : truncated
    }

    /// `date` in whole seconds since the Unix epoch, rounded up, within ±9×10¹² (NaN maps to
    /// the lower bound). Rounded from the date's own seconds, not from ``of(_:)``: a date made
    /// from a whole number of milliseconds may hold a hair less than it (1.001 s as
    /// 1.000999…), which rounding down to the millisecond first would turn into a whole second.
    static func ceilingSeconds(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.up)
        guard seconds.isFinite else { return seconds > 0 ? 9_000_000_000_000 : -9_000_000_000_000 }
        return Int64(max(min(seconds, 9e12), -9e12))
    }

    /// The date `milliseconds` after the Unix epoch.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
