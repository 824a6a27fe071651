public import StorekeeperSchema

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A variant in Everspring's catalogue (`GET /everspring/v1/products`): the SKU that stock
/// updates and orders key off, an exact price with its currency, images and attributes.
public struct EverspringVariant: SchemaDecodable, Hashable {
    /// Every member the catalogue writes; unknown members are ignored, so a newer API that adds
    /// one still decodes.
    public static let schema = Schema.object([
        .required("sku", .string(minLength: 1, maxLength: 255).described("The Everspring SKU")),
        .required("name", .string(), nullable: true),
        .required("price", .decimal(minimum: 0)),
        .required("original_price", .decimal(minimum: 0), nullable: true),
        .required("currency", .string(pattern: currencyCode).described("ISO 4217 code")),
        .required("images", .array(of: .string(format: .url))),
        .required("attributes", .array(of: EverspringAttribute.schema, uniqueBy: .field("code"))),
    ])

    /// Three capital letters, as ISO 4217 writes a currency.
    static let currencyCode = StringPattern(
        regex: "^[A-Z]{3}$", explanation: "must be an ISO 4217 code: three capital letters"
    ) { text in
        text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    /// The Everspring SKU.
    public var sku: String
    /// The variant's display name, if any.
    public var name: String?
    /// The price, exact.
    public var price: Decimal
    /// The list price when on sale.
    public var originalPrice: Decimal?
    /// The ISO 4217 code of both prices.
    public var currency: String
    /// Image URLs.
    public var images: [String]
    /// Attributes such as color and size.
    public var attributes: [EverspringAttribute]

    /// Creates a variant.
    public init(
        sku: String, name: String? = nil, price: Decimal, originalPrice: Decimal? = nil, currency: String,
        images: [String] = [], attributes: [EverspringAttribute] = []
    ) {
        self.sku = sku
        self.name = name
        self.price = price
        self.originalPrice = originalPrice
        self.currency = currency
        self.images = images
        self.attributes = attributes
    }

    /// Builds the variant from a validated object.
    public init(validated fields: ValidatedFields) {
        sku = fields.string("sku")
        name = fields.optionalString("name")
        price = fields.decimal("price")
        originalPrice = fields.optionalDecimal("original_price")
        currency = fields.string("currency")
        images = fields.strings("images")
        attributes = fields.decodeArray("attributes")
    }

    /// The variant in Storekeeper's catalogue model.
    ///
    /// - Throws: ``CatalogError`` for a SKU the model refuses, ``MoneyError`` for a currency it
    ///   does not know or a price with more fraction digits than the currency has.
    public func canonicalVariant() throws -> Variant {
        let currency = try Currency(code: currency)
        return Variant(
            sku: try SKU(sku),
            price: try Money(price, currency: currency),
            originalPrice: try originalPrice.map { try Money($0, currency: currency) },
            displayName: name,
            imageURLs: images,
            attributes: attributes.map(\.canonicalAttribute)
        )
    }
}
