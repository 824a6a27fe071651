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
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite else { return value > 0 ? 9_000_000_000_000_000 : -9_000_000_000_000_000 }
        return Int64(max(min(value, 9e15), -9e15))
    }

    /// The date `milliseconds` after the Unix epoch.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
