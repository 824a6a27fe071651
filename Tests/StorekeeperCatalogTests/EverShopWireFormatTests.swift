import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperSchema
import Testing

@Suite("EverShop wire format")
struct EverShopWireFormatTests {
    static let valid: JSONObject = [
        "name": "Hat", "url_key": "hat", "meta_title": "Hat", "status": 1, "sku": "HAT-1", "price": "43",
        "weight": 17, "qty": "123", "group_id": 4, "visibility": "0",
    ]

    func issues(_ schema: Schema = EverShopProductInput.createSchema, _ edit: (inout JSONObject) -> Void) -> [String] {
        var body = Self.valid
        edit(&body)
        return schema.validate(.object(body)).report.issues.map { "\($0.path) \($0.code)" }
    }

    @Test("the create body requires the seed's members; the update body requires none")
    func required() {
        #expect(issues { _ in } == [])
        let missing = EverShopProductInput.createSchema.validate([:]).report.issues.map(\.path.description)
        #expect(
            Set(missing) == [
                "/name", "/url_key", "/meta_title", "/status", "/sku", "/price", "/weight", "/qty", "/group_id",
                "/visibility",
            ])
        #expect(EverShopProductInput.updateSchema.validate([:]).report.isValid)
    }

    @Test("flags take 0, 1, \"0\" and \"1\"; numbers take numbers or numeric strings; ids take strings or integers")
    func leniency() {
        for flag: JSONValue in [0, 1, "0", "1", true] {
            #expect(
                issues {
                    $0["status"] = flag
                    $0["manage_stock"] = flag
                    $0["stock_availability"] = flag
                } == [])
        }
        #expect(issues { $0["status"] = 2 } == ["/status type_mismatch"])
        #expect(issues { $0["visibility"] = "yes" } == ["/visibility type_mismatch"])
        #expect(
            issues {
                $0["price"] = "14.95"
                $0["weight"] = "0.5"
                $0["qty"] = 3
            } == [])
        #expect(issues { $0["price"] = "fourteen" }.first?.hasPrefix("/price ") == true)
        #expect(issues { $0["price"] = -1 } == ["/price out_of_range"])
        #expect(issues { $0["qty"] = "1.5" }.first?.hasPrefix("/qty ") == true)
        #expect(issues { $0["group_id"] = "default" } == [])
        #expect(issues { $0["group_id"] = true }.first?.hasPrefix("/group_id ") == true)
        #expect(issues { $0["category_id"] = nil as JSONValue } == [])
        #expect(issues { $0["category_id"] = 7 } == [])
    }

    @Test("url_key matches ^\\S+$")
    func urlKey() {
        #expect(issues { $0["url_key"] = "a-b_c" } == [])
        #expect(issues { $0["url_key"] = "a b" } == ["/url_key pattern_mismatch"])
        #expect(issues { $0["url_key"] = "" } == ["/url_key pattern_mismatch"])
    }

    @Test("attributes and options follow the documented shapes")
    func attributesAndOptions() {
        #expect(
            issues { $0["attributes"] = [["attribute_code": "color", "value": "red"], ["value": ["S", "M"]]] } == [])
        #expect(issues { $0["attributes"] = [["value": 3]] }.first?.hasPrefix("/attributes/0/value ") == true)
        let option: JSONValue = [
            "option_name": "Engraving", "option_type": "multiselect", "is_required": "1",
            "values": [["value": "Yes", "extra_price": "4.50"], [:]],
        ]
        #expect(issues { $0["options"] = [option] } == [])
        #expect(
            issues { $0["options"] = [["option_name": "x", "option_type": "radio", "values": []]] }
                == ["/options/0/option_type not_in_enum"])
        #expect(
            issues { $0["options"] = [["option_type": "select"]] } == [
                "/options/0/option_name required", "/options/0/values required",
            ])
        let update = EverShopProductInput.updateSchema
        #expect(
            issues(update) {
                $0 = ["options": [["option_name": "x", "option_type": "select", "values": [["value": "v"]]]]]
            }
                == ["/options/0/values/0/extra_price required"])
        #expect(issues(update) { $0 = ["categories": [3, "sale"]] } == [])
    }

    @Test("the create and update schemas export as JSON Schema 2020-12")
    func export() throws {
        let create = EverShopProductInput.createSchema.jsonSchema()
        #expect(
            create["required"] == [
                "name", "url_key", "meta_title", "status", "sku", "price", "weight", "qty", "group_id", "visibility",
            ])
        #expect(create["properties"]?["url_key"] == ["type": "string", "pattern": "^\\S+$"])
        #expect(create["properties"]?["status"] == ["enum": [true, false, 0, 1, "0", "1"]])
        #expect(
            create["properties"]?["group_id"] == ["oneOf": [["type": "string", "minLength": 1], ["type": "integer"]]])
        #expect(
            create["properties"]?["category_id"] == [
                "anyOf": [["oneOf": [["type": "string", "minLength": 1], ["type": "integer"]]], ["type": "null"]]
            ])
        #expect(
            create["properties"]?["options"]?["items"]?["properties"]?["option_type"] == [
                "enum": ["select", "multiselect"]
            ])
        let update = EverShopProductInput.updateSchema.jsonSchema()
        #expect(update["required"] == nil)
        #expect(
            update["properties"]?["categories"]?["items"] == [
                "oneOf": [["type": "string", "minLength": 1], ["type": "integer"]]
            ])
        #expect(update["properties"]?["options"]?["items"]?["required"] == ["option_name", "option_type", "values"])
    }
}
