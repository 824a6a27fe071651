import StorekeeperJSON
public import StorekeeperSchema

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The body of Spring's `PUT /api/1/product`: the brand account and the product to create or
/// update (seed 001, "Create or update a Product").
public struct SpringProductRequest: SchemaDecodable, Hashable {
    /// The request schema: `vendor_id` and `product`, both required.
    public static let schema = Schema.object([
        .required("vendor_id", .integer(minimum: 1).described("Unique brand account identifier (issued by Spring)")),
        .required("product", SpringProduct.schema),
    ])

    /// The brand account identifier issued by Spring.
    public var vendorID: Int64
    /// The product to create or update.
    public var product: SpringProduct

    /// Creates a request.
    public init(vendorID: Int64, product: SpringProduct) {
        self.vendorID = vendorID
        self.product = product
    }

    /// Builds the request from a validated body.
    public init(validated fields: ValidatedFields) {
        vendorID = fields.int64("vendor_id")
        product = fields.decode("product")
    }
}

/// A product in Spring's wire format (seed 001, "Product Schema").
public struct SpringProduct: SchemaDecodable, Hashable {
    /// Spring allows only one price across a product's variants.
    static let samePriceRule = ObjectRule(name: "same_price_for_all_variants") { product in
        guard let variants = product["variants"]?.array, let firstNumber = variants.first?["price"]?.number
        else { return [] }
        for (index, variant) in variants.enumerated().dropFirst() {
            // The same text is the same price: most products need no decimal arithmetic here.
            guard let number = variant["price"]?.number, number != firstNumber else { continue }
            if let price = number.decimalValue, let first = firstNumber.decimalValue, price != first {
                return [
                    RuleViolation(
                        member: "variants",
                        code: "price_mismatch",
                        message:
                            "Spring allows one price for all variants of a product: variant \(index) costs \(price), variant 0 costs \(first)."
                    )
                ]
            }
        }
        return []
    }

    /// The product schema, every documented constraint included.
    public static let schema = Schema.object(
        [
            .required("id", .string(minLength: 1).described("Integrated product ID")),
            .required("title", .string(minLength: 1, maxLength: 255).described("Product name")),
            .required("description", .string().described("Product description")),
            .required("tags", .array(of: .string()).described("List of product categories")),
            .required("active", .boolean().described("Whether the product is viewable")),
            .required("purchasable", .boolean().described("Whether the product can be purchased")),
            .required("external_brand", .string(), nullable: true),
            .required("affiliate_url", .string(format: .url).described("Product page or affiliate link")),
            .required("photo_urls", .array(of: .string(format: .url)).described("Product image URLs")),
            .required(
                "variants",
                .array(of: SpringVariant.schema, minItems: 1, uniqueBy: .field("sku"))
                    .described("A product should at least have one variant")
            ),
        ],
        rules: [samePriceRule]
    )

    /// The brand's product identifier, the primary key.
    public var id: String
    /// The product name, at most 255 characters.
    public var title: String
    /// The product description.
    public var description: String
    /// Product categories.
    public var tags: [String]
    /// Whether the product is viewable even when not purchasable.
    public var active: Bool
    /// Whether the product can be bought now.
    public var purchasable: Bool
    /// The brand or label, or `nil`.
    public var externalBrand: String?
    /// The product page or affiliate link.
    public var affiliateURL: String
    /// Product image URLs.
    public var photoURLs: [String]
    /// At least one variant, with distinct SKUs.
    public var variants: [SpringVariant]

    /// Builds the product from a validated object.
    public init(validated fields: ValidatedFields) {
        id = fields.string("id")
        title = fields.string("title")
        description = fields.string("description")
        tags = fields.strings("tags")
        active = fields.bool("active")
        purchasable = fields.bool("purchasable")
        externalBrand = fields.optionalString("external_brand")
        affiliateURL = fields.string("affiliate_url")
        photoURLs = fields.strings("photo_urls")
        variants = fields.decodeArray("variants")
    }
}

/// A variant in Spring's wire format (seed 001, "Variant Schema").
public struct SpringVariant: SchemaDecodable, Hashable {
    /// The variant schema. Prices are decimals that Spring's own sample sends as strings.
    public static let schema = Schema.object([
        .required("sku", .string(minLength: 1, maxLength: 255).described("Variant SKU")),
        .optional("original_price", .decimal(minimum: 0, maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
        .required("price", .decimal(minimum: 0, maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
        .required("available_inventory", .integer(minimum: 0)),
        .required("size", .string(maxLength: 30).described("Variation attributes shown to Spring users")),
        .optional("image_urls", .array(of: .string(format: .url))),
        .optional("attributes", .dictionary(values: .string())),
    ])

    /// The variant SKU, distinct within its product.
    public var sku: String
    /// The list price when on sale.
    public var originalPrice: Decimal?
    /// The price.
    public var price: Decimal
    /// Units available to sell.
    public var availableInventory: Int64
    /// The variation shown to users, such as "Black 7".
    public var size: String
    /// Variant image URLs.
    public var imageURLs: [String]
    /// Variation attributes as name/value pairs.
    public var attributes: [String: String]

    /// Builds the variant from a validated object.
    public init(validated fields: ValidatedFields) {
        sku = fields.string("sku")
        originalPrice = fields.optionalDecimal("original_price")
        price = fields.decimal("price")
        availableInventory = fields.int64("available_inventory")
        size = fields.string("size")
        imageURLs = fields.strings("image_urls")
        attributes = fields.stringDictionary("attributes")
    }
}

extension SpringProduct {
    /// The product in Storekeeper's catalogue model, priced in `currency` (Spring prices are US
    /// dollars) and owned by the brand account.
    ///
    /// - Throws: ``CatalogError`` or ``MoneyError`` for values the wire schema admits but the model
    ///   refuses (an ID with control characters, a price beyond `Money`'s range).
    public func canonicalProduct(owner: String, currency: Currency = .usd) throws -> Product {
        Product(
            id: try ProductID(id),
            owner: owner,
            title: title,
            description: description,
            brand: externalBrand,
            productURL: affiliateURL,
            imageURLs: photoURLs,
            tags: tags,
            variants: try variants.map { try $0.canonicalVariant(currency: currency) },
            isActive: active,
            isPurchasable: purchasable
        )
    }
}

extension SpringVariant {
    /// The variant in Storekeeper's catalogue model.
    public func canonicalVariant(currency: Currency = .usd) throws -> Variant {
        Variant(
            sku: try SKU(sku),
            price: try Money(price, currency: currency),
            originalPrice: try originalPrice.map { try Money($0, currency: currency) },
            displayName: size,
            imageURLs: imageURLs,
            attributes: attributes.sorted { $0.key < $1.key }.map {
                ProductAttribute(code: $0.key, value: .text($0.value))
            },
            quantity: Int(clamping: availableInventory)
        )
    }
}
