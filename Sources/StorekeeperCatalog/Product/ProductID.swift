#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The identifier a partner API addresses a product by.
///
/// Partners identify products differently: Spring by the brand's own string (`"SOMEID123"`),
/// EverShop by a UUID in its paths (with a numeric `product_id` alongside, kept in
/// ``Product/number``), ShopiSync by a number (`/v1/products/42`). A `ProductID` holds any of
/// them as text, with initialisers and accessors for the numeric and UUID forms:
///
/// ```swift
/// let spring = try ProductID("SOMEID123")
/// let shopiSync = ProductID(42)                 // "42"
/// let evershop = ProductID(uuid)                // "433ba97f-8be7-4be9-be3f-a9f341f2b89f"
/// shopiSync.integerValue                        // 42
/// ```
///
/// An id is 1 to 1,024 Unicode scalars (Spring sets no limit; Storekeeper bounds it so a
/// primary-key index stays small), without control characters or leading or trailing white
/// space. Ids are compared byte for byte and ordered by their UTF-8 bytes, as a binary
/// collation orders them, so list order is the same in memory and in SQL.
public struct ProductID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The id's text.
    public let rawValue: String

    /// The most Unicode scalars an id may have.
    public static let maximumLength = 1024

    /// Creates an id from text after checking it.
    ///
    /// - Parameter rawValue: The id, used exactly as given.
    /// - Throws: ``CatalogError/Code/invalidProductID`` when it is empty, longer than
    ///   ``maximumLength`` scalars, contains control characters, or begins or ends with white space.
    public init(_ rawValue: String) throws(CatalogError) {
        let scalars = rawValue.unicodeScalars
        let problem: String? =
            if scalars.isEmpty {
                "A product id must not be empty."
            } else if scalars.count > Self.maximumLength {
                "A product id has at most \(Self.maximumLength) characters; this one has \(scalars.count)."
            } else if scalars.contains(where: \.isControl) {
                "A product id must not contain control characters."
            } else if scalars.first?.isPatternWhitespace == true || scalars.last?.isPatternWhitespace == true {
                "A product id must not begin or end with white space."
            } else {
                nil
            }
        if let problem {
            throw CatalogError(code: .invalidProductID, message: problem, field: "id")
        }
        self.rawValue = rawValue
    }

    /// Creates an id from a number, written in decimal (`42` becomes `"42"`).
    ///
    /// - Parameter integer: The partner's numeric id.
    public init(_ integer: Int64) {
        rawValue = String(integer)
    }

    /// Creates an id from a UUID, written in lower case with hyphens.
    ///
    /// - Parameter uuid: The partner's UUID.
    public init(_ uuid: UUID) {
        rawValue = uuid.uuidString.lowercased()
    }

    /// The id as a number, when it is a canonical decimal integer (`"42"`, not `"042"` or `"4.2"`).
    public var integerValue: Int64? {
        guard let value = Int64(rawValue), String(value) == rawValue else { return nil }
        return value
    }

    /// The id as a UUID, when it is one with hyphens or as 32 hex digits (EverShop's samples use both).
    public var uuidValue: UUID? {
        if let uuid = UUID(uuidString: rawValue) { return uuid }
        let scalars = Array(rawValue.unicodeScalars)
        guard scalars.count == 32, scalars.allSatisfy(\.properties.isASCIIHexDigit) else { return nil }
        var hyphenated = ""
        for (index, scalar) in scalars.enumerated() {
            if [8, 12, 16, 20].contains(index) { hyphenated.append("-") }
            hyphenated.unicodeScalars.append(scalar)
        }
        return UUID(uuidString: hyphenated)
    }

    /// Whether two ids have the same bytes.
    public static func == (lhs: ProductID, rhs: ProductID) -> Bool {
        lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8)
    }

    /// Hashes the id's text.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }

    /// Orders ids by their UTF-8 bytes, like a binary (`"C"`) collation. Numeric ids therefore
    /// order as text: `"10"` before `"9"`.
    public static func < (lhs: ProductID, rhs: ProductID) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The id's text.
    public var description: String { rawValue }
}

extension ProductID: Codable {
    /// Decodes an id from a JSON string, checking it as ``init(_:)-(String)`` does.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the id as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
