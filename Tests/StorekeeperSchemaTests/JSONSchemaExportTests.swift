import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("JSON Schema export")
struct JSONSchemaExportTests {
    @Test("every kind of schema exports the 2020-12 keywords for its constraints")
    func exportsEveryKind() throws {
        let schema = Schema.object(
            [
                .required(
                    "sku", .string(minLength: 1, maxLength: 255, pattern: .noWhitespace).described("Variant SKU")),
                .required("external_brand", .string(), nullable: true),
                .required("price", .decimal(minimum: 0, maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
                .optional("qty", .integer(minimum: 0, maximum: 10)),
                .optional("status", .boolean(coercion: .acceptingZeroOne), default: true),
                .optional("active", .boolean()),
                .optional("type", .enumeration(["select", "multiselect"])),
                .optional("group_id", .oneOf([.integer(), .string()])),
                .optional("updated", .string(format: .dateTime)),
                .optional("tags", .array(of: .string(), minItems: 1, maxItems: 3, uniqueBy: .value)),
                .optional("variants", .array(of: .object([]), uniqueBy: .field("sku"))),
                .optional("attributes", .dictionary(values: .string())),
                .optional("nothing", .null),
                .optional("anything", .any),
            ],
            unknownFields: .reject,
            rules: [ObjectRule(name: "same_price") { _ in [] }]
        )
        let expected = #"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{\#
            "sku":{"type":"string","minLength":1,"maxLength":255,"pattern":"^\\S+$","description":"Variant SKU"},\#
            "external_brand":{"anyOf":[{"type":"string"},{"type":"null"}]},\#
            "price":{"type":["number","string"],"pattern":"^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$",\#
            "minimum":0,"multipleOf":0.01},\#
            "qty":{"type":"integer","minimum":0,"maximum":10},\#
            "status":{"enum":[true,false,0,1,"0","1"],"default":true},\#
            "active":{"type":"boolean"},\#
            "type":{"enum":["select","multiselect"]},\#
            "group_id":{"oneOf":[{"type":"integer"},{"type":"string"}]},\#
            "updated":{"type":"string","format":"date-time"},\#
            "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3,"uniqueItems":true},\#
            "variants":{"type":"array","items":{"type":"object"},"x-unique-by":"sku"},\#
            "attributes":{"type":"object","additionalProperties":{"type":"string"}},\#
            "nothing":{"type":"null"},\#
            "anything":{}},\#
            "required":["sku","external_brand","price"],"additionalProperties":false,"x-rules":["same_price"]}
            """#
        let exported = String(decoding: JSONWriter().serialize(schema.jsonSchema()), as: UTF8.self)
        #expect(exported == expected.split(separator: "\n").joined())
    }

    @Test("an exported schema is itself valid JSON that round-trips")
    func roundTrips() throws {
        let schema = Schema.array(of: .integer(coercion: .acceptingNumericStrings))
        let exported = schema.jsonSchema()
        #expect(try JSONValue(parsing: JSONWriter().serialize(exported)) == exported)
        #expect(exported["items"]?["type"] == ["integer", "string"])
    }
}
