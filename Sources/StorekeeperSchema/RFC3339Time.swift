#if canImport(FoundationEssentials)
package import FoundationEssentials
#else
package import Foundation
#endif

/// Reads ISO 8601 instants (query parameters such as `start_time`, and ``ValidatedFields``'
/// date-time members): RFC 3339 date-times such as `2024-01-15T10:00:00Z`, `2024-01-15T10:00:00.250Z`
/// or `2024-01-15T12:00:00+02:00`, with integer arithmetic and no date formatter.
package enum RFC3339Time {
    /// The instant `text` names, or `nil` when it is not an RFC 3339 date-time with a real
    /// calendar date.
    ///
    /// An unencoded `+` in a query string arrives as a space, so a space where the offset's sign
    /// belongs is read as `+`.
    package static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)
        if bytes.count >= 25, bytes[bytes.count - 6] == UInt8(ascii: " ") { bytes[bytes.count - 6] = UInt8(ascii: "+") }
        guard StringFormat.dateTime.accepts(String(decoding: bytes, as: UTF8.self)) else { return nil }
        // The format check guarantees every digit below; the helpers still never trap.
        let year = number(bytes, 0, 4)
        let month = number(bytes, 5, 2)
        let day = number(bytes, 8, 2)
        let hour = number(bytes, 11, 2)
        let minute = number(bytes, 14, 2)
        let second = number(bytes, 17, 2)
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                fraction += Double(bytes[index] &- UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
        }
        var offset: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let magnitude = number(bytes, index + 1, 2) * 3600 + number(bytes, index + 4, 2) * 60
            offset = bytes[index] == UInt8(ascii: "-") ? -magnitude : magnitude
        }
        let seconds =
            days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The decimal number of `count` digits at `start`; 0 past the end.
    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int64 {
        guard start >= 0, start + count <= bytes.count else { return 0 }
        var value: Int64 = 0
        for byte in bytes[start..<start + count] {
            value = value * 10 + Int64(min(byte &- UInt8(ascii: "0"), 9))
        }
        return value
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
