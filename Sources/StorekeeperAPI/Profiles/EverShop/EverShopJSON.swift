import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How EverShop writes a product: snake_case members, flags as `0`/`1`, timestamps as
/// `YYYY-MM-DD HH:MM:SS`, and `links` to the admin grid, the storefront page and the edit page.
enum EverShopJSON {
    enum Shape {
        /// A list item: the product's columns, `name`, `url_key` and the view and edit links.
        case listItem
        /// A single product: every column, its description, images, attributes, options,
        /// categories and all three links.
        case detail
        /// What a create or update returns: the columns and description, all three links.
        case written
        /// What a delete returns: the columns, with the deleted description's members null.
        case deleted
    }

    static func product(_ product: Product, shape: Shape) -> JSONValue {
        let variant = product.variants.first
        let number: JSONValue = product.number.map { .number(JSONNumber($0)) } ?? nil
        var object: JSONObject = [
            "product_id": number,
            "uuid": .string(product.id.rawValue),
            "variant_group_id": nil,
            "visibility": flag(product.isVisible),
            "group_id": identifier(product.attributeGroupID),
            "image": product.imageURLs.first.map { .string($0) } ?? nil,
            "sku": variant.map { .string($0.sku.rawValue) } ?? nil,
            "price": variant.map { .number($0.price.jsonNumber) } ?? nil,
            "qty": .number(JSONNumber(variant?.quantity ?? 0)),
            "weight": variant?.weight.flatMap(JSONNumber.init).map { .number($0) } ?? nil,
            "manage_stock": flag(variant?.managesStock ?? true),
            "stock_availability": flag(variant?.isInStock ?? true),
            "tax_class": nil,
            "status": flag(product.isActive),
            "created_at": timestamp(product.createdAt),
            "updated_at": timestamp(product.updatedAt),
        ]
        let description: [(String, JSONValue)] = [
            ("name", .string(product.title)),
            ("description", text(product.description)),
            ("short_description", text(product.shortDescription)),
            ("url_key", text(product.urlKey?.rawValue)),
            ("meta_title", text(product.metaTitle)),
            ("meta_description", text(product.metaDescription)),
            ("meta_keywords", text(product.metaKeywords)),
        ]
        switch shape {
        case .listItem:
            object.append("name", .string(product.title))
            object.append("url_key", text(product.urlKey?.rawValue))
        case .detail, .written:
            object.append("product_description_id", number)
            object.append("product_description_product_id", number)
            for (name, value) in description { object.append(name, value) }
        case .deleted:
            object.append("product_description_id", nil)
            object.append("product_description_product_id", nil)
            for (name, _) in description { object.append(name, nil) }
        }
        if case .detail = shape {
            object.append("images", .array(product.imageURLs.map { .string($0) }))
            object.append("attributes", .array(product.attributes.map(attribute)))
            object.append("options", .array(product.options.map(option)))
            object.append("categories", .array(product.categoryIDs.map(identifier)))
        }
        if case .deleted = shape { return .object(object) }
        var links: [JSONValue] = []
        if case .listItem = shape {
        } else {
            links.append(link("productGrid", "/admin/products"))
        }
        if let urlKey = product.urlKey { links.append(link("view", "/product/" + urlKey.rawValue)) }
        links.append(link("edit", "/admin/products/edit/" + product.id.rawValue))
        object.append("links", .array(links))
        return .object(object)
    }

    static func link(_ rel: String, _ href: String) -> JSONValue {
        ["rel": .string(rel), "href": .string(href), "action": "GET", "types": ["text/xml"]]
    }

    static func flag(_ value: Bool) -> JSONValue {
        .number(JSONNumber(value ? 1 : 0))
    }

    static func text(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? nil
    }

    /// An id written as a number when it is one (EverShop's integer ids), as a string otherwise.
    static func identifier(_ value: String?) -> JSONValue {
        guard let value else { return nil }
        if let number = Int64(value), String(number) == value { return .number(JSONNumber(number)) }
        return .string(value)
    }

    static func attribute(_ attribute: ProductAttribute) -> JSONValue {
        let value: JSONValue =
            switch attribute.value {
            case .text(let text): .string(text)
            case .list(let list): .array(list.map { .string($0) })
            }
        return ["attribute_code": .string(attribute.code), "value": value]
    }

    static func option(_ option: ProductOption) -> JSONValue {
        [
            "option_id": option.id.map { .number(JSONNumber($0)) } ?? nil,
            "option_name": .string(option.name),
            "option_type": .string(option.kind.rawValue),
            "is_required": flag(option.isRequired),
            "values": .array(
                option.values.map { value in
                    [
                        "value_id": value.id.map { .number(JSONNumber($0)) } ?? nil,
                        "value": text(value.value),
                        "extra_price": value.extraPrice.map { .number($0.jsonNumber) } ?? nil,
                    ]
                }),
        ]
    }

    /// `2023-02-07 00:01:46`, in UTC.
    static func timestamp(_ date: Date?) -> JSONValue {
        guard let date else { return nil }
        let iso = InternetDateTime.format(date)
        return .string(String(iso.dropLast()).replacing("T", with: " "))
    }
}
