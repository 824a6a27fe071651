import StorekeeperJSON
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    func text(_ value: JSONValue, _ options: JSONWriter.Options = JSONWriter.Options()) -> String {
        String(decoding: JSONWriter(options: options).serialize(value), as: UTF8.self)
    }

    @Test("escapes quotes, backslashes and every control character, and writes other text as UTF-8")
    func escapes() throws {
        var raw = "q\"b\\s/\u{08}\u{0C}\n\r\t"
        raw += String(decoding: [0x00, 0x01, 0x1F, 0x7F], as: UTF8.self)
        raw += "\u{E9}\u{1F600}\u{2028}"
        let written = text(.string(raw))
        #expect(written == "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001f\u{7F}\u{E9}\u{1F600}\u{2028}\"")
        #expect(try JSONValue(parsing: Array(written.utf8)) == .string(raw))
    }

    @Test("writes integers of every size and decimal text exactly")
    func numbers() {
        let value: JSONValue = [
            .number(JSONNumber(Int64.min)), .number(JSONNumber(Int64.max)), 0, -7,
            .number(JSONNumber(text: "14.950") ?? 0), .number(JSONNumber(text: "-1E+400") ?? 0),
        ]
        #expect(text(value) == "[-9223372036854775808,9223372036854775807,0,-7,14.950,-1E+400]")
    }

    @Test("pretty output indents by two spaces and keeps empty containers short")
    func prettyPrinted() {
        let value: JSONValue = ["name": "Cathat", "tags": ["hats", "cats"], "empty": [], "meta": [:]]
        let expected = """
            {
              "name": "Cathat",
              "tags": [
                "hats",
                "cats"
              ],
              "empty": [],
              "meta": {}
            }
            """
        #expect(text(value, JSONWriter.Options(prettyPrinted: true)) == expected)
    }

    @Test("sorted keys order members by their UTF-8 bytes at every level, deterministically")
    func sortedKeys() {
        let value: JSONValue = ["b": 1, "a": ["z": 1, "é": 2, "Z": 3], "A": nil]
        let expected = #"{"A":null,"a":{"Z":3,"z":1,"é":2},"b":1}"#
        #expect(text(value, JSONWriter.Options(sortedKeys: true)) == expected)
        #expect(text(value) == #"{"b":1,"a":{"z":1,"é":2,"Z":3},"A":null}"#)
    }

    @Test("appends to an existing buffer")
    func appends() {
        var bytes = Array("prefix:".utf8)
        JSONWriter().write([1, "two"], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"prefix:[1,"two"]"#)
    }
}

@Suite("JSON string scanning")
struct JSONStringScanningTests {
    /// The reader and writer scan strings eight bytes at a time; put every special byte at every
    /// position of strings long and short, so word boundaries and tails are all exercised.
    @Test("finds quotes, backslashes, control and non-ASCII bytes at every position")
    func everyPosition() throws {
        let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{E9}", "\u{1F600}", "\u{7F}", " "]
        for length in 0..<26 {
            for position in 0...length {
                for special in specials {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                    let written = JSONWriter().serialize(.string(text))
                    let parsed = try JSONValue(parsing: written)
                    #expect(parsed == .string(text), "length \(length), position \(position)")
                    // Embedded in a larger document, so the tail read never starts before the buffer.
                    let document = try JSONValue(parsing: Array("[".utf8) + written + Array("]".utf8))
                    #expect(document == [.string(text)])
                }
            }
        }
    }
}
