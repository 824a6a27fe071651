import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Everspring wire format")
struct EverspringWireFormatTests {
    /// A catalogue product as `GET /everspring/v1/products` writes it, edited by `edit`.
    func product(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONValue {
        var product: JSONObject = [
            "id": "42", "title": "Monstera", "description": "A plant.", "brand": "Everspring", "active": true,
            "purchasable": false, "images": ["https://cdn.example/monstera.jpg"], "tags": ["plants"],
            "categories": ["indoor"], "attributes": [["code": "care", "value": ["water weekly", "shade"]]],
            "variants": [
                [
                    "sku": "EV-42", "name": "Pot 12 cm", "price": .number(JSONNumber(text: "12.50") ?? 0),
                    "original_price": nil, "currency": "EUR", "images": [],
                    "attributes": [["code": "size", "value": "12"]],
                ]
            ],
            "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-02T10:30:00.500+01:00",
        ]
        edit(&product)
        return .object(product)
    }

    /// The first variant of `product`, edited by `edit`.
    func variant(_ edit: @escaping (inout JSONObject) -> Void) -> JSONValue {
        product { product in
            var variant = product["variants"]?.array?.first?.object ?? [:]
            edit(&variant)
            product["variants"] = [.object(variant)]
        }
    }

    func codes(_ value: JSONValue) -> [String] {
        EverspringProduct.schema.validate(value).report.issues.map { "\($0.path) \($0.code)" }
    }

    func stockCodes(_ edit: (inout JSONObject) -> Void) -> [String] {
        var level: JSONObject = [
            "sku": "EV-42", "on_hand": 10, "reserved": 3, "available": 7, "updated_at": "2026-11-02T10:00:00Z",
        ]
        edit(&level)
        return EverspringStockUpdate.schema.validate(.object(level)).report.issues.map { "\($0.path) \($0.code)" }
    }

    /// `schema` exported as compact JSON Schema text.
    func exported(_ schema: Schema) -> String {
        String(decoding: JSONWriter().serialize(schema.jsonSchema()), as: UTF8.self)
    }

    @Test("the stock-update item, the variant and the attribute export as JSON Schema 2020-12")
    func export() {
        let stock = #"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{\#
            "sku":{"type":"string","minLength":1,"maxLength":255,"description":"The Everspring SKU"},\#
            "on_hand":{"type":"integer","description":"Units on hand at Everspring's supplier"},\#
            "reserved":{"type":"integer","minimum":0,"description":"Units held by accepted orders"},\#
            "available":{"type":"integer","description":"on_hand - reserved; negative only on backorder"},\#
            "updated_at":{"type":"string","format":"date-time","description":"When Everspring observed the count"}},\#
            "required":["sku","on_hand","reserved","available","updated_at"],\#
            "x-rules":["available_is_on_hand_minus_reserved"]}
            """#
        #expect(exported(EverspringStockUpdate.schema) == stock.split(separator: "\n").joined())
        let attribute = #"""
            {"type":"object","properties":{\#
            "code":{"type":"string","minLength":1,"maxLength":255,"description":"The attribute's code"},\#
            "value":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]}},\#
            "required":["code","value"],"additionalProperties":false}
            """#.split(separator: "\n").joined()
        #expect(
            exported(EverspringAttribute.schema)
                == #"{"$schema":"https://json-schema.org/draft/2020-12/schema","# + attribute.dropFirst())
        let variant = [
            #"{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{"#,
            #""sku":{"type":"string","minLength":1,"maxLength":255,"description":"The Everspring SKU"},"#,
            #""name":{"anyOf":[{"type":"string"},{"type":"null"}]},"#,
            #""price":{"type":"number","minimum":0},"#,
            #""original_price":{"anyOf":[{"type":"number","minimum":0},{"type":"null"}]},"#,
            #""currency":{"type":"string","pattern":"^[A-Z]{3}$","description":"ISO 4217 code"},"#,
            #""images":{"type":"array","items":{"type":"string","format":"uri"}},"#,
            #""attributes":{"type":"array","items":"# + attribute + #","x-unique-by":"code"}},"#,
            #""required":["sku","name","price","original_price","currency","images","attributes"]}"#,
        ].joined()
        #expect(exported(EverspringVariant.schema) == variant)
        let product = EverspringProduct.schema.jsonSchema()
        #expect(
            product["required"]
                == [
                    "id", "title", "description", "brand", "active", "purchasable", "images", "tags", "categories",
                    "attributes", "variants", "created_at", "updated_at",
                ])
        #expect(product["properties"]?["variants"]?["x-unique-by"] == "sku")
        #expect(product["properties"]?["updated_at"]?["anyOf"]?[0]?["format"] == "date-time")
    }

    @Test("a catalogue product decodes and maps to the catalogue model")
    func decodesAndMaps() throws {
        let decoded = try EverspringProduct.decode(product())
        #expect(decoded.variants.map(\.sku) == ["EV-42"])
        #expect(decoded.updatedAt == Date(timeIntervalSince1970: 1_793_611_800.5))
        let canonical = try decoded.canonicalProduct(owner: "r1")
        #expect(canonical.id == (try ProductID("42")) && canonical.owner == "r1")
        #expect(canonical.isActive && !canonical.isPurchasable)
        #expect(canonical.variants.first?.price == (try Money(parsing: "12.50", currency: .eur)))
        #expect(canonical.variants.first?.displayName == "Pot 12 cm")
        #expect(canonical.attributes == [ProductAttribute(code: "care", value: .list(["water weekly", "shade"]))])
        #expect(canonical.variants.first?.attributes == [ProductAttribute(code: "size", value: .text("12"))])
        #expect(canonical.createdAt == Date(timeIntervalSince1970: 1_793_523_600))
        #expect(canonical.categoryIDs == ["indoor"] && canonical.brand == "Everspring")
    }

    @Test("every constraint of the catalogue product fails when broken and passes when kept")
    func productConstraints() {
        #expect(codes(product()) == [])
        #expect(codes(product { $0["id"] = "" }) == ["/id too_short"])
        #expect(codes(product { $0["title"] = .string(String(repeating: "t", count: 1000)) }) == [])
        #expect(codes(product { $0["title"] = 1 }) == ["/title type_mismatch"])
        #expect(codes(product { $0["description"] = nil }) == ["/description required"])
        #expect(codes(product { $0["description"] = .null }) == [])
        #expect(codes(product { $0["brand"] = .null }) == [])
        #expect(codes(product { $0["active"] = "true" }) == ["/active type_mismatch"])
        #expect(codes(product { $0["images"] = ["not a url"] }) == ["/images/0 invalid_format"])
        #expect(codes(product { $0["tags"] = [1] }) == ["/tags/0 type_mismatch"])
        #expect(codes(product { $0["variants"] = nil }) == ["/variants required"])
        #expect(codes(product { $0["updated_at"] = "yesterday" }) == ["/updated_at invalid_format"])
        #expect(codes(product { $0["updated_at"] = .null }) == [])
        #expect(
            codes(product { $0["attributes"] = [["code": "a", "value": "1"], ["code": "a", "value": "2"]] }) == [
                "/attributes/1/code duplicate"
            ])
        #expect(
            codes(product { $0["attributes"] = [["code": "a", "value": 1]] }) == ["/attributes/0/value type_mismatch"])
        #expect(
            codes(product { $0["attributes"] = [["code": "a", "value": "1", "unit": "cm"]] }) == [
                "/attributes/0/unit unknown_field"
            ])
        #expect(codes(product { $0["launched"] = true }) == [], "a member a newer API adds is ignored")
    }

    @Test("every constraint of the catalogue variant fails when broken and passes when kept")
    func variantConstraints() {
        #expect(codes(variant { $0["sku"] = "" }) == ["/variants/0/sku too_short"])
        #expect(codes(variant { $0["price"] = -1 }) == ["/variants/0/price out_of_range"])
        #expect(codes(variant { $0["price"] = "12.50" }) == ["/variants/0/price type_mismatch"])
        #expect(codes(variant { $0["original_price"] = 15 }) == [])
        #expect(codes(variant { $0["currency"] = "eur" }) == ["/variants/0/currency pattern_mismatch"])
        #expect(codes(variant { $0["currency"] = "EURO" }) == ["/variants/0/currency pattern_mismatch"])
        #expect(codes(variant { $0["name"] = nil }) == ["/variants/0/name required"])
        #expect(codes(variant { $0["images"] = ["https://cdn.example/a.jpg"] }) == [])
        let twice = product { product in
            let first = product["variants"]?.array?.first ?? nil
            product["variants"] = [first, first]
        }
        #expect(codes(twice) == ["/variants/1/sku duplicate"])
    }

    @Test("a variant priced in a currency the model does not know is refused when mapped")
    func unknownCurrency() throws {
        let decoded = try EverspringProduct.decode(variant { $0["currency"] = "XYZ" })
        #expect(throws: MoneyError.self) { try decoded.canonicalProduct() }
    }

    @Test("a stock-update item decodes to a stock update stamped with Everspring's time")
    func stockUpdate() throws {
        let body = Array(
            #"{"sku":"EV-42","on_hand":10,"reserved":3,"available":7,"updated_at":"2026-11-02T10:00:00Z"}"#.utf8)
        let level = try EverspringStockUpdate.decode(json: body)
        #expect(level.available == 7 && level.reserved == 3)
        let update = try level.stockUpdate
        #expect(
            update
                == StockUpdate(
                    sku: try SKU("EV-42"), onHand: 10, observedAt: Date(timeIntervalSince1970: 1_793_613_600)))
    }

    @Test("every constraint of the stock-update item fails when broken and passes when kept")
    func stockConstraints() {
        #expect(stockCodes { _ in } == [])
        #expect(stockCodes { $0["sku"] = nil } == ["/sku required"])
        #expect(stockCodes { $0["sku"] = .string(String(repeating: "s", count: 256)) } == ["/sku too_long"])
        #expect(
            stockCodes {
                $0["reserved"] = -1
                $0["available"] = 11
            } == ["/reserved out_of_range"])
        #expect(stockCodes { $0["available"] = 8 } == ["/available inconsistent_available"])
        #expect(
            stockCodes {
                $0["on_hand"] = 0
                $0["available"] = -3
            } == [], "a backorder goes negative")
        #expect(stockCodes { $0["on_hand"] = .number(JSONNumber(text: "1.5") ?? 0) } == ["/on_hand type_mismatch"])
        #expect(stockCodes { $0["updated_at"] = "2026-11-02" } == ["/updated_at invalid_format"])
        #expect(stockCodes { $0["updated_at"] = nil } == ["/updated_at required"])
    }
}
