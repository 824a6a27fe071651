import StorekeeperJSON
import StorekeeperSchema
import Testing

/// The one-pass reader matches member names to fields by integers computed from their bytes and
/// names members in issues only when it reports one; these tests hold it to tree validation for
/// names that only those integers tell apart, and for objects of more than 64 fields.
@Suite("Member names matched to fields")
struct MemberMatchingTests {
    /// Names that agree on their first seven bytes and their length, differing after that: up
    /// to fifteen bytes, beyond fifteen, and with escapes in the document.
    static let lookalikes = Schema.object([
        .required("variant_a1", .integer()),
        .required("variant_b1", .string()),
        .optional("variant_a1_long_name_x", .integer()),
        .optional("variant_a1_long_name_y", .string()),
        .optional("abcdefghijklmno", .integer()),
        .optional("abcdefghijklmnp", .string()),
    ])

    /// An object of 70 fields, so some fields are past the first 64.
    static let wide = Schema.object((0..<70).map { .required("field_\($0)", .integer(minimum: 0)) })

    /// Documents whose members only the integers compared after the fingerprint tell apart.
    static let lookalikeDocuments: [String] = [
        #"{"variant_b1": "x", "variant_a1": 1}"#,
        #"{"variant_a1": "x", "variant_b1": 1}"#,
        #"{"variant_a1": 1, "variant_b1": "x", "variant_a1_long_name_y": 1, "variant_a1_long_name_x": "y"}"#,
        #"{"variant_a1": 1, "variant_b1": "x", "abcdefghijklmnp": 1, "abcdefghijklmno": "y"}"#,
        #"{"variant_a1": 1, "variant_b1": "x", "abcdefghijklmnq": 1, "variant_a2": "y"}"#,
        #"{"v\u0061riant_a1": "x", "variant_b\u0031": 2, "abcdefghijklmn\u006f": "z"}"#,
        #"{"variant_a1": 1, "variant_b1": "x", "variant_a1": 2}"#,
    ]

    /// A document for ``wide``: every field but `skipped`, `-1` for the fields in `wrong`, and
    /// `repeated` a second time at the end.
    static func wideDocument(skipping skipped: Set<Int>, wrong: Set<Int>, repeating repeated: Int? = nil) -> String {
        var members = (0..<70).filter { !skipped.contains($0) }.map {
            wrong.contains($0) ? "\"field_\($0)\": -1" : "\"field_\($0)\": \($0)"
        }
        if let repeated { members.append("\"field_\(repeated)\": 1") }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// Each look-alike document validates as its tree does.
    @Test("names alike in their first bytes and length go to their own fields", arguments: lookalikeDocuments)
    func lookalikeNames(document: String) {
        expectOnePassMatchesTree(Self.lookalikes, document)
    }

    /// Issues about fields carry the field's name in their pointer and message.
    @Test("issues name the member they are about")
    func issuePointers() {
        let report = Self.lookalikes.validate(json: Array(#"{"variant_a1": "x", "variant_b1": 1}"#.utf8)).report
        #expect(report.issues.map(\.path.description) == ["/variant_a1", "/variant_b1"])
        #expect(report.issues.first?.message.hasPrefix("'variant_a1'") == true)
    }

    /// Fields past the 64th are tracked as present, missing and repeated.
    @Test("objects of more than 64 fields: missing, invalid and repeated fields past the 64th")
    func wideObjects() {
        expectOnePassMatchesTree(Self.wide, Self.wideDocument(skipping: [], wrong: []))
        expectOnePassMatchesTree(Self.wide, Self.wideDocument(skipping: [3, 64, 69], wrong: [1, 66]))
        expectOnePassMatchesTree(Self.wide, Self.wideDocument(skipping: [], wrong: [], repeating: 67))
        let report = Self.wide.validate(json: Array(Self.wideDocument(skipping: [68], wrong: [65]).utf8)).report
        #expect(report.issues.map(\.code) == ["out_of_range", "required"])
        #expect(report.issues.map(\.path.description) == ["/field_65", "/field_68"])
    }
}
