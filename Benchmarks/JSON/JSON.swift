import Benchmark
import BenchmarkFixtures
import Foundation
import StorekeeperJSON

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let bytes = springProductBytes
    let data = Data(bytes)

    Benchmark("JSON.parse.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONValue(parsing: bytes))
        }
    }

    Benchmark("Peer.JSONSerialization.parse.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.jsonObject(with: data))
        }
    }

    let productValue = (try? JSONValue(parsing: bytes))?["product"] ?? .null
    let page = JSONValue.array(Array(repeating: productValue, count: 50))
    Benchmark("JSON.write.productPage50") { benchmark in
        let writer = JSONWriter()
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            writer.write(page, to: &output)
            blackHole(output)
        }
    }

    let codablePage = (try? JSONDecoder().decode(CodableSpringRequest.self, from: data)).map {
        Array(repeating: $0.product, count: 50)
    }
    Benchmark("Peer.JSONEncoder.productPage50") { benchmark in
        let encoder = JSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(codablePage))
        }
    }
}
