public import StorekeeperCore
public import StorekeeperJSON

/// The JSON and headers each partner API wraps a page in, built from the same ``Page``.
public enum PageEnvelopes {
    /// ShopiSync: `{"success": true, "data": [...], "pagination": {"page", "limit", "total", "totalPages"}}`.
    public static func shopiSync(_ page: Page<JSONValue>) -> JSONValue {
        var pagination: JSONObject = [
            "page": .number(JSONNumber(page.page ?? 1)), "limit": .number(JSONNumber(page.limit)),
        ]
        if let total = page.total { pagination.append("total", .number(JSONNumber(total))) }
        if let pages = page.totalPages { pagination.append("totalPages", .number(JSONNumber(pages))) }
        return ["success": true, "data": .array(page.items), "pagination": .object(pagination)]
    }

    /// EverShop: `{"data": [...], "total", "currentPage", "limit", "links": [{"rel", "href", "action"}]}`
    /// with `first`, `last` (when the total is known), `next` and `prev` links.
    public static func everShop(_ page: Page<JSONValue>, links: PageLinks) -> JSONValue {
        var rendered: [JSONValue] = []
        for (rel, href) in [
            ("first", links.first), ("last", links.last), ("next", links.next), ("prev", links.previous),
        ] {
            if let href { rendered.append(["rel": .string(rel), "href": .string(href), "action": "GET"]) }
        }
        var object: JSONObject = ["data": .array(page.items)]
        if let total = page.total { object.append("total", .number(JSONNumber(total))) }
        object.append("currentPage", .number(JSONNumber(page.page ?? 1)))
        object.append("limit", .number(JSONNumber(page.limit)))
        object.append("links", .array(rendered))
        return .object(object)
    }

    /// The partner orders API (snake case, as its other fields):
    /// `{"data": [...], "pagination": {"page", "page_size", "total_items", "total_pages"}}`.
    public static func partnerOrders(_ page: Page<JSONValue>) -> JSONValue {
        var pagination: JSONObject = [
            "page": .number(JSONNumber(page.page ?? 1)), "page_size": .number(JSONNumber(page.limit)),
        ]
        if let total = page.total { pagination.append("total_items", .number(JSONNumber(total))) }
        if let pages = page.totalPages { pagination.append("total_pages", .number(JSONNumber(pages))) }
        return ["data": .array(page.items), "pagination": .object(pagination)]
    }

    /// A keyset page as a Stripe-style list: `{"object": "list", "data": [...], "has_more",
    /// "next_cursor", "previous_cursor"}`, the cursors signed by `codec` (`null` when absent).
    public static func keysetList(_ page: Page<JSONValue>, codec: CursorCodec) -> JSONValue {
        [
            "object": "list",
            "data": .array(page.items),
            "has_more": .bool(page.hasMore),
            "next_cursor": page.nextCursor.map { .string(codec.encode($0)) } ?? .null,
            "previous_cursor": page.previousCursor.map { .string(codec.encode($0)) } ?? .null,
        ]
    }

    /// Count headers: `X-Total-Count` (and WordPress's `X-WP-Total` and `X-WP-TotalPages`) when
    /// the total is known, and the RFC 8288 `Link` header when links are given.
    public static func headers(for page: Page<some Sendable>, links: PageLinks? = nil) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let total = page.total, let pages = page.totalPages {
            headers.add(name: "X-Total-Count", value: String(total))
            headers.add(name: "X-WP-Total", value: String(total))
            headers.add(name: "X-WP-TotalPages", value: String(pages))
        }
        if let links { headers.add(name: "Link", value: links.linkHeader) }
        return headers
    }
}
