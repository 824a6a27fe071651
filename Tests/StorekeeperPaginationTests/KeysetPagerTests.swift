import StorekeeperPagination
import StorekeeperTesting
import Testing

@Suite("Keyset paging")
struct KeysetPagerTests {
    struct Item: Sendable, Hashable {
        let createdAt: Int64
        let id: String
        var key: KeysetKey { KeysetKey(values: [.integer(createdAt)], id: id) }
    }

    func sorted(_ items: some Sequence<Item>) -> [Item] {
        items.sorted { $0.key < $1.key }
    }

    @Test("keys order by values, then by the ID's UTF-8 bytes, a prefix first")
    func keyOrder() {
        let ids = ["", "a", "ab", "b", "z", "é", "é1", "Z", "10", "9", "a\u{0}", "\u{1F600}"]
        for left in ids {
            for right in ids {
                let expected = Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
                #expect((KeysetKey(values: [], id: left) < KeysetKey(values: [], id: right)) == expected)
                #expect(
                    (Cursor.Value.string(left) < Cursor.Value.string(right)) == expected, "\(left) < \(right)")
            }
        }
        #expect(KeysetKey(values: [.integer(1)], id: "z") < KeysetKey(values: [.integer(2)], id: "a"))
        #expect(KeysetKey(values: [.integer(1)], id: "a") < KeysetKey(values: [.integer(1)], id: "b"))
        #expect(Cursor.Value.integer(99) < Cursor.Value.string(""))
    }

    @Test("pages forward and back through ties on the sort value")
    func forwardAndBack() {
        let items = sorted((0..<25).map { Item(createdAt: Int64($0 / 3), id: "id\($0)") })
        var page = KeysetPager.page(items, key: \.key, limit: 10, from: .start)
        var seen = page.items
        while let next = page.nextCursor {
            page = KeysetPager.page(items, key: \.key, limit: 10, from: .cursor(next))
            seen += page.items
        }
        #expect(seen == items)
        #expect(!page.hasMore && page.nextCursor == nil)
        let back = KeysetPager.page(
            items, key: \.key, limit: 10, from: .cursor(Cursor(key: items[15].key, direction: .before)))
        #expect(back.items == Array(items[5..<15]))
        #expect(back.previousCursor != nil)
        let first = KeysetPager.page(
            items, key: \.key, limit: 10, from: .cursor(Cursor(key: items[3].key, direction: .before)))
        #expect(first.items == Array(items[0..<3]) && first.previousCursor == nil)
    }

    @Test("a collection that gains and loses items while paging never repeats or skips an item that stayed")
    func stableUnderChanges() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        for _ in 0..<50 {
            var items = Set(
                (0..<200).map { Item(createdAt: Int64.random(in: 0...50, using: &generator), id: "i\($0)") })
            let original = items
            var served: [Item] = []
            var page = KeysetPager.page(sorted(items), key: \.key, limit: 7, from: .start)
            served += page.items
            var added = 200
            while let next = page.nextCursor {
                for _ in 0..<Int.random(in: 0...5, using: &generator) {
                    if let victim = items.randomElement(using: &generator) { items.remove(victim) }
                    items.insert(Item(createdAt: Int64.random(in: 0...50, using: &generator), id: "i\(added)"))
                    added += 1
                }
                page = KeysetPager.page(sorted(items), key: \.key, limit: 7, from: .cursor(next))
                served += page.items
            }
            let stayed = original.intersection(items)
            #expect(Set(served).count == served.count, "no item served twice")
            #expect(stayed.isSubset(of: Set(served)), "every item that stayed was served")
            #expect(served == served.sorted { $0.key < $1.key }, "served in order")
        }
    }

    @Test("offset pages slice a list and count pages")
    func offsetPages() {
        let all = Array(1...42)
        let third = Page.offset(all, page: 3, limit: 20)
        #expect(third.items == [41, 42] && !third.hasMore && third.totalPages == 3)
        #expect(Page.offset(all, page: 9, limit: 20).items.isEmpty)
        #expect(Page.offset([Int](), page: 1, limit: 20).totalPages == 1)
        #expect(Page.offset(all, page: Int.max, limit: 100).items.isEmpty)
        #expect(third.map { $0 * 2 }.items == [82, 84])
    }
}
