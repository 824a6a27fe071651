#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One sellable version of a product, identified by its SKU: a size, a colour, or the only
/// version of a simple product.
///
/// It carries every variant field of the five partner documents: Spring's `sku`, `price`,
/// `original_price`, `available_inventory`, `size` (here ``displayName``), `image_urls` and
/// `attributes`; EverShop's product-level `sku`, `price`, `weight`, `qty`, `manage_stock` and
/// `stock_availability` (an EverShop product is one variant).
///
/// ``quantity`` is the stock the partner declared with the product. Live stock that a source
/// keeps updating, with timestamps and reservations, is an ``InventoryLevel``.
public struct Variant: Sendable, Hashable, Codable {
    /// The variant's SKU, unique across the live catalogue.
    public var sku: SKU
    /// The price a customer pays.
    public var price: Money
    /// The list price when the variant is on sale (Spring's `original_price`), if given.
    public var originalPrice: Money?
    /// The attribute values shown to a customer, such as `"Black 7"` (Spring's `size`, at most 30 characters there).
    public var displayName: String?
    /// Image URLs of this variant, in display order, exactly as received.
    public var imageURLs: [String]
    /// The variation attributes, such as `color: Green`, in the order received.
    public var attributes: [ProductAttribute]
    /// Units available to sell as the partner declared them (Spring's `available_inventory`, EverShop's `qty`).
    public var quantity: Int
    /// Whether stock is tracked for this variant (EverShop's `manage_stock`).
    public var managesStock: Bool
    /// Whether the variant is marked in stock (EverShop's `stock_availability`).
    public var isInStock: Bool
    /// The shipping weight in the store's unit (EverShop's `weight`), if given.
    public var weight: Decimal?

    /// Creates a variant.
    ///
    /// - Parameters:
    ///   - sku: The SKU.
    ///   - price: The price.
    ///   - originalPrice: The list price when on sale.
    ///   - displayName: The attribute values as shown to a customer.
    ///   - imageURLs: Image URLs in display order.
    ///   - attributes: Variation attributes.
    ///   - quantity: Units available to sell; zero unless stated.
    ///   - managesStock: Whether stock is tracked; `true` unless stated.
    ///   - isInStock: Whether it is marked in stock; `true` unless stated.
    ///   - weight: The shipping weight.
    public init(
        sku: SKU,
        price: Money,
        originalPrice: Money? = nil,
        displayName: String? = nil,
        imageURLs: [String] = [],
        attributes: [ProductAttribute] = [],
        quantity: Int = 0,
        managesStock: Bool = true,
        isInStock: Bool = true,
        weight: Decimal? = nil
    ) {
        self.sku = sku
        self.price = price
        self.originalPrice = originalPrice
        self.displayName = displayName
        self.imageURLs = imageURLs
        self.attributes = attributes
        self.quantity = quantity
        self.managesStock = managesStock
        self.isInStock = isInStock
        self.weight = weight
    }
}
