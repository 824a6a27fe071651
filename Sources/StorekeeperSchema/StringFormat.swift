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
        var text = text
        return text.withUTF8 { bytes in
            switch self {
            case .url: Self.isURL(bytes)
            case .dateTime: Self.isDateTime(bytes)
            case .uuid: Self.isUUID(bytes)
            }
        }
    }

    private static func isURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = bytes.prefix(8).map { $0 | 0x20 }
        let schemeLength: Int
        if lowered.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else if lowered.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else {
            return false
        }
        // No white space, control characters, or characters RFC 3986 never allows unescaped.
        for byte in bytes {
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<")
                || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "^")
                || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "|")
                || byte == UInt8(ascii: "}")
            {
                return false
            }
        }
        // A host: at least one character before the path, query or fragment begins.
        let rest = bytes.dropFirst(schemeLength)
        let authority = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        let host = authority.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false).last ?? []
        return !host.isEmpty && host.first != UInt8(ascii: ":")
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
