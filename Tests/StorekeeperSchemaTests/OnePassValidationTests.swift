import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `validate(json:)` checks values while it parses them; these tests hold it to exactly what
/// parsing first and then validating the tree reports: the same issues in the same order, the
/// same warnings and truncation, and the same validated value.
@Suite("Validation while parsing")
struct OnePassValidationTests {
    static let item = Schema.object(
        [
            .required("sku", .string(minLength: 1, maxLength: 8, pattern: .noWhitespace)),
            .required("price", .decimal(minimum: 0, maxFractionDigits: 2, coercion: .acceptingNumericStrings)),
            .optional("qty", .integer(minimum: 0, coercion: .acceptingNumericStrings), default: 1),
            .optional("active", .boolean(coercion: .acceptingZeroOne), default: true),
            .optional("kind", .enumeration(["a", "b"])),
            .optional("id", .oneOf([.integer(), .string(format: .uuid)])),
            .optional("brand", .string(), nullable: true),
            .optional("link", .string(format: .url)),
        ],
        unknownFields: .report
    )

    static let schema = Schema.object(
        [
            .required("name", .string(minLength: 1)),
            .required("items", .array(of: item, minItems: 1, maxItems: 2, uniqueBy: .field("sku"))),
            .optional("tags", .array(of: .string(), uniqueBy: .value)),
            .optional("labels", .dictionary(values: .string(maxLength: 3))),
            .optional("strict", .object([.optional("a", .integer())], unknownFields: .reject)),
            .optional("anything", .any),
            .optional("nothing", .null),
        ],
        rules: [
            ObjectRule(name: "name_not_sku") { object in
                object["name"] == "bad" ? [RuleViolation(member: "name", code: "bad_name", message: "no")] : []
            }
        ]
    )

    static let documents: [String] = [
        #"{"name": "hat", "items": [{"sku": "A-1", "price": "14.95"}]}"#,
        #"{"name": "hat", "items": [{"sku": "A-1", "price": 14.95, "qty": "3", "active": "0"}], "tags": ["x"]}"#,
        #"{"items": [{"price": "14.955", "sku": "A 1", "extra": 1, "qty": -1}, {"sku": "A 1", "price": "x"}]}"#,
        #"{"name": "", "items": [], "tags": ["x", "x"], "labels": {"a": "long", "b": 1}}"#,
        #"{"name": "n", "items": [{"sku": "A"}, {"sku": "B"}, {"sku": "A", "price": 1}]}"#,
        #"{"name": null, "items": {"sku": "A"}, "strict": {"a": 1, "b": 2}, "nothing": 0}"#,
        #"{"name": "bad", "items": [{"sku": "A", "price": 1, "kind": "c", "id": "nope", "brand": null}]}"#,
        #"{"name": "n", "items": [{"sku": "A", "price": 1, "id": 5, "link": "ftp://x", "sku2": null}]}"#,
        #"{"name": "bad", "items": [{"sku": "A", "price": 1}], "anything": {"deep": [1, {"x": null}]}}"#,
        #"{"n\u0061me": "caf\u00e9", "items": [{"s\u006bu": "é", "price": 0}], "\u00e9": 1}"#,
        #"{"name": "é", "items": [{"sku": "éééééééé", "price": 1, "qty": 9223372036854775808}]}"#,
        #"{"name": "é", "items": [{"sku": "ééééééééé", "price": 1, "qty": 1.5, "active": 1}]}"#,
        #"{"name": "x", "items": [{"sku": "A", "price": 1, "qty": "7", "active": true, "brand": 5}]}"#,
        #"[1, 2]"#,
        #""just text""#,
        #"{"name": "x", "items": [{"sku": "A", "price": 1}], "name": "y"}"#,
        #"{"name": "x", "items": [{"sku": "A", "price": 1, "price": "x"}]}"#,
        #"{"name": "x", "items": [{"sku": "A", "price": 1}], "tags": [1, 2,]}"#,
        #"{"name": "x" "items": []}"#,
        #"{"name": "x", "items": [{"sku": "A", "price": 1}]} trailing"#,
    ]

    @Test("issues, warnings and the validated value match validating the parsed tree", arguments: documents)
    func matchesTreeValidation(document: String) {
        expectOnePassMatchesTree(Self.schema, document)
    }

    @Test("a valid document's value has its coercions and defaults applied")
    func coercedValue() throws {
        let bytes = Array(#"{"name": "hat", "items": [{"sku": "A-1", "price": "14.95", "active": "0"}]}"#.utf8)
        let outcome = Self.schema.validate(json: bytes)
        #expect(outcome.report.isValid)
        let item = try #require(outcome.value["items"]?[0])
        #expect(item["price"] == .number(try #require(JSONNumber(text: "14.95"))))
        #expect(item["active"] == false)
        #expect(item["qty"] == 1)
        #expect(outcome.value.object?.keys == ["name", "items"])
    }
}
