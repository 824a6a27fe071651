public import StorekeeperSchema

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A product in Everspring's catalogue (`GET /everspring/v1/products`), as a retailer pulls it
/// before mapping its SKUs (seed 000, "Fetch the catalogue").
public struct EverspringProduct: SchemaDecodable, Hashable {
    /// Every member the catalogue writes, with the guarantees the catalogue model gives (a
    /// non-empty ID, unique SKUs and attribute codes, URLs, date-times); unknown members are
    /// ignored, so a newer API that adds one still decodes.
    public static let schema = Schema.object([
        .required("id", .string(minLength: 1, maxLength: 255)),
        .required("title", .string()),
        .required("description", .string(), nullable: true),
        .required("brand", .string(), nullable: true),
        .required("active", .boolean()),
        .required(
            "purchasable", .boolean().described("Whether it can be ordered now (active is whether it is listed)")),
        .required("images", .array(of: .string(format: .url))),
        .required("tags", .array(of: .string())),
        .required("categories", .array(of: .string())),
        .required("attributes", .array(of: EverspringAttribute.schema, uniqueBy: .field("code"))),
        .required("variants", .array(of: EverspringVariant.schema, uniqueBy: .field("sku"))),
        .required("created_at", .string(format: .dateTime), nullable: true),
        .required("updated_at", .string(format: .dateTime), nullable: true),
    ])

    /// The product's ID.
    public var id: String
    /// The title.
    public var title: String
    /// The description, if any.
    public var description: String?
    /// The brand, if any.
    public var brand: String?
    /// Whether the product is listed.
    public var active: Bool
    /// Whether it can be ordered now.
    public var purchasable: Bool
    /// Image URLs.
    public var images: [String]
    /// Tags.
    public var tags: [String]
    /// Category IDs.
    public var categories: [String]
    /// Product-level attributes.
    public var attributes: [EverspringAttribute]
    /// The variants: what a retailer maps and orders.
    public var variants: [EverspringVariant]
    /// When it was created, if known.
    public var createdAt: Date?
    /// When it last changed, if known: the key of `updated_since` syncs.
    public var updatedAt: Date?

    /// Creates a product.
    public init(
        id: String, title: String, description: String? = nil, brand: String? = nil, active: Bool = true,
        purchasable: Bool = true, images: [String] = [], tags: [String] = [], categories: [String] = [],
        attributes: [EverspringAttribute] = [], variants: [EverspringVariant], createdAt: Date? = nil,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.brand = brand
        self.active = active
        self.purchasable = purchasable
        self.images = images
        self.tags = tags
        self.categories = categories
        self.attributes = attributes
        self.variants = variants
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Builds the product from a validated object.
    public init(validated fields: ValidatedFields) {
        id = fields.string("id")
        title = fields.string("title")
        description = fields.optionalString("description")
        brand = fields.optionalString("brand")
        active = fields.bool("active")
        purchasable = fields.bool("purchasable")
        images = fields.strings("images")
        tags = fields.strings("tags")
        categories = fields.strings("categories")
        attributes = fields.decodeArray("attributes")
        variants = fields.decodeArray("variants")
        createdAt = fields.optionalDate("created_at")
        updatedAt = fields.optionalDate("updated_at")
    }

    /// The product in Storekeeper's catalogue model, owned by `owner` (the retailer's account on
    /// the host's side).
    ///
    /// - Throws: ``CatalogError`` or ``MoneyError`` for values the wire schema admits but the model
    ///   refuses (an ID with control characters, an unknown currency).
    public func canonicalProduct(owner: String? = nil) throws -> Product {
        var product = Product(
            id: try ProductID(id),
            owner: owner,
            title: title,
            description: description,
            brand: brand,
            imageURLs: images,
            tags: tags,
            categoryIDs: categories,
            attributes: attributes.map(\.canonicalAttribute),
            variants: try variants.map { try $0.canonicalVariant() },
            isActive: active,
            isPurchasable: purchasable
        )
        product.createdAt = createdAt
        product.updatedAt = updatedAt
        return product
    }
}
