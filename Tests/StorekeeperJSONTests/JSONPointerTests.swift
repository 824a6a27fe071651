import StorekeeperJSON
import Testing

@Suite("JSON Pointer")
struct JSONPointerTests {
    let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8,
    ]

    @Test(
        "resolves the RFC 6901 section 5 examples",
        arguments: [
            ("", nil), ("/foo", nil), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4),
            ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
        ] as [(String, JSONValue?)]
    )
    func resolves(text: String, expected: JSONValue?) throws {
        let pointer = try #require(JSONPointer(text))
        #expect(pointer.description == text)
        let resolved = pointer.resolve(in: document)
        if let expected {
            #expect(resolved == expected)
        } else {
            #expect(resolved != nil)
        }
    }

    @Test("builds pointers by appending and escapes ~ and /")
    func appends() {
        let pointer = JSONPointer.root.appending("product").appending("variants").appending(1).appending("a/b~c")
        #expect(pointer.description == "/product/variants/1/a~1b~0c")
        #expect(JSONPointer(pointer.description) == pointer)
    }

    @Test("rejects malformed pointers and unresolvable paths", arguments: ["foo", "/~2", "/a~"])
    func rejectsMalformed(text: String) {
        #expect(JSONPointer(text) == nil)
    }

    @Test("array indexes must be plain digits in range")
    func arrayIndexes() throws {
        for text in ["/foo/01", "/foo/+1", "/foo/2", "/foo/-", "/foo/-1", "/nothing", "/foo/0/x"] {
            #expect(JSONPointer(text)?.resolve(in: document) == nil, "\(text)")
        }
    }
}
