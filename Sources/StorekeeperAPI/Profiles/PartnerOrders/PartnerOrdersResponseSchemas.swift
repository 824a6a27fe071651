import StorekeeperSchema

/// The shapes of the partner orders API's response data, for its OpenAPI document.
enum PartnerOrdersResponseSchemas {
    static let order = Schema.object([
        .required("id", .string()),
        .required("reference", .string()),
        .required("vendor_id", .string()),
        .required("chain_id", .string(), nullable: true),
        .required("status", .string()),
        .required("currency", .string(minLength: 3, maxLength: 3)),
        .required("total", .decimal()),
        .required(
            "lines",
            .array(
                of: .object([
                    .required("sku", .string()), .required("quantity", .integer(minimum: 1)),
                    .required("unit_price", .decimal()), .required("total", .decimal()),
                ]))),
        .required(
            "status_history",
            .array(
                of: .object([
                    .required("status", .string()), .required("time", .string(format: .dateTime)),
                    .required("actor", .string()), .required("reason", .string(), nullable: true),
                ]))),
        .required("created_at", .string(format: .dateTime)),
        .required("updated_at", .string(format: .dateTime)),
    ])

    static let orderPage = Schema.object([
        .required("data", .array(of: order)),
        .required(
            "pagination",
            .object([
                .required("page", .integer(minimum: 1)), .required("page_size", .integer(minimum: 1)),
                .optional("total_items", .integer(minimum: 0)), .optional("total_pages", .integer(minimum: 0)),
            ])),
    ])
}
