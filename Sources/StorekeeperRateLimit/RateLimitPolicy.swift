/// A named limit: at most `limit` units in any interval of length `window`.
///
/// ```swift
/// let hourly = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
/// let burst = RateLimitPolicy(name: "burst", limit: 50, window: .seconds(10))
/// ```
///
/// `precision` is the number of buckets the window is divided into. The limiter never admits
/// more than `limit` in any window. A unit may be held up to one bucket longer than the window,
/// so steady traffic at the limit rate is admitted at `1 − 1/(n + 1)` of the limit or more,
/// where `n` is the smaller of the limit and the precision: 99% with the default precision of
/// 100 for limits of 100 or more, one request in `limit + 1` held back for smaller limits (60
/// per minute: 98.4%). Buckets are whole milliseconds: when the precision does not divide the
/// window in milliseconds, a bucket is rounded up and a unit may be held for less than one
/// bucket more (a 101 ms window at the default precision has 2 ms buckets and admits about
/// 97%). Memory per key grows with the precision: half a byte per bucket while no more than
/// three buckets hold more than 15 units.
public struct RateLimitPolicy: Sendable, Hashable, CustomStringConvertible {
    /// The policy's name, as shown in the `RateLimit-Policy` header.
    public var name: String
    /// The most units admitted in any `window`.
    public var limit: Int
    /// The length of the sliding window.
    public var window: Duration
    /// The number of buckets per window (1 to 1,000); under-admission on steady traffic is at most
    /// `1/(min(limit, precision) + 1)` of the limit when the precision divides the window in
    /// milliseconds.
    public var precision: Int

    /// Creates a policy.
    public init(name: String, limit: Int, window: Duration, precision: Int = 100) {
        self.name = name
        self.limit = limit
        self.window = window
        self.precision = precision
    }

    /// Whether two policies have the same name, limit, window and precision. The cheap fields
    /// are compared first and the windows by their 128-bit representation (`Duration` is frozen,
    /// and equal durations have equal bits): the in-memory store compares policies on every
    /// decision.
    public static func == (lhs: RateLimitPolicy, rhs: RateLimitPolicy) -> Bool {
        lhs.limit == rhs.limit && lhs.precision == rhs.precision
            && unsafeBitCast(lhs.window, to: (UInt64, UInt64).self)
                == unsafeBitCast(rhs.window, to: (UInt64, UInt64).self)
            && lhs.name == rhs.name
    }

    /// `"name: limit per window"`.
    public var description: String { "\(name): \(limit) per \(window)" }

    /// The window in whole milliseconds, saturating at `Int64.min` and `Int64.max` (only an
    /// unvalidated window can come near them).
    var windowMilliseconds: Int64 {
        let (seconds, attoseconds) = window.components
        let saturated = seconds < 0 ? Int64.min : Int64.max
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return saturated }
        let (sum, sumOverflow) = product.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return sumOverflow ? saturated : sum
    }

    /// Throws unless every parameter is in range.
    /// Whether `name` holds a quote, a backslash or a line break; ASCII names are checked byte
    /// by byte, others character by character (for Unicode's line separators).
    private static func hasForbiddenCharacter(_ name: String) -> Bool {
        var asciiOnly = true
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A...0x0D: return true
            case 0x80...: asciiOnly = false
            default: continue
            }
        }
        return !asciiOnly && name.contains { $0 == "\"" || $0 == "\\" || $0.isNewline }
    }

    func validate() throws(RateLimitError) {
        guard !name.isEmpty, !Self.hasForbiddenCharacter(name) else {
            throw RateLimitError(
                code: .invalidPolicy,
                message: "A policy name must be non-empty and free of quotes, backslashes and line breaks.")
        }
        guard limit >= 1, limit <= Int(UInt32.max) else {
            throw RateLimitError(
                code: .invalidPolicy, message: "The limit of '\(name)' must be between 1 and \(UInt32.max).")
        }
        guard (1...1000).contains(precision) else {
            throw RateLimitError(
                code: .invalidPolicy, message: "The precision of '\(name)' must be between 1 and 1000.")
        }
        guard windowMilliseconds >= Int64(precision), windowMilliseconds <= 366 * 86_400_000 else {
            throw RateLimitError(
                code: .invalidPolicy,
                message:
                    "The window of '\(name)' must be at least \(precision) ms (one per bucket) and at most 366 days."
            )
        }
    }
}
