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

    /// The date `milliseconds` after the Unix epoch.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
