/// A well-known string format, checked exactly and exported as JSON Schema's `format`.
public enum StringFormat: Sendable, Hashable {
    /// An absolute `http` or `https` URL with a host and no white space or control characters.
    case url
    /// An RFC 3339 date-time (the ISO 8601 profile JSON Schema uses), such as
    /// `2024-01-15T10:00:00Z` or `2024-01-15T10:00:00.5+01:00`, with real calendar dates.
    case dateTime
    /// A UUID in its 8-4-4-4-12 hexadecimal form, either case.
    case uuid

    /// The JSON Schema `format` name.
    public var jsonSchemaName: String {
        switch self {
        case .url: "uri"
        case .dateTime: "date-time"
        case .uuid: "uuid"
        }
    }

    /// What the format requires, in words, for issue messages.
    var expectation: String {
        switch self {
        case .url: "an absolute http or https URL"
        case .dateTime: "an RFC 3339 date-time such as 2024-01-15T10:00:00Z"
        case .uuid: "a UUID such as 123e4567-e89b-12d3-a456-426614174000"
        }
    }

    /// Whether `text` has this format.
    public func accepts(_ text: String) -> Bool {
        if let accepted = text.utf8.withContiguousStorageIfAvailable({ accepts(utf8: $0) }) {
            return accepted
        }
        var text = text
        return text.withUTF8 { accepts(utf8: $0) }
    }

    private func accepts(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .url: Self.isURL(bytes)
        case .dateTime: Self.isDateTime(bytes)
        case .uuid: Self.isUUID(bytes)
        }
    }

    private static func isURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The scheme, compared case-insensitively: "http://" or "https://".
        var index = 0
        for expected in "http".utf8 {
            guard index < bytes.count, bytes[index] | 0x20 == expected else { return false }
            index += 1
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "s") { index += 1 }
        for expected in "://".utf8 {
            guard index < bytes.count, bytes[index] == expected else { return false }
            index += 1
        }
        // The authority: a host must follow any user information, before any port or path.
        var hostLength = 0
        var inPort = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
            guard isAllowedInURL(byte) else { return false }
            if byte == UInt8(ascii: "@") {
                hostLength = 0
                inPort = false
            } else if byte == UInt8(ascii: ":") {
                inPort = true
            } else if !inPort {
                hostLength += 1
            }
            index += 1
        }
        guard hostLength > 0 else { return false }
        // The rest, eight bytes at a time while they last.
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if hasByteNotAllowedInURL(word) { return false }
                index += 8
            }
        }
        while index < bytes.count {
            guard isAllowedInURL(bytes[index]) else { return false }
            index += 1
        }
        return true
    }

    /// Whether any of the eight bytes of `word` is one ``isAllowedInURL(_:)`` refuses.
    ///
    /// Each test flags bytes with their high bit, SWAR style; a flag can be spurious only above a
    /// genuine one, so "any flag" is exact.
    @inline(__always)
    private static func hasByteNotAllowedInURL(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        @inline(__always) func zero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        var flags = (word &- 0x21 &* ones) & ~word  // control characters and space
        flags |= zero(word ^ 0x22 &* ones) | zero(word ^ 0x3C &* ones) | zero(word ^ 0x3E &* ones)  // " < >
        flags |= zero(word ^ 0x5C &* ones) | zero(word ^ 0x5E &* ones) | zero(word ^ 0x60 &* ones)  // \ ^ `
        flags |= zero(word ^ 0x7B &* ones) | zero(word ^ 0x7C &* ones) | zero(word ^ 0x7D &* ones)  // { | }
        flags |= zero(word ^ 0x7F &* ones)
        return flags & 0x8080_8080_8080_8080 != 0
    }

    /// Whether `byte` may appear unescaped in a URL: not white space, a control character, or one
    /// of `"<>\\^`{|}`, which RFC 3986 never allows unescaped. Bytes of 0x80 and above (UTF-8 in
    /// an IRI) are allowed.
    @inline(__always)
    private static func isAllowedInURL(_ byte: UInt8) -> Bool {
        // One bit per ASCII byte: bits 0-63 and 64-127, set where the byte is not allowed.
        let forbiddenLow: UInt64 = 0x5000_0005_FFFF_FFFF  // 0x00-0x20, '"', '<', '>'
        let forbiddenHigh: UInt64 = 0xB800_0001_5000_0000  // '\\', '^', '`', '{', '|', '}', 0x7F
        let mask = byte & 64 == 0 ? forbiddenLow : forbiddenHigh
        return byte >= 128 || (mask >> UInt64(byte & 63)) & 1 == 0
    }

    private static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isHexDigit(byte) else { return false }
            }
        }
        return true
    }

    private static func isDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
        guard bytes.count >= 20,
            let year = number(bytes, 0, 4), bytes[4] == UInt8(ascii: "-"),
            let month = number(bytes, 5, 2), bytes[7] == UInt8(ascii: "-"),
            let day = number(bytes, 8, 2), bytes[10] | 0x20 == UInt8(ascii: "t"),
            let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = number(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
            let second = number(bytes, 17, 2)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let digitsStart = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            guard index > digitsStart else { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            return index + 1 == bytes.count
        }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
            let offsetHour = number(bytes, index + 1, 2), bytes[index + 3] == UInt8(ascii: ":"),
            let offsetMinute = number(bytes, index + 4, 2)
        else { return false }
        return offsetHour <= 23 && offsetMinute <= 59
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }
}
