import Benchmark
import BenchmarkFixtures
import Foundation
import StorekeeperCatalog

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let bytes = springProductBytes
    let data = Data(bytes)

    Benchmark("Catalog.decodeValidate.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SpringProductRequest.decode(json: bytes))
        }
    }

    Benchmark("Peer.JSONDecoder.springProduct") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(CodableSpringRequest.self, from: data))
        }
    }
}
