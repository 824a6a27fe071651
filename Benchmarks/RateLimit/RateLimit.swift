import Benchmark
import Dispatch
import Foundation
import StorekeeperRateLimit

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let policy = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    // One decision per iteration, on one key; the clock advances 4 ms per request, so the key
    // runs at the limit and half the requests are denied: both paths are measured.
    Benchmark("RateLimit.acquire.hotKey", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let store = InMemoryRateLimitStore()
        var now = start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            now.addTimeInterval(0.004)
            blackHole(try store.acquire(key: "hot", policy: policy, cost: 1, now: now))
        }
    }

    let keys = (0..<100_000).map { "key-\($0)" }
    // Populated once and shared by every sample: only the round-robin decisions are measured.
    let populated = InMemoryRateLimitStore()
    for key in keys { _ = try? populated.acquire(key: key, policy: policy, cost: 1, now: start) }
    Benchmark("RateLimit.acquire.100kKeys", configuration: .init(scalingFactor: .kilo)) { benchmark in
        var index = 0
        for _ in benchmark.scaledIterations {
            index = index == keys.count - 1 ? 0 : index + 1
            blackHole(try populated.acquire(key: keys[index], policy: policy, cost: 1, now: start))
        }
    }

    // Two threads on disjoint key ranges of one store, against the same work on one thread:
    // compare their throughput (decisions per second). A million decisions per sample, so
    // starting the second thread (tens of microseconds) does not count.
    let shared = InMemoryRateLimitStore()
    Benchmark("RateLimit.acquire.2threads", configuration: .init(scalingFactor: .mega)) { benchmark in
        let perThread = benchmark.scaledIterations.count / 2
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for index in 0..<perThread {
                blackHole(
                    try? shared.acquire(key: keys[(index & 1023) + thread * 1024], policy: policy, cost: 0, now: start))
            }
        }
    }

    Benchmark("RateLimit.acquire.1thread", configuration: .init(scalingFactor: .mega)) { benchmark in
        for index in benchmark.scaledIterations {
            blackHole(try? shared.acquire(key: keys[index & 2047], policy: policy, cost: 0, now: start))
        }
    }

    // Memory: resident growth for 100,000 tracked keys (divide the peak by 100,000).
    Benchmark(
        "RateLimit.memory.100kKeys",
        configuration: .init(metrics: [.peakMemoryResidentDelta, .mallocCountTotal], maxIterations: 3)
    ) { benchmark in
        let store = InMemoryRateLimitStore()
        benchmark.startMeasurement()
        for key in keys { _ = try store.acquire(key: key, policy: policy, cost: 1, now: start) }
        benchmark.stopMeasurement()
        blackHole(store.trackedKeyCount)
    }
}
