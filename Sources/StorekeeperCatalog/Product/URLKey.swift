/// The path segment a storefront shows a product under, such as `"cathat"` in `/product/cathat`.
///
/// A URL key is 1 to 1,024 Unicode scalars with no white space: EverShop's documented pattern
/// `^\S+$`, bounded so that a unique index stays small. Keys are compared byte for byte, and a
/// ``CatalogStore`` keeps them unique across live products (EverShop answers 409 for a taken key).
///
/// ```swift
/// let key = try URLKey("cat-hat-green")
/// ```
public struct URLKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key's text.
    public let rawValue: String

    /// The most Unicode scalars a URL key may have.
    public static let maximumLength = 1024

    /// Creates a URL key after checking it.
    ///
    /// - Parameter rawValue: The key text, used exactly as given.
    /// - Throws: ``CatalogError/Code/invalidURLKey`` when it is empty, longer than
    ///   ``maximumLength`` scalars, or contains white space.
    public init(_ rawValue: String) throws(CatalogError) {
        let scalars = rawValue.unicodeScalars
        let problem: String? =
            if scalars.isEmpty {
                "A URL key must not be empty."
            } else if scalars.count > Self.maximumLength {
                "A URL key has at most \(Self.maximumLength) characters; this one has \(scalars.count)."
            } else if scalars.contains(where: \.isPatternWhitespace) {
                "A URL key must not contain white space."
            } else {
                nil
            }
        if let problem {
            throw CatalogError(code: .invalidURLKey, message: problem, field: "url_key")
        }
        self.rawValue = rawValue
    }

    /// Whether two keys have the same bytes.
    public static func == (lhs: URLKey, rhs: URLKey) -> Bool {
        lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8)
    }

    /// Hashes the key's text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Orders keys by their UTF-8 bytes, like a binary (`"C"`) collation.
    public static func < (lhs: URLKey, rhs: URLKey) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The key's text.
    public var description: String { rawValue }
}

extension URLKey: Codable {
    /// Decodes a URL key from a JSON string, checking it as ``init(_:)`` does.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the key as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
