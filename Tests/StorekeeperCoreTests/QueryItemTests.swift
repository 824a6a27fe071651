import StorekeeperCore
import Testing

@Suite("Query items")
struct QueryItemTests {
    @Test("decodes percent escapes, plus signs and flags, in order")
    func parses() {
        let items = QueryItem.parse("page=2&q=red+hat%21&active&empty=&name=caf%C3%A9&&x=a%3Db")
        #expect(
            items == [
                QueryItem(name: "page", value: "2"), QueryItem(name: "q", value: "red hat!"),
                QueryItem(name: "active", value: ""), QueryItem(name: "empty", value: ""),
                QueryItem(name: "name", value: "café"), QueryItem(name: "x", value: "a=b"),
            ]
        )
    }

    @Test("keeps malformed escapes visibly instead of dropping them")
    func malformedEscapes() {
        #expect(
            QueryItem.parse("a=100%&b=%zz&c=%4") == [
                QueryItem(name: "a", value: "100%"), QueryItem(name: "b", value: "%zz"),
                QueryItem(name: "c", value: "%4"),
            ])
        #expect(QueryItem.parse("a=%FF").first?.value == "\u{FFFD}")
    }

    @Test("encodes everything but unreserved characters and round-trips")
    func encodes() {
        let items = [
            QueryItem(name: "q", value: "red hat & cat/é"), QueryItem(name: "sort", value: "-created_at"),
            QueryItem(name: "cursor", value: "ab+/=~."),
        ]
        let encoded = QueryItem.encode(items)
        #expect(encoded == "q=red%20hat%20%26%20cat%2F%C3%A9&sort=-created_at&cursor=ab%2B%2F%3D~.")
        #expect(QueryItem.parse(encoded) == items)
        #expect(QueryItem.encode([]) == "")
    }
}
