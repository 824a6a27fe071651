#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A product in the catalogue: the canonical model every partner's wire format maps to.
///
/// It carries every product field of the partner documents, so each profile can read and write
/// its own format without loss:
///
/// | Field | Spring (`PUT /product`) | EverShop (`/api/products`) | ShopiSync |
/// |---|---|---|---|
/// | ``id`` | `id` | `uuid` | `:productId` |
/// | ``number`` | | `product_id` | |
/// | ``title`` | `title` | `name` | `title` |
/// | ``description`` / ``shortDescription`` | `description` | `description` / `short_description` | |
/// | ``urlKey``, ``metaTitle``, ``metaDescription``, ``metaKeywords`` | | `url_key`, `meta_*` | |
/// | ``brand``, ``productURL`` | `external_brand`, `affiliate_url` | | |
/// | ``imageURLs`` | `photo_urls` | `images` | |
/// | ``tags`` / ``categoryIDs`` | `tags` | `category_id`, `categories` | |
/// | ``attributeGroupID``, ``attributes``, ``options`` | | `group_id`, `attributes`, `options` | |
/// | ``isActive`` / ``isVisible`` / ``isPurchasable`` | `active` / — / `purchasable` | `status` / `visibility` / — | |
/// | ``variants`` | `variants` | `sku`, `price`, `qty`, `weight`, ... as one variant | |
/// | ``pricing``, ``competitors`` | | | `minPrice` ... `active`, competitors |
///
/// ## Active, visible, purchasable
///
/// Spring separates *viewable* from *buyable*: an ``isActive`` product is shown even while it
/// cannot be bought (a backorder); ``isPurchasable`` false marks it out of stock. EverShop's
/// `status` maps to ``isActive`` and its `visibility` (shown in listings on its own) to
/// ``isVisible``.
///
/// ## Storage fields
///
/// ``version``, ``createdAt``, ``updatedAt`` and ``deletedAt`` belong to the ``CatalogStore``: it
/// stamps them in every write and ignores what the caller put there. A product that was never
/// stored has version 0 and no timestamps. A deleted product is kept with ``deletedAt`` set
/// (soft deletion); writing it again undeletes it, as Spring's `PUT` does.
public struct Product: Sendable, Hashable, Codable {
    /// Every stored value, in one copy-on-write box: a product is copied whole by lists, pages
    /// and maps, and a copy now costs one retain instead of one per string and array.
    private struct Fields: Sendable, Hashable, Codable {
        var id: ProductID
        var number: Int64?
        var owner: String?
        var title: String
        var description: String?
        var shortDescription: String?
        var urlKey: URLKey?
        var metaTitle: String?
        var metaDescription: String?
        var metaKeywords: String?
        var brand: String?
        var productURL: String?
        var imageURLs: [String]
        var tags: [String]
        var categoryIDs: [String]
        var attributeGroupID: String?
        var attributes: [ProductAttribute]
        var options: [ProductOption]
        var variants: [Variant]
        var isActive: Bool
        var isVisible: Bool
        var isPurchasable: Bool
        var pricing: PricingSettings?
        var competitors: [Competitor]
        var version: Int64
        var createdAt: Date?
        var updatedAt: Date?
        var deletedAt: Date?
    }

    /// The shared box behind copies of one product. (The API key record has one of its
    /// own: a generic box in another module measured a copy of the whole box on every change.)
    private final class Storage: @unchecked Sendable {
        // @unchecked: `fields` is only mutated through `Product.fields`, which copies the box
        // first unless this value holds the only reference.
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// The box this copy shares with others until one of them changes.
    private var storage: Storage

    /// The values, copied out of a shared box before the first change.
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// The id partners address the product by.
    public var id: ProductID {
        get { storage.fields.id }
        _modify { yield &fields.id }
    }
    /// A numeric id shown next to ``id`` (EverShop's `product_id`). The store assigns the next
    /// free number on insert when it is `nil`, and it never changes afterwards.
    public var number: Int64? {
        get { storage.fields.number }
        _modify { yield &fields.number }
    }
    /// Who owns the product: a vendor, a brand account or an API key id, as the host decides.
    /// Spring lists only the products created with the calling key; list queries filter on it.
    public var owner: String? {
        get { storage.fields.owner }
        _modify { yield &fields.owner }
    }
    /// The product's name (Spring's `title`, at most 255 characters there; EverShop's `name`).
    public var title: String {
        get { storage.fields.title }
        _modify { yield &fields.title }
    }
    /// The long description.
    public var description: String? {
        get { storage.fields.description }
        _modify { yield &fields.description }
    }
    /// A short description (EverShop's `short_description`).
    public var shortDescription: String? {
        get { storage.fields.shortDescription }
        _modify { yield &fields.shortDescription }
    }
    /// The storefront path segment, unique across live products.
    public var urlKey: URLKey? {
        get { storage.fields.urlKey }
        _modify { yield &fields.urlKey }
    }
    /// The page title for search engines (EverShop's `meta_title`).
    public var metaTitle: String? {
        get { storage.fields.metaTitle }
        _modify { yield &fields.metaTitle }
    }
    /// The page description for search engines (EverShop's `meta_description`).
    public var metaDescription: String? {
        get { storage.fields.metaDescription }
        _modify { yield &fields.metaDescription }
    }
    /// Search keywords (EverShop's `meta_keywords`).
    public var metaKeywords: String? {
        get { storage.fields.metaKeywords }
        _modify { yield &fields.metaKeywords }
    }
    /// The brand, label or manufacturer (Spring's `external_brand`; required there but nullable).
    public var brand: String? {
        get { storage.fields.brand }
        _modify { yield &fields.brand }
    }
    /// The product page or affiliate link (Spring's `affiliate_url`), exactly as received.
    public var productURL: String? {
        get { storage.fields.productURL }
        _modify { yield &fields.productURL }
    }
    /// Product image URLs in display order, exactly as received.
    public var imageURLs: [String] {
        get { storage.fields.imageURLs }
        _modify { yield &fields.imageURLs }
    }
    /// Free-form labels; Spring calls its product categories `tags`.
    public var tags: [String] {
        get { storage.fields.tags }
        _modify { yield &fields.tags }
    }
    /// Ids of the categories the product belongs to (EverShop's `category_id` / `categories`).
    public var categoryIDs: [String] {
        get { storage.fields.categoryIDs }
        _modify { yield &fields.categoryIDs }
    }
    /// The attribute group that defines which attributes apply (EverShop's `group_id`).
    public var attributeGroupID: String? {
        get { storage.fields.attributeGroupID }
        _modify { yield &fields.attributeGroupID }
    }
    /// Product-level attributes, in the order received.
    public var attributes: [ProductAttribute] {
        get { storage.fields.attributes }
        _modify { yield &fields.attributes }
    }
    /// Customer choices with optional extra prices.
    public var options: [ProductOption] {
        get { storage.fields.options }
        _modify { yield &fields.options }
    }
    /// The sellable variants; their SKUs are unique across the live catalogue.
    public var variants: [Variant] {
        get { storage.fields.variants }
        _modify { yield &fields.variants }
    }
    /// Whether the product is shown at all (Spring's `active`, EverShop's `status`).
    public var isActive: Bool {
        get { storage.fields.isActive }
        _modify { yield &fields.isActive }
    }
    /// Whether the product is listed on its own (EverShop's `visibility`).
    public var isVisible: Bool {
        get { storage.fields.isVisible }
        _modify { yield &fields.isVisible }
    }
    /// Whether the product can be bought now (Spring's `purchasable`); an active product that is
    /// not purchasable is shown as out of stock.
    public var isPurchasable: Bool {
        get { storage.fields.isPurchasable }
        _modify { yield &fields.isPurchasable }
    }
    /// Repricing settings, for products a repricer such as ShopiSync monitors.
    public var pricing: PricingSettings? {
        get { storage.fields.pricing }
        _modify { yield &fields.pricing }
    }
    /// Competitor offers being tracked for this product.
    public var competitors: [Competitor] {
        get { storage.fields.competitors }
        _modify { yield &fields.competitors }
    }
    /// The record's version for optimistic concurrency: 0 before the first write, then
    /// incremented by the store on every write.
    public var version: Int64 {
        get { storage.fields.version }
        _modify { yield &fields.version }
    }
    /// When the store first wrote the product.
    public var createdAt: Date? {
        get { storage.fields.createdAt }
        _modify { yield &fields.createdAt }
    }
    /// When the store last wrote the product.
    public var updatedAt: Date? {
        get { storage.fields.updatedAt }
        _modify { yield &fields.updatedAt }
    }
    /// When the product was deleted; `nil` while it is live.
    public var deletedAt: Date? {
        get { storage.fields.deletedAt }
        _modify { yield &fields.deletedAt }
    }

    /// Creates a product that has not been stored yet (version 0, no timestamps).
    ///
    /// - Parameters:
    ///   - id: The product's id.
    ///   - number: A numeric id; leave `nil` to let the store assign one.
    ///   - owner: The owning vendor, brand or key.
    ///   - title: The name.
    ///   - description: The long description.
    ///   - shortDescription: A short description.
    ///   - urlKey: The storefront path segment.
    ///   - metaTitle: The page title for search engines.
    ///   - metaDescription: The page description for search engines.
    ///   - metaKeywords: Search keywords.
    ///   - brand: The brand or manufacturer.
    ///   - productURL: The product page or affiliate link.
    ///   - imageURLs: Product image URLs.
    ///   - tags: Free-form labels or categories.
    ///   - categoryIDs: Category ids.
    ///   - attributeGroupID: The attribute group.
    ///   - attributes: Product-level attributes.
    ///   - options: Customer choices.
    ///   - variants: The sellable variants.
    ///   - isActive: Whether it is shown; `true` unless stated.
    ///   - isVisible: Whether it is listed on its own; `true` unless stated.
    ///   - isPurchasable: Whether it can be bought; `true` unless stated.
    ///   - pricing: Repricing settings.
    ///   - competitors: Tracked competitor offers.
    public init(
        id: ProductID,
        number: Int64? = nil,
        owner: String? = nil,
        title: String,
        description: String? = nil,
        shortDescription: String? = nil,
        urlKey: URLKey? = nil,
        metaTitle: String? = nil,
        metaDescription: String? = nil,
        metaKeywords: String? = nil,
        brand: String? = nil,
        productURL: String? = nil,
        imageURLs: [String] = [],
        tags: [String] = [],
        categoryIDs: [String] = [],
        attributeGroupID: String? = nil,
        attributes: [ProductAttribute] = [],
        options: [ProductOption] = [],
        variants: [Variant] = [],
        isActive: Bool = true,
        isVisible: Bool = true,
        isPurchasable: Bool = true,
        pricing: PricingSettings? = nil,
        competitors: [Competitor] = []
    ) {
        storage = Storage(
            Fields(
                id: id,
                number: number,
                owner: owner,
                title: title,
                description: description,
                shortDescription: shortDescription,
                urlKey: urlKey,
                metaTitle: metaTitle,
                metaDescription: metaDescription,
                metaKeywords: metaKeywords,
                brand: brand,
                productURL: productURL,
                imageURLs: imageURLs,
                tags: tags,
                categoryIDs: categoryIDs,
                attributeGroupID: attributeGroupID,
                attributes: attributes,
                options: options,
                variants: variants,
                isActive: isActive,
                isVisible: isVisible,
                isPurchasable: isPurchasable,
                pricing: pricing,
                competitors: competitors,
                version: 0,
                createdAt: nil,
                updatedAt: nil,
                deletedAt: nil
            ))
    }

    /// Whether the product is soft-deleted.
    public var isDeleted: Bool { deletedAt != nil }

    /// The variant with `sku`, if the product has one.
    ///
    /// - Parameter sku: The SKU to look for.
    /// - Returns: The variant, or `nil`.
    /// - Complexity: O(*n*) in the number of variants.
    public func variant(sku: SKU) -> Variant? {
        variants.first { $0.sku == sku }
    }

    /// Decodes the members a synthesized `Codable` product has always had.
    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    /// Encodes the same members as before the values moved into a box.
    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// Whether every value is equal; two copies of one box are equal without comparing.
    public static func == (lhs: Product, rhs: Product) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes every value.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}
