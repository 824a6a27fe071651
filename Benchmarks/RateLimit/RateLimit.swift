import Benchmark
import Dispatch
import Foundation
import HeapUsage
import StorekeeperRateLimit
import Synchronization

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    // The single-key and many-key figures: up to 100,000 samples of 1,000 decisions over up to
    // eight seconds. This host's speed drifts by up to half for seconds at a time; a run of under
    // a second (the default's 10,000 samples) can land wholly in a slow spell, a longer one
    // spreads over several.
    let perDecision = Benchmark.Configuration(scalingFactor: .kilo, maxDuration: .seconds(8), maxIterations: 100_000)
    let policy = RateLimitPolicy(name: "default", limit: 1000, window: .seconds(3600))
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    // One decision per iteration, on one key, in one store kept across samples: the clock
    // advances 1.8 s per request, twice the rate the policy allows (1,000 an hour), so once the
    // window is full half the requests are admitted and half denied, and the window slides by a
    // bucket every 20 requests: every path of a decision is measured, but not the store's
    // creation.
    let hotStore = InMemoryRateLimitStore()
    let hotClock = Mutex(start)
    Benchmark("RateLimit.acquire.hotKey", configuration: perDecision) { benchmark in
        var now = hotClock.withLock { $0 }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            now.addTimeInterval(1.8)
            blackHole(try hotStore.acquire(key: "hot", policy: policy, cost: 1, now: now))
        }
        benchmark.stopMeasurement()
        hotClock.withLock { $0 = now }
    }

    let keys = (0..<100_000).map { "key-\($0)" }

    // 100,000 keys in turn, each at its policy's average allowed rate: the clock advances
    // 36 µs per decision, so each key asks once every 3.6 s, 1,000 times an hour, ten requests
    // per 36-second bucket (the common case: a key's window stays inside its entry). A run makes
    // at most 100 million decisions, an hour of the clock, so almost every one is admitted. The
    // store and the clock are kept across samples, each going on where the last stopped, so the
    // run cycles through every key (13 MB of entries, far more than this host caches).
    let steady = InMemoryRateLimitStore()
    for key in keys { _ = try? steady.acquire(key: key, policy: policy, cost: 1, now: start) }
    let steadyPosition = Mutex((decision: 0, key: 0))
    Benchmark("RateLimit.acquire.100kKeys", configuration: perDecision) { benchmark in
        var (decision, key) = steadyPosition.withLock { $0 }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            decision += 1
            key = key == keys.count - 1 ? 0 : key + 1
            let now = start.addingTimeInterval(Double(decision) * 0.000_036)
            blackHole(try steady.acquire(key: keys[key], policy: policy, cost: 1, now: now))
        }
        benchmark.stopMeasurement()
        steadyPosition.withLock { $0 = (decision, key) }
    }

    // A store tracking 100,000 keys, every decision at one instant: each key's count grows in
    // a single bucket up to its limit of 1,000, so its window widens, moving to the heap with
    // 8-bit counts after 15 passes over the keys and 16-bit ones after 255, and each decision
    // then reaches the entry and the window (busy keys, all at once: the worst case for memory;
    // a run of eight seconds is mostly past the widening). Populated once; each sample goes on
    // where the last stopped.
    let populated = InMemoryRateLimitStore()
    for key in keys { _ = try? populated.acquire(key: key, policy: policy, cost: 1, now: start) }
    // Decides `count` times, on the keys after `index` in turn among the first `keyCount`, and
    // returns the last key's index.
    @Sendable func decideRoundRobin(after index: Int, among keyCount: Int, count: Int) throws -> Int {
        var index = index
        for _ in 0..<count {
            index = index == keyCount - 1 ? 0 : index + 1
            blackHole(try populated.acquire(key: keys[index], policy: policy, cost: 1, now: start))
        }
        return index
    }
    let nextKey = Mutex(0)
    Benchmark("RateLimit.acquire.100kKeysOneInstant", configuration: perDecision) { benchmark in
        let index = nextKey.withLock { $0 }
        benchmark.startMeasurement()
        let last = try decideRoundRobin(after: index, among: keys.count, count: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        nextKey.withLock { $0 = last }
    }

    // The same store, the decisions cycling through 1,000 of its keys (a hot set, as skewed
    // traffic has, that stays in the processor's caches).
    Benchmark("RateLimit.acquire.100kKeysHot1k", configuration: perDecision) { benchmark in
        _ = try decideRoundRobin(after: 0, among: 1000, count: benchmark.scaledIterations.count)
    }

    // Two threads on disjoint key ranges of one store, against the same work on one thread:
    // compare their throughput (decisions per second). The threads claim the work in chunks of
    // 1,000, as Go's `RunParallel` does, so that when the host slows one of this machine's two
    // processors for a while the other does not finish early and sit idle.
    let shared = InMemoryRateLimitStore()
    @Sendable func decideOnTwoThreads(_ count: Int) {
        let chunk = 1000
        let claimed = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            var index = 0
            while claimed.wrappingAdd(chunk, ordering: .relaxed).oldValue < count {
                for _ in 0..<chunk {
                    blackHole(
                        try? shared.acquire(
                            key: keys[(index & 1023) + thread * 1024], policy: policy, cost: 0, now: start))
                    index += 1
                }
            }
        }
    }
    // One thread on the first thread's 1,024 keys: each thread of either benchmark cycles through
    // the same number of keys, so neither gains from a smaller working set.
    @Sendable func decideOnOneThread(_ count: Int) {
        for index in 0..<count {
            blackHole(try? shared.acquire(key: keys[index & 1023], policy: policy, cost: 0, now: start))
        }
    }

    // A million decisions per sample, so starting the second thread (tens of microseconds)
    // does not count.
    Benchmark("RateLimit.acquire.2threads", configuration: .init(scalingFactor: .mega)) { benchmark in
        decideOnTwoThreads(benchmark.scaledIterations.count)
    }

    Benchmark("RateLimit.acquire.1thread", configuration: .init(scalingFactor: .mega)) { benchmark in
        decideOnOneThread(benchmark.scaledIterations.count)
    }

    // The same two workloads, paired: each sample times a million decisions on one thread and on
    // two, back to back (alternating which goes first), and records the ratio of their
    // throughputs in percent. This host's speed drifts by up to half for seconds at a time,
    // on both processors at once, so the separate benchmarks above, seconds apart, can land in
    // different phases; a pair, a tenth of a second long, almost always lands in one.
    let scaling = BenchmarkMetric.custom(
        "2 threads / 1 thread throughput (%)", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark(
        "RateLimit.acquire.2threadsVs1thread",
        configuration: .init(metrics: [scaling], maxDuration: .seconds(8), maxIterations: 60)
    ) { benchmark in
        let clock = ContinuousClock()
        let decisions = 1_000_000
        var oneThread = Duration.zero
        var twoThreads = Duration.zero
        if benchmark.currentIteration % 2 == 0 {
            oneThread = clock.measure { decideOnOneThread(decisions) }
            twoThreads = clock.measure { decideOnTwoThreads(decisions) }
        } else {
            twoThreads = clock.measure { decideOnTwoThreads(decisions) }
            oneThread = clock.measure { decideOnOneThread(decisions) }
        }
        benchmark.measurement(scaling, Int((oneThread / twoThreads * 100).rounded()))
    }

    // Memory: the heap bytes in use after tracking 100,000 keys, less those before, divided by
    // the keys (glibc's count of every block malloc handed out and not taken back, the
    // allocator's own overhead included). Light keys take one request each; busy ones 16 units
    // in one bucket (a burst: more than 4-bit counts hold, kept in an overflow cell); wide ones
    // 16 units in each of four buckets, one more than the three cells, so each window widens to
    // 8-bit counts on the heap.
    let bytesPerKey = BenchmarkMetric.custom("Heap bytes per key", polarity: .prefersSmaller, useScalingFactor: false)
    for (name, cost, buckets) in [("100kKeys", 1, 1), ("100kBusyKeys", 16, 1), ("100kWideKeys", 16, 4)] {
        Benchmark(
            "RateLimit.memory.\(name)",
            configuration: .init(metrics: [bytesPerKey, .mallocCountTotal], maxIterations: 3)
        ) { benchmark in
            let before = heap_bytes_in_use()
            let store = InMemoryRateLimitStore()
            for bucket in 0..<buckets {
                // A bucket of the default policy is 36 seconds.
                let now = start.addingTimeInterval(Double(bucket) * 36)
                for key in keys { _ = try store.acquire(key: key, policy: policy, cost: cost, now: now) }
            }
            benchmark.measurement(bytesPerKey, (heap_bytes_in_use() - before) / keys.count)
            blackHole(store.trackedKeyCount)
        }
    }
}
