import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

private struct Variant: SchemaDecodable, Equatable {
    static let schema = Schema.object([
        .required("sku", .string(minLength: 1)),
        .required("price", .decimal(maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
        .optional("active", .boolean(coercion: .acceptingZeroOne), default: true),
        .optional("attributes", .dictionary(values: .string())),
    ])
    var sku: String
    var price: Decimal
    var active: Bool
    var attributes: [String: String]

    init(validated fields: ValidatedFields) {
        sku = fields.string("sku")
        price = fields.decimal("price")
        active = fields.bool("active")
        attributes = fields.stringDictionary("attributes")
    }
}

private struct Product: SchemaDecodable {
    static let schema = Schema.object([
        .required("title", .string(maxLength: 255)),
        .required("brand", .string(), nullable: true),
        .required("variants", .array(of: Variant.schema, minItems: 1, uniqueBy: .field("sku"))),
    ])
    var title: String
    var brand: String?
    var variants: [Variant]

    init(validated fields: ValidatedFields) {
        title = fields.string("title")
        brand = fields.optionalString("brand")
        variants = fields.decodeArray("variants")
    }
}

@Suite("Decoding models through their schema")
struct SchemaDecodableTests {
    @Test("decodes bytes into a model, with coercions and defaults applied")
    func decodes() throws {
        let json = #"""
            {"title": "Cathat", "brand": null, "variants": [
              {"sku": "A1", "price": "14.95", "attributes": {"color": "Green"}},
              {"sku": "A2", "price": 14.95, "active": 0}
            ]}
            """#
        let product = try Product.decode(json: Array(json.utf8))
        #expect(product.title == "Cathat")
        #expect(product.brand == nil)
        #expect(product.variants.map(\.sku) == ["A1", "A2"])
        #expect(product.variants.map(\.price) == [Decimal(string: "14.95"), Decimal(string: "14.95")])
        #expect(product.variants.map(\.active) == [true, false])
        #expect(product.variants[0].attributes == ["color": "Green"])
    }

    @Test("throws every issue at once, each with its JSON Pointer")
    func reportsEveryIssue() {
        let json = #"{"title": 5, "variants": [{"sku": "", "price": "1.234"}, {"sku": "B", "price": "x"}]}"#
        do {
            _ = try Product.decode(json: Array(json.utf8))
            Issue.record("decoding should fail")
        } catch {
            #expect(
                error.issues.map { "\($0.path) \($0.code)" } == [
                    "/title type_mismatch", "/variants/0/sku too_short",
                    "/variants/0/price too_many_fraction_digits", "/variants/1/price type_mismatch", "/brand required",
                ]
            )
        }
    }

    @Test("a body that is not JSON fails with the parse position")
    func invalidJSON() {
        do {
            _ = try Product.decode(json: Array(#"{"title": "a",}"#.utf8))
            Issue.record("decoding should fail")
        } catch {
            #expect(error.issues.map(\.code) == ["invalid_json"])
            #expect(error.issues.first?.column == 15)
        }
    }
}
