import StorekeeperJSON
public import StorekeeperSchema

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of EverShop's `POST /api/products` and `PATCH /api/products/:uuid` (seed 002).
///
/// EverShop is lenient where its document says so, and only there: `status`, `visibility`,
/// `manage_stock`, `stock_availability` and `is_required` take `0`, `1`, `"0"` or `"1"`;
/// `price`, `weight`, `qty` and `extra_price` take a number or a numeric string; `group_id` and
/// `category_id` a string or an integer. `url_key` must match `^\S+$`. A create needs `name`,
/// `url_key`, `meta_title`, `status`, `sku`, `price`, `weight`, `qty`, `group_id` and
/// `visibility` (``createSchema``); an update needs nothing (``updateSchema``) and changes only
/// the members it sends.
public struct EverShopProductInput: Sendable {
    /// `0`, `1`, `"0"` or `"1"`.
    static let flag = Schema.boolean(coercion: .acceptingZeroOne)
    /// A non-negative number or numeric string.
    static let amount = Schema.decimal(minimum: 0, coercion: .acceptingNumericStrings)
    /// A string or an integer.
    static let identifier = Schema.oneOf([.string(minLength: 1), .integer()])

    static let attribute = Schema.object([
        .optional("attribute_code", .string(minLength: 1)),
        .optional("value", .oneOf([.string(), .array(of: .string())])),
    ])

    static func option(forUpdate: Bool) -> Schema {
        let value: Schema =
            forUpdate
            ? .object([
                .optional("value_id", .integer(minimum: 1)),
                .required("value", .string()),
                .required("extra_price", amount),
            ])
            : .object([.optional("value", .string()), .optional("extra_price", amount)])
        var fields: [SchemaField] = [
            .required("option_name", .string(minLength: 1)),
            .required("option_type", .enumeration(["select", "multiselect"])),
            .optional("is_required", flag),
            .required("values", .array(of: value)),
        ]
        if forUpdate { fields.insert(.optional("option_id", .integer(minimum: 1)), at: 0) }
        return .object(fields)
    }

    static func fields(forUpdate: Bool) -> [SchemaField] {
        func field(_ name: String, _ schema: Schema, requiredOnCreate: Bool) -> SchemaField {
            requiredOnCreate && !forUpdate ? .required(name, schema) : .optional(name, schema)
        }
        var fields: [SchemaField] = [
            field("name", .string(minLength: 1), requiredOnCreate: true),
            .optional("description", .string()),
            .optional("short_description", .string()),
            field("url_key", .string(pattern: .noWhitespace), requiredOnCreate: true),
            field("meta_title", .string(), requiredOnCreate: true),
            .optional("meta_description", .string()),
            .optional("meta_keywords", .string()),
            field("status", flag, requiredOnCreate: true),
            field("sku", .string(minLength: 1), requiredOnCreate: true),
            field("price", amount, requiredOnCreate: true),
            field("weight", amount, requiredOnCreate: true),
            field("qty", .integer(coercion: .acceptingNumericStrings), requiredOnCreate: true),
            .optional("manage_stock", flag),
            .optional("stock_availability", flag),
            field("group_id", identifier, requiredOnCreate: true),
            field("visibility", flag, requiredOnCreate: true),
            .optional("images", .array(of: .string())),
            .optional("attributes", .array(of: attribute)),
            .optional("options", .array(of: option(forUpdate: forUpdate))),
        ]
        if forUpdate {
            fields.append(.optional("categories", .array(of: identifier)))
        } else {
            fields.append(.optional("category_id", identifier, nullable: true))
        }
        return fields
    }

    /// The schema of a create: the seed's required members must be present.
    public static let createSchema = Schema.object(fields(forUpdate: false))

    /// The schema of an update: every member optional.
    public static let updateSchema = Schema.object(fields(forUpdate: true))

    /// The validated body.
    public let fields: ValidatedFields

    /// An input from a body validated by ``createSchema`` or ``updateSchema``.
    public init(validated fields: ValidatedFields) {
        self.fields = fields
    }

    /// Whether the body sends `name`; a create always does.
    public func has(_ member: String) -> Bool {
        fields[member] != nil
    }

    /// A new product from a create body.
    ///
    /// - Parameters:
    ///   - id: The product's id (EverShop's `uuid`).
    ///   - currency: The store's currency, in which `price` and `extra_price` are read.
    /// - Throws: ``CatalogError`` or ``MoneyError`` when a value is not a valid SKU, URL key or price.
    public func newProduct(id: ProductID, currency: Currency) throws -> Product {
        let blank = Product(
            id: id, title: "",
            variants: [Variant(sku: try SKU(fields.string("sku")), price: .zero(in: currency))])
        return try applied(to: blank, currency: currency)
    }

    /// `product` with the members this body sends changed, and nothing else.
    ///
    /// - Throws: ``CatalogError`` or ``MoneyError`` when a value is not a valid SKU, URL key or price.
    public func applied(to product: Product, currency: Currency) throws -> Product {
        var product = product
        var variant: Variant
        if let first = product.variants.first {
            variant = first
        } else {
            variant = Variant(sku: try SKU(fields.string("sku")), price: .zero(in: currency))
        }
        if let name = fields.optionalString("name") { product.title = name }
        if has("description") { product.description = fields.optionalString("description") }
        if has("short_description") { product.shortDescription = fields.optionalString("short_description") }
        if let urlKey = fields.optionalString("url_key") { product.urlKey = try URLKey(urlKey) }
        if let metaTitle = fields.optionalString("meta_title") { product.metaTitle = metaTitle }
        if has("meta_description") { product.metaDescription = fields.optionalString("meta_description") }
        if has("meta_keywords") { product.metaKeywords = fields.optionalString("meta_keywords") }
        if let status = fields.optionalBool("status") { product.isActive = status }
        if let visibility = fields.optionalBool("visibility") { product.isVisible = visibility }
        if let group = fields["group_id"], let text = Self.identifierText(group) { product.attributeGroupID = text }
        if has("images") { product.imageURLs = fields.strings("images") }
        if has("attributes") { product.attributes = Self.attributes(fields.fieldsArray("attributes")) }
        if let category = fields["category_id"] {
            product.categoryIDs = Self.identifierText(category).map { [$0] } ?? []
        }
        if let categories = fields["categories"]?.array {
            product.categoryIDs = categories.compactMap(Self.identifierText)
        }
        if has("options") {
            product.options = try fields.fieldsArray("options").map { try Self.option($0, currency: currency) }
        }
        if let sku = fields.optionalString("sku") { variant.sku = try SKU(sku) }
        if let price = fields["price"]?.number { variant.price = try Money(jsonNumber: price, currency: currency) }
        if let weight = fields.optionalDecimal("weight") { variant.weight = weight }
        if let quantity = fields.optionalInt64("qty") { variant.quantity = Int(clamping: quantity) }
        if let manageStock = fields.optionalBool("manage_stock") { variant.managesStock = manageStock }
        if let available = fields.optionalBool("stock_availability") { variant.isInStock = available }
        product.variants = [variant] + product.variants.dropFirst()
        return product
    }

    static func identifierText(_ value: JSONValue) -> String? {
        value.string ?? value.number?.text
    }

    static func attributes(_ entries: [ValidatedFields]) -> [ProductAttribute] {
        entries.compactMap { entry in
            guard let code = entry.optionalString("attribute_code") else { return nil }
            if let list = entry["value"]?.array {
                return ProductAttribute(code: code, value: .list(list.compactMap(\.string)))
            }
            return ProductAttribute(code: code, value: .text(entry.optionalString("value") ?? ""))
        }
    }

    static func option(_ entry: ValidatedFields, currency: Currency) throws -> ProductOption {
        ProductOption(
            id: entry.optionalInt64("option_id"),
            name: entry.string("option_name"),
            kind: ProductOption.Kind(rawValue: entry.string("option_type")) ?? .select,
            isRequired: entry.optionalBool("is_required") ?? false,
            values: try entry.fieldsArray("values").map { value in
                ProductOption.Value(
                    id: value.optionalInt64("value_id"),
                    value: value.optionalString("value"),
                    extraPrice: try value["extra_price"]?.number.map { try Money(jsonNumber: $0, currency: currency) })
            })
    }
}
