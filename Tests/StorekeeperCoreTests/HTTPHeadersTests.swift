import StorekeeperCore
import Testing

@Suite("HTTP headers")
struct HTTPHeadersTests {
    @Test("looks names up ignoring ASCII case and keeps order and repeats")
    func caseInsensitiveLookup() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Link": "<a>; rel=\"next\""]
        headers.add(name: "link", value: "<b>; rel=\"last\"")
        #expect(headers["content-type"] == "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers.values(for: "LINK") == ["<a>; rel=\"next\"", "<b>; rel=\"last\""])
        #expect(headers.map(\.name) == ["Content-Type", "Link", "link"])
        #expect(headers.count == 3)
        #expect(headers["X-Missing"] == nil)
    }

    @Test("only letters fold case: other bytes that differ by 0x20 are different names")
    func caseFoldingIsLettersOnly() {
        let field = HTTPHeaders.Field(name: "X-A@", value: "1")
        #expect(field.hasName("x-a@"))
        #expect(!field.hasName("X\u{0D}A@"))  // '-' (0x2D) vs CR (0x0D) differ only by 0x20
        #expect(!field.hasName("X-A`"))  // '@' (0x40) vs '`' (0x60)
        #expect(!field.hasName("X-A"))
    }

    @Test("setting replaces every field of a name in place; nil removes them")
    func replaceAndRemove() {
        var headers: HTTPHeaders = ["A": "1", "B": "2", "a": "3"]
        headers["a"] = "9"
        #expect(headers.map(\.value) == ["9", "2"])
        headers.replaceOrAdd(name: "C", value: "4")
        #expect(headers.map(\.name) == ["A", "B", "C"])
        headers["b"] = nil
        #expect(headers.map(\.name) == ["A", "C"])
        headers.remove(name: "a")
        headers.remove(name: "c")
        #expect(headers.isEmpty)
        #expect(headers == HTTPHeaders())
    }
}
