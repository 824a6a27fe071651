import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Schema validation")
struct SchemaValidationTests {
    func issues(_ schema: Schema, _ json: String, maximumIssues: Int = 100) -> [ValidationIssue] {
        schema.validate(json: Array(json.utf8), options: ValidationOptions(maximumIssues: maximumIssues)).report.issues
    }

    func codes(_ schema: Schema, _ json: String) -> [String] {
        issues(schema, json).map(\.code)
    }

    @Test("strings: length in Unicode scalars, pattern and formats")
    func strings() {
        let title = Schema.string(minLength: 2, maxLength: 5)
        #expect(codes(title, #""abcde""#) == [])
        #expect(codes(title, #""abcdef""#) == ["too_long"])
        #expect(codes(title, #""a""#) == ["too_short"])
        #expect(codes(title, #""ééééé""#) == [], "five scalars in ten bytes")
        #expect(codes(title, #""🎩🎩🎩🎩🎩""#) == [])
        #expect(codes(title, #""🎩🎩🎩🎩🎩🎩""#) == ["too_long"])
        #expect(codes(title, "12") == ["type_mismatch"])
        #expect(
            issues(title, #""abcdef""#).first?.message == "the document must be at most 5 characters long; it has 6.")
        let key = Schema.string(pattern: .noWhitespace)
        #expect(codes(key, #""cat-hat""#) == [])
        #expect(codes(key, #""cat hat""#) == ["pattern_mismatch"])
        #expect(codes(key, #""""#) == ["pattern_mismatch"])
        #expect(codes(key, #""tab\there""#) == ["pattern_mismatch"])
    }

    @Test(
        "formats accept exactly what they name",
        arguments: [
            (StringFormat.url, "http://example.com/images/cathat1,1.jpg", true),
            (.url, "HTTPS://user@example.com:8443/a?b=c#d", true),
            (.url, "ftp://example.com/file", false),
            (.url, "http://", false),
            (.url, "http:///path", false),
            (.url, "http://exa mple.com", false),
            (.url, "example.com", false),
            (.dateTime, "2024-01-15T10:00:00Z", true),
            (.dateTime, "2024-02-29T23:59:60.123+05:30", true),
            (.dateTime, "2023-02-29T10:00:00Z", false),
            (.dateTime, "2024-01-15 10:00:00", false),
            (.dateTime, "2024-13-01T00:00:00Z", false),
            (.dateTime, "2024-01-15T10:00:00", false),
            (.dateTime, "2024-01-15T24:00:00Z", false),
            (.uuid, "123e4567-e89b-12d3-a456-426614174000", true),
            (.uuid, "123E4567-E89B-12D3-A456-426614174000", true),
            (.uuid, "123e4567e89b12d3a456426614174000", false),
            (.uuid, "123e4567-e89b-12d3-a456-42661417400g", false),
        ]
    )
    func formats(format: StringFormat, text: String, valid: Bool) {
        #expect(format.accepts(text) == valid)
        let schema = Schema.string(format: format)
        #expect(codes(schema, JSONValue.string(text).description) == (valid ? [] : ["invalid_format"]))
    }

    @Test("URL paths refuse white space, controls and the unsafe ASCII characters at every position")
    func urlPathBytes() {
        let refused = Set(#""<>\^`{|}"#.utf8).union(0...0x20).union([0x7F])
        for position in 0..<24 {
            for byte in UInt8(0)..<0x80 {
                var path = Array(repeating: UInt8(ascii: "a"), count: 24)
                path[position] = byte
                let text = "http://example.com/" + String(decoding: path, as: UTF8.self)
                #expect(StringFormat.url.accepts(text) == !refused.contains(byte), "byte \(byte) at \(position)")
            }
            let accented = String(repeating: "a", count: position) + "é" + String(repeating: "a", count: 24 - position)
            #expect(StringFormat.url.accepts("http://example.com/" + accented))
        }
    }

    @Test("integers: whole numbers in range, numeric strings only when allowed")
    func integers() {
        let quantity = Schema.integer(minimum: 0, maximum: 1000)
        #expect(codes(quantity, "1000") == [])
        #expect(codes(quantity, "-1") == ["out_of_range"])
        #expect(codes(quantity, "1001") == ["out_of_range"])
        #expect(codes(quantity, "1.5") == ["type_mismatch"])
        #expect(codes(quantity, "1.0") == ["type_mismatch"])
        #expect(codes(quantity, #""7""#) == ["type_mismatch"])
        #expect(codes(Schema.integer(), "99999999999999999999") == ["out_of_range"])
        let lenient = Schema.integer(coercion: .acceptingNumericStrings)
        let outcome = lenient.validate(json: Array(#""42""#.utf8))
        #expect(outcome.report.isValid)
        #expect(outcome.value == 42)
        #expect(codes(lenient, #""4 2""#) == ["type_mismatch"])
        #expect(codes(lenient, #"" 42""#) == ["type_mismatch"])
    }

    @Test("decimals: exact range and fraction digits, strings only when allowed")
    func decimals() throws {
        let price = Schema.decimal(minimum: 0, maxFractionDigits: 2)
        #expect(codes(price, "14.95") == [])
        #expect(codes(price, "14.950") == [], "trailing zeros are not extra precision")
        #expect(codes(price, "14.955") == ["too_many_fraction_digits"])
        #expect(codes(price, "-0.01") == ["out_of_range"])
        #expect(codes(price, #""14.95""#) == ["type_mismatch"])
        let lenient = Schema.decimal(maximum: 100, coercion: .acceptingNumericStrings)
        let outcome = lenient.validate(json: Array(#""14.95""#.utf8))
        #expect(outcome.report.isValid)
        #expect(outcome.value.number?.decimalValue == Decimal(string: "14.95"))
        #expect(codes(lenient, #""100.01""#) == ["out_of_range"])
        #expect(codes(lenient, #""abc""#) == ["type_mismatch"])
    }

    @Test("booleans: strict by default, 0/1 and \"0\"/\"1\" when the field allows it")
    func booleans() {
        #expect(codes(.boolean(), "true") == [])
        #expect(codes(.boolean(), "1") == ["type_mismatch"])
        let flag = Schema.boolean(coercion: .acceptingZeroOne)
        for (json, expected) in [("0", false), ("1", true), (#""0""#, false), (#""1""#, true), ("true", true)] {
            let outcome = flag.validate(json: Array(json.utf8))
            #expect(outcome.report.isValid, "\(json)")
            #expect(outcome.value == .bool(expected), "\(json)")
        }
        for json in ["2", #""true""#, "1.0", "null"] {
            #expect(codes(flag, json) == ["type_mismatch"], "\(json)")
        }
    }

    @Test("enumerations and oneOf")
    func enumerationsAndOneOf() {
        let optionType = Schema.enumeration(["select", "multiselect"])
        #expect(codes(optionType, #""select""#) == [])
        #expect(codes(optionType, #""radio""#) == ["not_in_enum"])
        #expect(
            issues(optionType, #""radio""#).first?.message == #"the document must be one of "select", "multiselect"."#)
        let groupID = Schema.oneOf([.integer(minimum: 1), .string(minLength: 1)])
        #expect(codes(groupID, "3") == [])
        #expect(codes(groupID, #""3""#) == [])
        #expect(codes(groupID, "0") == ["out_of_range"], "explained by the alternative of the same type")
        #expect(codes(groupID, "true") == ["type_mismatch"])
        #expect(codes(Schema.oneOf([.integer(), .decimal()]), "3") == ["ambiguous"])
    }

    @Test("arrays: item counts, item issues with their index, uniqueness by value or field")
    func arrays() {
        let tags = Schema.array(of: .string(maxLength: 3), minItems: 1, maxItems: 3, uniqueBy: .value)
        #expect(codes(tags, #"["a", "b"]"#) == [])
        #expect(codes(tags, "[]") == ["too_short"])
        #expect(codes(tags, #"["a", "b", "c", "d"]"#) == ["too_long"])
        #expect(issues(tags, #"["a", "long"]"#).map(\.path.description) == ["/1"])
        #expect(issues(tags, #"["a", "b", "a"]"#).map(\.path.description) == ["/2"])
        let variants = Schema.array(of: .object([.required("sku", .string())]), uniqueBy: .field("sku"))
        let duplicate = issues(variants, #"[{"sku": "A"}, {"sku": "B"}, {"sku": "A"}]"#)
        #expect(duplicate.map(\.code) == ["duplicate"])
        #expect(duplicate.first?.path.description == "/2/sku")
        #expect(duplicate.first?.message == #"'sku' "A" is already used by element 0; each must be different."#)
    }

    @Test("objects: required, nullable, defaults, and every issue with its pointer")
    func objects() throws {
        let schema = Schema.object([
            .required("id", .string()),
            .required("external_brand", .string(), nullable: true),
            .optional("active", .boolean(coercion: .acceptingZeroOne), default: true),
            .optional("note", .string(), nullable: true),
        ])
        let valid = schema.validate(json: Array(#"{"id": "A", "external_brand": null}"#.utf8))
        #expect(valid.report.isValid)
        #expect(valid.value == ["id": "A", "external_brand": nil, "active": true])
        let coerced = schema.validate(json: Array(#"{"id": "A", "external_brand": "B", "active": "0"}"#.utf8))
        #expect(coerced.value["active"] == false)
        let found = issues(schema, #"{"external_brand": 3, "active": null, "note": null}"#)
        // Members in document order, then the required fields that are missing, in schema order.
        #expect(found.map(\.code) == ["type_mismatch", "null_not_allowed", "required"])
        #expect(found.map(\.path.description) == ["/external_brand", "/active", "/id"])
        #expect(found.last?.message == "'id' is required.")
        #expect(codes(schema, "[]") == ["type_mismatch"])
    }

    @Test("unknown fields are ignored, reported as warnings, or rejected, per schema")
    func unknownFields() {
        let json = Array(#"{"sku": "A", "colour": "red"}"#.utf8)
        let fields: [SchemaField] = [.required("sku", .string())]
        let ignored = Schema.object(fields).validate(json: json)
        #expect(ignored.report.isValid && ignored.report.warnings.isEmpty)
        #expect(ignored.value["colour"] == "red")
        let reported = Schema.object(fields, unknownFields: .report).validate(json: json)
        #expect(reported.report.isValid)
        #expect(reported.report.warnings.map(\.path.description) == ["/colour"])
        let rejected = Schema.object(fields, unknownFields: .reject).validate(json: json)
        #expect(rejected.report.issues.map(\.code) == ["unknown_field"])
        let dictionary = Schema.dictionary(values: .string(maxLength: 5))
        #expect(codes(dictionary, #"{"color": "Green", "size": "ONESIZE"}"#) == ["too_long"])
    }

    @Test("cross-field rules run once fields are valid, with their own codes")
    func rules() {
        let range = ObjectRule(name: "min_at_most_max") { object in
            guard let low = object["minPrice"]?.number?.decimalValue,
                let high = object["maxPrice"]?.number?.decimalValue, low > high
            else { return [] }
            return [
                RuleViolation(
                    member: "minPrice", code: "min_exceeds_max", message: "minPrice must not exceed maxPrice.")
            ]
        }
        let schema = Schema.object(
            [.required("minPrice", .decimal()), .required("maxPrice", .decimal())],
            rules: [range]
        )
        #expect(codes(schema, #"{"minPrice": 5, "maxPrice": 10}"#) == [])
        let violation = issues(schema, #"{"minPrice": 50, "maxPrice": 10}"#)
        #expect(violation.map(\.code) == ["min_exceeds_max"])
        #expect(violation.first?.path.description == "/minPrice")
        #expect(
            codes(schema, #"{"minPrice": "x", "maxPrice": 10}"#) == ["type_mismatch"], "rules wait for valid fields")
    }

    @Test("the issue cap bounds work on hostile input and says so")
    func issueCap() {
        let schema = Schema.array(of: .integer())
        let hostile = "[" + Array(repeating: #""x""#, count: 10_000).joined(separator: ",") + "]"
        let report = schema.validate(json: Array(hostile.utf8)).report
        #expect(report.issues.count == 100)
        #expect(report.isTruncated)
        let small = schema.validate(json: Array(#"["x", "y"]"#.utf8), options: ValidationOptions(maximumIssues: 1))
            .report
        #expect(small.issues.count == 1 && small.isTruncated)
    }

    @Test("a parse error is an issue with line and column")
    func parseErrors() throws {
        let report = Schema.any.validate(json: Array("{\n  \"a\": 1,\n}".utf8)).report
        let issue = try #require(report.issues.first)
        #expect(issue.code == "invalid_json")
        #expect(issue.line == 3 && issue.column == 1)
        #expect(issue.path == .root)
        #expect(issue.message.contains("line 3, column 1"))
    }
}
