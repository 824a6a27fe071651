@_spi(StorekeeperInternal) public import StorekeeperCore

/// Where a request may carry its key, as each API documents it.
public enum CredentialScheme: Sendable, Hashable {
    /// `Authorization: Bearer <key>` (ShopiSync, the partner orders API, EverShop's API keys).
    case bearer
    /// `Authorization: Basic base64(<key>:)`: the key as user name, empty password (Spring).
    case basicUserName
    /// A header of its own, such as `X-API-Key: <key>`.
    case header(String)
}

/// Extracts the presented key from request headers.
public enum APICredentials {
    /// The key the request presents under one of `schemes`, or `nil`.
    ///
    /// Scheme names compare case-insensitively; a Basic credential must have an empty password
    /// (a colon and nothing after it) and decode as UTF-8; surrounding spaces are ignored.
    public static func extract(from headers: HTTPHeaders, accepting schemes: [CredentialScheme]) -> String? {
        for scheme in schemes {
            switch scheme {
            case .bearer:
                if let value = authorization(headers, scheme: "bearer"), !value.isEmpty,
                    !value.utf8.contains(UInt8(ascii: " "))
                {
                    return String(value)
                }
            case .basicUserName:
                if let value = authorization(headers, scheme: "basic"), let decoded = Base64.decode(value),
                    decoded.count > 1, decoded.last == UInt8(ascii: ":"),
                    decoded.dropLast().allSatisfy({ $0 != UInt8(ascii: ":") })
                {
                    return String(validating: decoded.dropLast(), as: UTF8.self)
                }
            case .header(let name):
                if let value = headers[name]?.trimmingHTTPWhitespace, !value.isEmpty { return String(value) }
            }
        }
        return nil
    }

    /// The credentials of an `Authorization` field with `scheme` (lowercase), trimmed; read in
    /// place, without copying the field.
    private static func authorization(_ headers: HTTPHeaders, scheme: StaticString) -> Substring? {
        guard let value = headers["Authorization"]?.trimmingHTTPWhitespace,
            let space = value.utf8.firstIndex(of: UInt8(ascii: " "))
        else { return nil }
        let name = value.utf8[..<space]
        let matches = scheme.withUTF8Buffer { expected in
            name.count == expected.count && zip(name, expected).allSatisfy { $0 | 0x20 == $1 }
        }
        guard matches else { return nil }
        return value[value.utf8.index(after: space)...].trimmingHTTPWhitespace
    }
}
