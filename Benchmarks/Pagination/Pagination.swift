import Benchmark
import StorekeeperPagination

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    guard let codec = try? CursorCodec(keys: ["k1": Array(repeating: 7, count: 32)], currentKeyID: "k1") else { return }
    let cursor = Cursor(key: KeysetKey(values: [.integer(1_700_000_000_123)], id: "product_0042"), direction: .after)

    Benchmark("Pagination.cursor.roundTrip") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try codec.decode(codec.encode(cursor), parameter: "cursor"))
        }
    }

    struct Item: Sendable {
        let key: KeysetKey
    }
    // One million items already sorted by key, as an in-memory store keeps them.
    let items = (0..<1_000_000).map { Item(key: KeysetKey(values: [.integer(Int64($0 / 2))], id: "id\($0)")) }
    Benchmark("Pagination.keyset.page50.of1M.first") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(KeysetPager.page(items, key: \.key, limit: 50, from: .start))
        }
    }
    // Page 10,000: the cursor of item 499,999.
    let deep = Cursor(key: items[499_999].key, direction: .after)
    Benchmark("Pagination.keyset.page50.of1M") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(KeysetPager.page(items, key: \.key, limit: 50, from: .cursor(deep)))
        }
    }
}
