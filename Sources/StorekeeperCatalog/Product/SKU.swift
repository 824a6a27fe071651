/// A stock-keeping unit: the identifier of one sellable variant.
///
/// A SKU is 1 to 255 Unicode scalars (Spring's documented limit), with no white space and no
/// control characters. SKUs are case-sensitive and compared byte for byte, as a database column
/// with a binary collation compares them, so `"ab-1"` and `"AB-1"` are different SKUs.
///
/// ```swift
/// let sku = try SKU("162636740101")
/// ```
///
/// Stock updates, order lines and SKU mappings all key off SKUs, and a ``CatalogStore`` keeps
/// them unique across live products.
public struct SKU: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The SKU's text.
    public let rawValue: String

    /// The most Unicode scalars a SKU may have.
    public static let maximumLength = 255

    /// Creates a SKU after checking it.
    ///
    /// - Parameter rawValue: The SKU text, used exactly as given (it is not trimmed).
    /// - Throws: ``CatalogError/Code/invalidSKU`` when it is empty, longer than
    ///   ``maximumLength`` scalars, or contains white space or control characters.
    public init(_ rawValue: String) throws(CatalogError) {
        let scalars = rawValue.unicodeScalars
        let problem: String? =
            if scalars.isEmpty {
                "A SKU must not be empty."
            } else if scalars.count > Self.maximumLength {
                "A SKU has at most \(Self.maximumLength) characters; this one has \(scalars.count)."
            } else if scalars.contains(where: { $0.isPatternWhitespace || $0.isControl }) {
                "A SKU must not contain white space or control characters."
            } else {
                nil
            }
        if let problem {
            throw CatalogError(code: .invalidSKU, message: problem, field: "sku")
        }
        self.rawValue = rawValue
    }

    /// Whether two SKUs have the same bytes.
    public static func == (lhs: SKU, rhs: SKU) -> Bool {
        lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8)
    }

    /// Hashes the SKU's text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Orders SKUs by their UTF-8 bytes, like a binary (`"C"`) collation.
    public static func < (lhs: SKU, rhs: SKU) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The SKU's text.
    public var description: String { rawValue }
}

extension SKU: Codable {
    /// Decodes a SKU from a JSON string, checking it as ``init(_:)`` does.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the SKU as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
