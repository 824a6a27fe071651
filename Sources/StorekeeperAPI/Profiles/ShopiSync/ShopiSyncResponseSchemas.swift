import StorekeeperSchema

/// The shapes of ShopiSync's response data, for its OpenAPI document.
enum ShopiSyncResponseSchemas {
    static let money = Schema.decimal()
    static let instant = Schema.string(format: .dateTime)

    static let competitor = Schema.object([
        .required("id", .string()),
        .required("name", .string()),
        .required("url", .string(), nullable: true),
        .required("currentPrice", money, nullable: true),
        .required("lastChecked", instant, nullable: true),
    ])

    static let pricePoint = Schema.object([
        .required("price", .decimal()),
        .required("currency", .string(minLength: 3, maxLength: 3)),
        .required("recordedAt", .string(format: .dateTime)),
        .required("reason", .string(), nullable: true),
    ])

    static let productFields: [SchemaField] = [
        .required("id", .string()),
        .required("title", .string()),
        .required("sku", .string(), nullable: true),
        .required("currency", .string(minLength: 3, maxLength: 3)),
        .required("currentPrice", money, nullable: true),
        .required("minPrice", money, nullable: true),
        .required("maxPrice", money, nullable: true),
        .required("costPrice", money, nullable: true),
        .required("autoReprice", .boolean()),
        .required("active", .boolean()),
        .required("competitors", .array(of: competitor)),
        .required("createdAt", instant, nullable: true),
        .required("updatedAt", instant, nullable: true),
    ]

    static let product = Schema.object(productFields)

    static let productDetail = Schema.object(productFields + [.required("priceHistory", .array(of: pricePoint))])

    static let competitorWithProduct = Schema.object([
        .required("id", .string()),
        .required("name", .string()),
        .required("url", .string(), nullable: true),
        .required("currentPrice", money, nullable: true),
        .required("lastChecked", instant, nullable: true),
        .required(
            "product",
            .object([
                .required("id", .string()), .required("title", .string()),
                .required("currentPrice", money, nullable: true),
            ])),
    ])

    static let stats = Schema.object([
        .required("totalProducts", .integer(minimum: 0)),
        .required("activeProducts", .integer(minimum: 0)),
        .required("totalCompetitors", .integer(minimum: 0)),
        .required("priceChangesLast24h", .integer(minimum: 0)),
        .required("plan", .string(), nullable: true),
        .required("shopDomain", .string(), nullable: true),
    ])

    static let echo = Schema.object([.required("echo", .any), .required("timestamp", .string(format: .dateTime))])
}
