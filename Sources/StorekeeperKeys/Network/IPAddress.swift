/// An IPv4 or IPv6 address, parsed strictly.
///
/// IPv4 must be four decimal parts without leading zeros (`010.0.0.1`, `10.1`, `0x0a.0.0.1` and
/// a trailing dot are refused: parsers disagree on them, which is how allowlists get bypassed).
/// IPv6 takes every RFC 4291 text form, including `::` and an embedded IPv4 tail
/// (`::ffff:1.2.3.4`); zone IDs (`fe80::1%eth0`) are refused. An IPv4-mapped IPv6 address is
/// the same address as its IPv4 form.
///
/// ```swift
/// IPAddress("192.0.2.10")        // IPv4
/// IPAddress("2001:db8::1")       // IPv6
/// IPAddress("::ffff:192.0.2.10") == IPAddress("192.0.2.10")  // true
/// ```
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address's family.
    public enum Family: Sendable, Hashable {
        /// 32-bit IPv4.
        case v4
        /// 128-bit IPv6.
        case v6
    }

    /// The family (an IPv4-mapped IPv6 address is IPv4).
    public let family: Family
    /// The address bits, in the low 32 bits for IPv4.
    let bits: (high: UInt64, low: UInt64)

    init(v4 value: UInt32) {
        family = .v4
        bits = (0, UInt64(value))
    }

    init(v6 high: UInt64, _ low: UInt64) {
        if high == 0, low >> 32 == 0xFFFF {
            family = .v4
            bits = (0, low & 0xFFFF_FFFF)
        } else {
            family = .v6
            bits = (high, low)
        }
    }

    /// Parses an address, or returns `nil` for anything that is not exactly one.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        if let value = Self.parseV4(utf8[...]) {
            self.init(v4: value)
        } else if let (high, low) = Self.parseV6(utf8) {
            self.init(v6: high, low)
        } else {
            return nil
        }
    }

    /// Dotted decimal for IPv4; RFC 5952 canonical text for IPv6.
    public var description: String {
        switch family {
        case .v4:
            let value = UInt32(truncatingIfNeeded: bits.low)
            return [24, 16, 8, 0].map { String((value >> $0) & 0xFF) }.joined(separator: ".")
        case .v6:
            return Self.formatV6(bits.high, bits.low)
        }
    }

    /// Whether two addresses are equal: an IPv4-mapped IPv6 address equals its IPv4 form.
    public static func == (lhs: IPAddress, rhs: IPAddress) -> Bool {
        lhs.family == rhs.family && lhs.bits.high == rhs.bits.high && lhs.bits.low == rhs.bits.low
    }

    /// Hashes consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(family)
        hasher.combine(bits.high)
        hasher.combine(bits.low)
    }

    // MARK: Parsing

    static func parseV4(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var parts = 0
        var index = bytes.startIndex
        while parts < 4 {
            let start = index
            var part: UInt32 = 0
            while index < bytes.endIndex, bytes[index] &- UInt8(ascii: "0") < 10 {
                part = part * 10 + UInt32(bytes[index] - UInt8(ascii: "0"))
                guard part <= 255, index - start < 3 else { return nil }
                index += 1
            }
            let length = index - start
            guard length > 0, !(length > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
            value = value << 8 | part
            parts += 1
            if parts < 4 {
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") else { return nil }
                index += 1
            }
        }
        return index == bytes.endIndex ? value : nil
    }

    static func parseV6(_ bytes: [UInt8]) -> (UInt64, UInt64)? {
        guard bytes.count >= 2, bytes.count <= 45, !bytes.contains(UInt8(ascii: "%")) else { return nil }
        var groups: [UInt16] = []
        var gapIndex: Int? = nil
        var index = 0
        if bytes.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            gapIndex = 0
            index = 2
        } else if bytes.first == UInt8(ascii: ":") {
            return nil
        }
        while index < bytes.count {
            // An embedded IPv4 tail takes the last 32 bits.
            if let dot = bytes[index...].firstIndex(of: UInt8(ascii: ".")),
                !bytes[index..<dot].contains(UInt8(ascii: ":"))
            {
                guard let v4 = parseV4(bytes[index...]) else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                index = bytes.count
                break
            }
            let start = index
            var group: UInt32 = 0
            while index < bytes.count, let digit = hexValue(bytes[index]) {
                group = group << 4 | UInt32(digit)
                index += 1
                guard index - start <= 4 else { return nil }
            }
            guard index > start else { return nil }
            groups.append(UInt16(group))
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
                guard gapIndex == nil else { return nil }
                gapIndex = groups.count
                index += 1
            } else if index == bytes.count {
                return nil  // a trailing single colon
            }
        }
        if let gapIndex {
            guard groups.count <= 7 else { return nil }
            groups.insert(contentsOf: repeatElement(0, count: 8 - groups.count), at: gapIndex)
        }
        guard groups.count == 8 else { return nil }
        let high = groups[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = groups[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return (high, low)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func formatV6(_ high: UInt64, _ low: UInt64) -> String {
        let groups = (0..<8).map { index -> UInt16 in
            let word = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> UInt64(48 - 16 * (index % 4)))
        }
        // The longest run of two or more zero groups becomes "::" (RFC 5952).
        var bestStart = -1
        var bestLength = 1
        var index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}
