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
                if let value = authorization(headers, scheme: "bearer"), !value.isEmpty, !value.contains(" ") {
                    return value
                }
            case .basicUserName:
                if let value = authorization(headers, scheme: "basic"), let decoded = Base64.decode(value),
                    let text = String(validating: decoded, as: UTF8.self), text.hasSuffix(":"),
                    text.filter({ $0 == ":" }).count == 1, text.count > 1
                {
                    return String(text.dropLast())
                }
            case .header(let name):
                if let value = headers[name]?.trimmingHTTPWhitespace, !value.isEmpty { return value }
            }
        }
        return nil
    }

    private static func authorization(_ headers: HTTPHeaders, scheme: String) -> String? {
        guard let value = headers["Authorization"]?.trimmingHTTPWhitespace,
            let space = value.utf8.firstIndex(of: UInt8(ascii: " ")),
            value.utf8[..<space].count == scheme.utf8.count,
            zip(value.utf8[..<space], scheme.utf8).allSatisfy({ $0 | 0x20 == $1 })
        else { return nil }
        return String(value[value.utf8.index(after: space)...]).trimmingHTTPWhitespace
    }
}
