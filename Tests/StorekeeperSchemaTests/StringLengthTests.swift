import StorekeeperJSON
import StorekeeperSchema
import Testing

/// String lengths are counted in Unicode scalars from the UTF-8 bytes, a word at a time; these
/// tests hold the count to `unicodeScalars.count` across word boundaries and encoded lengths.
@Suite("String lengths in Unicode scalars")
struct StringLengthTests {
    /// Scalars of one to four UTF-8 bytes, and a character of two scalars.
    static let pieces = ["a", "é", "€", "😀", "e\u{301}"]

    /// Strings of 0 to 20 repetitions of each piece, and of all of them mixed.
    static let texts: [String] =
        pieces.flatMap { piece in (0...20).map { String(repeating: piece, count: $0) } }
        + (0...12).map { count in (0..<count).map { pieces[$0 % pieces.count] }.joined() }

    /// The counts in the length issues are the strings' scalar counts.
    @Test("too long and too short report the number of scalars", arguments: texts)
    func reportedLength(text: String) {
        let scalars = text.unicodeScalars.count
        let schema = Schema.object([
            .required("long", .string(maxLength: 0)),
            .required("short", .string(minLength: scalars + 1)),
            .required("exact", .string(minLength: scalars, maxLength: scalars)),
        ])
        let value = JSONValue.object(["long": .string(text), "short": .string(text), "exact": .string(text)])
        let bytes = JSONWriter().serialize(value)
        for report in [schema.validate(json: bytes).report, schema.validate(value).report] {
            let unit = scalars == 0 ? "character" : "characters"
            var expected = ["'short' must be at least \(scalars + 1) \(unit) long; it has \(scalars)."]
            if scalars > 0 { expected.insert("'long' must be at most 0 characters long; it has \(scalars).", at: 0) }
            #expect(report.issues.map(\.message) == expected, "\(text)")
        }
    }
}
