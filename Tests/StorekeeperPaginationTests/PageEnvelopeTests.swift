import StorekeeperCore
import StorekeeperJSON
import StorekeeperPagination
import Testing

@Suite("Page links and envelopes")
struct PageEnvelopeTests {
    let page = Page<JSONValue>(items: [["id": 1], ["id": 2]], page: 2, limit: 2, total: 5, hasMore: true)

    func text(_ value: JSONValue) -> String {
        String(decoding: JSONWriter().serialize(value), as: UTF8.self)
    }

    @Test("links keep other parameters in order and percent-encode them")
    func links() {
        let query = QueryItem.parse("active=true&q=red+hat%26co&page=2&limit=2")
        let links = PageLinks(for: page, path: "/api/products", query: query)
        #expect(links.first == "/api/products?active=true&q=red%20hat%26co&page=1&limit=2")
        #expect(links.previous == "/api/products?active=true&q=red%20hat%26co&page=1&limit=2")
        #expect(links.next == "/api/products?active=true&q=red%20hat%26co&page=3&limit=2")
        #expect(links.last == "/api/products?active=true&q=red%20hat%26co&page=3&limit=2")
        let firstPage = PageLinks(for: Page<Int>(items: [], page: 1, limit: 2, hasMore: false), path: "/p", query: [])
        #expect(
            firstPage.first == "/p?page=1" && firstPage.previous == nil && firstPage.next == nil
                && firstPage.last == nil)
        #expect(
            links.linkHeader == "</api/products?active=true&q=red%20hat%26co&page=1&limit=2>; rel=\"first\", "
                + "</api/products?active=true&q=red%20hat%26co&page=1&limit=2>; rel=\"prev\", "
                + "</api/products?active=true&q=red%20hat%26co&page=3&limit=2>; rel=\"next\", "
                + "</api/products?active=true&q=red%20hat%26co&page=3&limit=2>; rel=\"last\""
        )
    }

    @Test("ShopiSync, EverShop and partner-orders envelopes")
    func envelopes() {
        #expect(
            text(PageEnvelopes.shopiSync(page))
                == #"{"success":true,"data":[{"id":1},{"id":2}],"pagination":{"page":2,"limit":2,"total":5,"totalPages":3}}"#
        )
        let links = PageLinks(for: page, path: "/api/products", query: [])
        #expect(
            text(PageEnvelopes.everShop(page, links: links))
                == #"{"data":[{"id":1},{"id":2}],"total":5,"currentPage":2,"limit":2,"links":["#
                + #"{"rel":"first","href":"/api/products?page=1","action":"GET"},"#
                + #"{"rel":"last","href":"/api/products?page=3","action":"GET"},"#
                + #"{"rel":"next","href":"/api/products?page=3","action":"GET"},"#
                + #"{"rel":"prev","href":"/api/products?page=1","action":"GET"}]}"#
        )
        #expect(
            text(PageEnvelopes.partnerOrders(page))
                == #"{"data":[{"id":1},{"id":2}],"pagination":{"page":2,"page_size":2,"total_items":5,"total_pages":3}}"#
        )
        let unknownTotal = Page<JSONValue>(items: [], page: 1, limit: 20, hasMore: false)
        #expect(
            text(PageEnvelopes.shopiSync(unknownTotal))
                == #"{"success":true,"data":[],"pagination":{"page":1,"limit":20}}"#)
    }

    @Test("keyset lists carry signed cursors")
    func keysetList() throws {
        let codec = try CursorCodec(keys: ["k": Array(repeating: 3, count: 32)], currentKeyID: "k")
        let next = Cursor(key: KeysetKey(values: [], id: "p2"), direction: .after)
        let list = PageEnvelopes.keysetList(
            Page(items: [["id": "p2"]], limit: 1, hasMore: true, nextCursor: next), codec: codec)
        #expect(list["object"] == "list" && list["has_more"] == true && list["previous_cursor"] == .null)
        let cursorText = try #require(list["next_cursor"]?.string)
        #expect(try codec.decode(cursorText, parameter: "starting_after") == next)
    }

    @Test("count headers only when the total is known")
    func headers() {
        let headers = PageEnvelopes.headers(for: page)
        #expect(
            headers.map { "\($0.name): \($0.value)" } == ["X-Total-Count: 5", "X-WP-Total: 5", "X-WP-TotalPages: 3"])
        #expect(PageEnvelopes.headers(for: Page<Int>(items: [], limit: 1, hasMore: false)).isEmpty)
    }
}
