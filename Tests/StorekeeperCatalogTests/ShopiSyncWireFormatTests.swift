import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperSchema
import Testing

@Suite("ShopiSync wire format")
struct ShopiSyncWireFormatTests {
    func issues(_ body: JSONValue) -> [String] {
        ShopiSyncProductUpdate.schema.validate(body).report.issues.map { "\($0.path) \($0.code)" }
    }

    @Test("the settings body exports as JSON Schema 2020-12")
    func export() {
        let expected = #"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{\#
            "minPrice":{"type":"number","minimum":0,"description":"Minimum price floor"},\#
            "maxPrice":{"type":"number","minimum":0,"description":"Maximum price ceiling"},\#
            "costPrice":{"type":"number","minimum":0,"description":"Cost price for margin calculations"},\#
            "autoReprice":{"type":"boolean","description":"Enable or disable automatic repricing"},\#
            "active":{"type":"boolean","description":"Enable or disable price monitoring"}},\#
            "additionalProperties":false}
            """#
        let exported = String(
            decoding: JSONWriter().serialize(ShopiSyncProductUpdate.schema.jsonSchema()), as: UTF8.self)
        #expect(exported == expected.split(separator: "\n").joined())
    }

    @Test("every documented constraint passes and fails")
    func constraints() throws {
        #expect(issues([:]) == [])
        #expect(
            issues([
                "minPrice": .number(JSONNumber(text: "19.99")!), "maxPrice": 0, "autoReprice": true, "active": false,
            ]) == [])
        #expect(issues(["costPrice": "5"]) == ["/costPrice type_mismatch"])
        #expect(issues(["minPrice": -1]) == ["/minPrice out_of_range"])
        #expect(issues(["maxPrice": "20"]) == ["/maxPrice type_mismatch"])
        #expect(issues(["autoReprice": 1]) == ["/autoReprice type_mismatch"])
        #expect(issues(["active": "true"]) == ["/active type_mismatch"])
        #expect(issues(["minprice": 1]) == ["/minprice unknown_field"])
        let update = try ShopiSyncProductUpdate.decode(json: Array(#"{"minPrice": 19.99, "autoReprice": true}"#.utf8))
        let pricing = try update.pricingUpdate(currency: .usd)
        #expect(pricing.minPrice?.amountText == "19.99" && pricing.autoReprice == true && pricing.maxPrice == nil)
        let fine = try ShopiSyncProductUpdate.decode(json: Array(#"{"costPrice": 1.999}"#.utf8))
        #expect(throws: PricingError.self) { try fine.pricingUpdate(currency: .usd) }
        #expect(try fine.pricingUpdate(currency: .kwd).costPrice?.amountText == "1.999")
    }
}
