import Benchmark
import BenchmarkFixtures
import Foundation
import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperSchema

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    // A thousand calls per sample, each sample reporting the time per call: one call is
    // microseconds, so starting and stopping the clock around each one (for asynchronous
    // benchmarks, a task hand-off of tens of microseconds) would otherwise dominate it.
    let perIteration = Benchmark.Configuration(scalingFactor: .kilo)
    let bytes = springProductBytes
    let data = Data(bytes)

    Benchmark("Catalog.decodeValidate.springProduct", configuration: perIteration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SpringProductRequest.decode(json: bytes))
        }
    }

    /// Thrown when a fixture does not have the shape its benchmark measures.
    struct FixtureMismatch: Error, CustomStringConvertible {
        var description: String
    }

    // The failing path: the same work on a request of the same size with 20 problems, all reported.
    Benchmark("Catalog.validate.invalidSpringProduct20Issues", configuration: perIteration) { benchmark in
        let invalid = invalidSpringProductBytes
        do {
            _ = try SpringProductRequest.decode(json: invalid)
            throw FixtureMismatch(description: "the invalid Spring request validated")
        } catch let report as ValidationReport where report.issues.count != 20 {
            throw FixtureMismatch(description: "expected 20 issues, found \(report.issues.count): \(report)")
        } catch is ValidationReport {}
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            do {
                blackHole(try SpringProductRequest.decode(json: invalid))
            } catch {
                blackHole(error)
            }
        }
    }

    Benchmark("Catalog.decodeValidate.evershopProductWithOptions", configuration: perIteration) { benchmark in
        let body = everShopProductWithOptionsBytes
        let id = try ProductID("cathat")
        for _ in benchmark.scaledIterations {
            let outcome = EverShopProductInput.createSchema.validate(json: body)
            guard outcome.report.isValid else { throw outcome.report }
            let input = EverShopProductInput(validated: ValidatedFields(outcome.value))
            blackHole(try input.newProduct(id: id, currency: .usd))
        }
    }

    Benchmark("Peer.JSONDecoder.springProduct", configuration: perIteration) { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(CodableSpringRequest.self, from: data))
        }
    }
}
