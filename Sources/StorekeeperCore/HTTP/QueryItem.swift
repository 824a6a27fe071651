/// One decoded `name=value` pair of a URL query.
///
/// Query strings are decoded once, at the edge (``QueryItem/parse(_:)``), and encoded once when a
/// URL is built (``QueryItem/encode(_:)``); everything in between sees plain text.
public struct QueryItem: Sendable, Hashable {
    /// The decoded parameter name.
    public var name: String
    /// The decoded value; empty for `?flag` and `?flag=`.
    public var value: String

    /// Creates a query item from decoded text.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Decodes a raw query string (without the leading `?`) into items, in order.
    ///
    /// `+` decodes to a space and `%XX` to its byte; the decoded bytes are read as UTF-8, with
    /// malformed escapes and invalid UTF-8 kept visibly (`%` stays `%`, bad bytes become U+FFFD) so
    /// that validation downstream reports them instead of this function dropping data.
    ///
    /// - Complexity: O(*n*), where *n* is the length of `query`.
    public static func parse(_ query: some StringProtocol) -> [QueryItem] {
        var items: [QueryItem] = []
        for pair in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                items.append(
                    QueryItem(
                        name: percentDecode(pair[pair.startIndex..<equals]),
                        value: percentDecode(pair[pair.index(after: equals)...])
                    )
                )
            } else {
                items.append(QueryItem(name: percentDecode(pair), value: ""))
            }
        }
        return items
    }

    /// Encodes items as a query string (without the leading `?`).
    ///
    /// Only RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) are left as they are; every other
    /// byte of the UTF-8 text is percent-encoded, so the result is safe in any URL.
    ///
    /// - Complexity: O(*n*), where *n* is the total length of names and values.
    public static func encode(_ items: [QueryItem]) -> String {
        var bytes: [UInt8] = []
        for (offset, item) in items.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: "&")) }
            percentEncode(item.name, into: &bytes)
            bytes.append(UInt8(ascii: "="))
            percentEncode(item.value, into: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func percentDecode(_ text: some Collection<UInt8>) -> String {
        let input = Array(text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func percentEncode(_ text: String, into bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789ABCDEF"
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                digits.withUTF8Buffer { table in
                    bytes.append(table[Int(byte >> 4)])
                    bytes.append(table[Int(byte & 0x0F)])
                }
            }
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
