import StorekeeperJSON
import StorekeeperTesting
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    func parse(_ text: String, options: JSONParsingOptions = JSONParsingOptions()) throws(JSONParseError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8), options: options)
    }

    func failure(_ text: String, options: JSONParsingOptions = JSONParsingOptions()) -> JSONParseError? {
        failure(bytes: Array(text.utf8), options: options)
    }

    func failure(bytes: [UInt8], options: JSONParsingOptions = JSONParsingOptions()) -> JSONParseError? {
        do {
            _ = try JSONValue(parsing: bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test("parses every kind of value with member order kept")
    func parsesValues() throws {
        let value = try parse(#" {"b": [true, false, null], "a": {"n": -12.50e+3, "s": "x"}, "c": 7} "#)
        let object = try #require(value.object)
        #expect(object.keys == ["b", "a", "c"])
        #expect(value["b"] == [true, false, nil])
        #expect(value["a"]?["n"]?.number?.text == "-12.50e+3")
        #expect(value["a"]?["s"] == "x")
        #expect(value["c"]?.number?.int64Value == 7)
        #expect(value["missing"] == nil)
        #expect(value["b"]?[2]?.isNull == true)
        #expect(value["b"]?[3] == nil)
    }

    @Test("decodes every escape, including surrogate pairs")
    func decodesEscapes() throws {
        let value = try parse(#""\"\\\/\b\f\n\r\t\u00e9\u20AC\uD83D\uDE00""#)
        #expect(value.string == "\"\\/\u{08}\u{0C}\n\r\t\u{E9}\u{20AC}\u{1F600}")
    }

    @Test("keeps raw UTF-8 text and compares strings by scalars, not canonical equivalence")
    func keepsUTF8() throws {
        let precomposed = try parse("\"caf\u{E9}\"")
        let decomposed = try parse("\"cafe\u{301}\"")
        #expect(precomposed.string == "caf\u{E9}")
        #expect(precomposed != decomposed)
        #expect(try parse(#"{"caf\u00e9": 1, "cafe\u0301": 2}"#).object?.count == 2)
    }

    @Test(
        "reports what went wrong with the exact line and column",
        arguments: [
            ("[1, 2,]", JSONParseError.Code.unexpectedCharacter, 1, 7),
            ("{\n  \"a\": 1\n  \"b\": 2\n}", .unexpectedCharacter, 3, 3),
            ("{\"a\" 1}", .unexpectedCharacter, 1, 6),
            ("[01]", .invalidNumber, 1, 3),
            ("[1.]", .invalidNumber, 1, 4),
            ("-", .unexpectedEndOfInput, 1, 2),
            ("\"abc", .unexpectedEndOfInput, 1, 1),
            ("[\"\u{E9}\u{E9}\\x\"]", .invalidEscape, 1, 5),
            ("tru", .unexpectedEndOfInput, 1, 4),
            ("nul!", .unexpectedCharacter, 1, 4),
            ("{} x", .trailingContent, 1, 4),
            ("", .unexpectedEndOfInput, 1, 1),
            ("  \n ", .unexpectedEndOfInput, 2, 2),
            ("{'a': 1}", .unexpectedCharacter, 1, 2),
            ("\"a\u{1}b\"", .controlCharacterInString, 1, 3),
            (#"["\uD800"]"#, .invalidUnicodeEscape, 1, 3),
            (#"["\uDC00\uD800"]"#, .invalidUnicodeEscape, 1, 3),
            (#"["\uD800\u0041"]"#, .invalidUnicodeEscape, 1, 3),
            (#"["\u12G4"]"#, .invalidUnicodeEscape, 1, 3),
            (#"{"a": 1, "a": 2}"#, .duplicateKey, 1, 10),
        ]
    )
    func reportsPosition(text: String, code: JSONParseError.Code, line: Int, column: Int) throws {
        let error = try #require(failure(text))
        #expect(error.code == code, "\(error)")
        #expect(error.line == line, "\(error)")
        #expect(error.column == column, "\(error)")
        #expect(!error.message.isEmpty)
        #expect(error.description == "line \(line), column \(column): \(error.message)")
    }

    @Test("names the unexpected character in the message")
    func messageNamesCharacter() throws {
        let error = try #require(failure("[1, 2,]"))
        #expect(error.message == "expected a value but found ']'")
        #expect(error.offset == 6)
    }

    @Test(
        "rejects invalid UTF-8 at the offending byte",
        arguments: [
            ([0x22, 0x61, 0xFF, 0x22], 2),  // a stray byte
            ([0x22, 0xC3, 0x22], 1),  // a truncated sequence
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // an overlong '/'
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // an encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0x5C, 0x6E, 0xFF, 0x22], 3),  // after an escape
            ([0xFF], 0),  // outside any string
        ] as [([UInt8], Int)])
    func rejectsInvalidUTF8(bytes: [UInt8], offset: Int) throws {
        let error = try #require(failure(bytes: bytes))
        #expect(error.offset == offset, "\(error)")
        if bytes.first == 0x22 {
            #expect(error.code == .invalidUTF8)
        }
    }

    @Test("duplicate member names are rejected by default and resolved to the last value on request")
    func duplicateKeys() throws {
        let text = #"{"sku": "A", "qty": 1, "sku": "B"}"#
        #expect(failure(text)?.code == .duplicateKey)
        let value = try parse(text, options: JSONParsingOptions(duplicateKeys: .keepLast))
        #expect(value.object?.keys == ["sku", "qty"])
        #expect(value["sku"] == "B")
    }

    @Test("duplicates are found in large objects too")
    func duplicateKeysInLargeObject() throws {
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(try parse("{\(members)}").object?.count == 40)
        #expect(failure("{\(members), \"k3\": 0}")?.code == .duplicateKey)
        let value = try parse("{\(members), \"k3\": 0}", options: JSONParsingOptions(duplicateKeys: .keepLast))
        #expect(value["k3"] == 0)
        #expect(value.object?.count == 40)
    }

    @Test("depth beyond the limit is an error, not a stack overflow")
    func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(deep)?.code == .depthLimitExceeded)
        let limited = JSONParsingOptions(maximumDepth: 3)
        #expect(try parse("[[[1]]]", options: limited) == [[[1]]])
        #expect(try parse(#"[[{"a": 1}]]"#, options: limited) == [[["a": 1]]])
        let error = try #require(failure(#"[[{"a": [1]}]]"#, options: limited))
        #expect(error.code == .depthLimitExceeded)
        #expect(error.column == 9)
        let huge = JSONParsingOptions(maximumDepth: Int.max)
        #expect(failure(deep, options: huge)?.code == .depthLimitExceeded)
    }

    @Test("input over the size limit is refused before parsing")
    func sizeLimit() throws {
        let options = JSONParsingOptions(maximumSize: 8)
        #expect(try parse("[1,2,3]", options: options) == [1, 2, 3])
        let error = try #require(failure("[1,2,3,4]", options: options))
        #expect(error.code == .sizeLimitExceeded)
        #expect(error.offset == 0)
    }

    @Test("reads non-contiguous collections and slices")
    func readsAnyCollection() throws {
        let text = #"{"a": [1, "two"]}"#
        let expected: JSONValue = ["a": [1, "two"]]
        #expect(try JSONValue(parsing: text.utf8) == expected)
        #expect(try JSONValue(parsing: Array(("xx" + text).utf8).dropFirst(2)) == expected)
        #expect(try JSONValue(parsing: Set([UInt8(ascii: "7")])) == 7)
    }

    @Test("random and mutated input never crashes")
    func fuzzedInput() {
        var generator = SeededRandomNumberGenerator(seed: 0x5EED)
        let seeds = [#"{"a": [1, -2.5e3, "x\u00e9\n", true, null, {"b": {}}]}"#, "[[[]]]", #""\uD83D\uDE00""#]
        for _ in 0..<5_000 {
            var bytes = Array(seeds[Int(generator.next() % UInt64(seeds.count))].utf8)
            for _ in 0..<(1 + generator.next() % 4) {
                let position = Int(generator.next() % UInt64(bytes.count + 1))
                switch generator.next() % 3 {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                default: if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: generator.next()) }
                }
            }
            do {
                let value = try JSONValue(parsing: bytes)
                #expect(try JSONValue(parsing: JSONWriter().serialize(value)) == value)
            } catch {
                #expect(error.offset <= bytes.count)
            }
        }
    }
}
