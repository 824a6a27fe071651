import StorekeeperCore
import StorekeeperPagination
import Testing

@Suite("Page requests")
struct PageRequestTests {
    func request(
        _ query: String, _ policy: PaginationPolicy, cursors: CursorCodec? = nil
    ) throws(PaginationError) -> PageRequest {
        try PageRequest(query: QueryItem.parse(query), policy: policy, cursors: cursors)
    }

    func error(_ query: String, _ policy: PaginationPolicy, cursors: CursorCodec? = nil) -> PaginationError? {
        do {
            _ = try request(query, policy, cursors: cursors)
            return nil
        } catch {
            return error
        }
    }

    @Test("reads each profile's names and defaults")
    func defaults() throws {
        #expect(try request("", .shopiSync) == PageRequest(position: .page(1), limit: 50))
        #expect(try request("page=3&limit=20&active=true", .shopiSync) == PageRequest(position: .page(3), limit: 20))
        #expect(try request("", .partnerOrders) == PageRequest(position: .page(1), limit: 20))
        #expect(try request("page=2&page_size=5", .partnerOrders) == PageRequest(position: .page(2), limit: 5))
        #expect(try request("", .everShop).limit == 20)
        #expect(try request("", .keyset) == PageRequest(position: .start, limit: 10))
    }

    @Test(
        "refuses bad numbers with the parameter named",
        arguments: [
            ("page=0", "page", PaginationError.Code.invalidPage), ("page=-1", "page", .invalidPage),
            ("page=abc", "page", .invalidPage), ("page=1.5", "page", .invalidPage), ("page=", "page", .invalidPage),
            ("page=99999999999999999999", "page", .invalidPage), ("limit=0", "limit", .invalidLimit),
            ("limit=-5", "limit", .invalidLimit), ("limit=ten", "limit", .invalidLimit),
            ("page=+2", "page", .invalidPage),
        ]
    )
    func refusesBadNumbers(query: String, parameter: String, code: PaginationError.Code) throws {
        let error = try #require(self.error(query, .shopiSync))
        #expect(error.code == code)
        #expect(error.parameter == parameter)
        #expect(error.status == 400)
        #expect(!error.message.isEmpty)
    }

    @Test("clamps or rejects an over-large limit, per policy")
    func overLimit() throws {
        #expect(try request("limit=500", .shopiSync).limit == 100)
        let error = try #require(self.error("page_size=101", .partnerOrders))
        #expect(error.code == .limitTooLarge && error.parameter == "page_size")
        #expect(try request("page_size=100", .partnerOrders).limit == 100)
    }

    @Test("sort fields are checked against the policy")
    func sorting() throws {
        let policy = PaginationPolicy(
            sortParameter: "sort", sortFields: ["created_at", "price"], defaultSort: SortOrder(field: "created_at"))
        #expect(try request("", policy).sort == SortOrder(field: "created_at"))
        #expect(try request("sort=-price", policy).sort == SortOrder(field: "price", direction: .descending))
        let error = try #require(self.error("sort=password", policy))
        #expect(error.code == .invalidSort && error.parameter == "sort")
    }

    @Test("cursors: decoded and verified, never both directions, never with a page")
    func cursors() throws {
        let codec = try CursorCodec(keys: ["k1": Array(repeating: 7, count: 32)], currentKeyID: "k1")
        let cursor = Cursor(key: KeysetKey(values: [.integer(5)], id: "p_1"), direction: .after)
        let text = codec.encode(cursor)
        let after = try request("starting_after=\(text)&limit=3", .keyset, cursors: codec)
        #expect(after == PageRequest(position: .cursor(cursor), limit: 3))
        let before = try request("ending_before=\(text)", .keyset, cursors: codec)
        #expect(before.position == .cursor(Cursor(key: cursor.key, direction: .before)))
        #expect(
            error("starting_after=\(text)&ending_before=\(text)", .keyset, cursors: codec)?.code == .conflictingCursors)
        #expect(error("starting_after=garbage", .keyset, cursors: codec)?.code == .invalidCursor)
        #expect(error("starting_after=\(text)", .keyset)?.code == .invalidCursor, "no codec, no cursors")
        let mixed = PaginationPolicy(afterParameter: "cursor")
        #expect(error("page=2&cursor=\(text)", mixed, cursors: codec)?.code == .conflictingCursors)
    }
}
