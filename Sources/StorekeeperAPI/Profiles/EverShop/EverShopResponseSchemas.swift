import StorekeeperJSON
import StorekeeperSchema

/// The shapes of EverShop's response data, for its OpenAPI document.
enum EverShopResponseSchemas {
    static let flag = Schema.enumeration([0, 1])
    static let text = Schema.string()
    static let link = Schema.object([
        .required("rel", .string()), .required("href", .string()), .required("action", .string()),
        .required("types", .array(of: .string())),
    ])

    static let columns: [SchemaField] = [
        .required("product_id", .integer(minimum: 1)),
        .required("uuid", .string()),
        .required("variant_group_id", .null, nullable: true),
        .required("visibility", flag),
        .required("group_id", .oneOf([.integer(), .string()]), nullable: true),
        .required("image", text, nullable: true),
        .required("sku", .string()),
        .required("price", .decimal()),
        .required("qty", .integer()),
        .required("weight", .decimal(), nullable: true),
        .required("manage_stock", flag),
        .required("stock_availability", flag),
        .required("tax_class", .null, nullable: true),
        .required("status", flag),
        .required("created_at", .string()),
        .required("updated_at", .string()),
    ]

    static let description: [SchemaField] = [
        .required("product_description_id", .integer(), nullable: true),
        .required("product_description_product_id", .integer(), nullable: true),
        .required("name", text, nullable: true),
        .required("description", text, nullable: true),
        .required("short_description", text, nullable: true),
        .required("url_key", text, nullable: true),
        .required("meta_title", text, nullable: true),
        .required("meta_description", text, nullable: true),
        .required("meta_keywords", text, nullable: true),
    ]

    static let written = Schema.object(columns + description + [.optional("links", .array(of: link))])

    static let detail = Schema.object(
        columns + description + [
            .required("images", .array(of: .string())),
            .required("attributes", .array(of: .any)),
            .required("options", .array(of: .any)),
            .required("categories", .array(of: .oneOf([.integer(), .string()]))),
            .required("links", .array(of: link)),
        ])

    static let listItem = Schema.object(
        columns + [
            .required("name", .string()), .required("url_key", text, nullable: true),
            .required("links", .array(of: link)),
        ])
}
