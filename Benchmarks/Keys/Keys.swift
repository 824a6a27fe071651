import Benchmark
import StorekeeperCore
import StorekeeperKeys
import StorekeeperTesting

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    guard let pepper = try? APIKeyPepper(version: 1, secret: Array(repeating: 42, count: 32)),
        let format = try? APIKeyFormat(prefixes: ["sk_live"])
    else { return }
    let store = InMemoryAPIKeyStore()
    let manager = APIKeyManager(store: store, peppers: [pepper], format: format, clock: ManualClock())

    // A million keys in the store; the measured key is one of them. A thousand verifications per
    // sample, so the figure is the verification, not the harness's clock reads around it.
    Benchmark("Keys.verify.valid", configuration: .init(scalingFactor: .kilo)) { benchmark in
        if store.count < 1_000_000 {
            for index in store.count..<999_999 {
                _ = try await manager.create(
                    owner: "owner-\(index % 1000)", name: "key", prefix: "sk_live", permissions: [.read])
            }
        }
        let key = try await manager.create(owner: "owner", name: "measured", prefix: "sk_live", permissions: [.read])
        let plaintext = key.secret.plaintext
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await manager.verify(plaintext, clientAddress: nil, requiring: .read))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    // A checksum that does not match: refused by the manager before any store access (the tests
    // check that no store call happens), without throwing.
    let bad = "sk_live_ABCDEFGHIJKLMNOPQRSTUV000000"
    Benchmark("Keys.verify.badChecksum", configuration: .init(scalingFactor: .kilo)) { benchmark in
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await manager.authenticate(bad, clientAddress: nil, requiring: .read))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    Benchmark("Keys.create") { benchmark in
        let fresh = APIKeyManager(store: InMemoryAPIKeyStore(), peppers: [pepper], format: format, clock: ManualClock())
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await fresh.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read]))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    Benchmark(
        "Keys.memory.100kKeys",
        configuration: .init(metrics: [.peakMemoryResidentDelta, .mallocCountTotal], maxIterations: 3)
    ) { benchmark in
        let fresh = APIKeyManager(store: InMemoryAPIKeyStore(), peppers: [pepper], format: format, clock: ManualClock())
        for _ in 0..<100_000 {
            blackHole(try await fresh.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read]))
        }
    }
}
