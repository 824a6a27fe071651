import StorekeeperJSON
import StorekeeperSchema

/// The shapes of the Everspring profile's response bodies, for its OpenAPI document.
enum EverspringResponseSchemas {
    static let environment = SchemaField.optional("environment", .string())

    /// `{"data": <item>}`.
    static func data(_ item: Schema) -> Schema {
        .object([.required("data", item), environment])
    }

    /// `{"object": "list", "data": [...], "has_more", "next_cursor", "previous_cursor"}`.
    static func list(_ item: Schema) -> Schema {
        .object([
            .required("object", .enumeration(["list"])),
            .required("data", .array(of: item)),
            .required("has_more", .boolean()),
            .required("next_cursor", .string(), nullable: true),
            .required("previous_cursor", .string(), nullable: true),
            environment,
        ])
    }

    static let apiUser = Schema.object([
        .required("id", .string()),
        .required("name", .string()),
        .required("start", .string()),
        .required("created_at", .string(format: .dateTime), nullable: true),
        .required("last_used_at", .string(format: .dateTime), nullable: true),
        .required("revoked_at", .string(format: .dateTime), nullable: true),
    ])

    static let newAPIUser = data(
        .object([
            .required("id", .string()),
            .required("name", .string()),
            .required("start", .string()),
            .required("created_at", .string(format: .dateTime), nullable: true),
            .required("last_used_at", .string(format: .dateTime), nullable: true),
            .required("revoked_at", .string(format: .dateTime), nullable: true),
            .required("key", .string().described("The key's plaintext, shown this once")),
        ]))

    static let mapping = Schema.object([
        .required("everspring_sku", .string()), .required("retailer_sku", .string()),
    ])

    static let webhook = Schema.object([
        .required("id", .string()),
        .required("url", .string(format: .url)),
        .required("events", .array(of: .string())),
        .required("secret", .string().described("The signing secret, shown this once")),
        .required("retailer", .string()),
    ])
}
