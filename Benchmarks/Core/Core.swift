import Benchmark
import Crypto
@_spi(StorekeeperInternal) import StorekeeperCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let small = (0..<48).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let kibibyte = (0..<1024).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let key = Array("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".utf8)

    Benchmark("Core.sha256.48B") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(StorekeeperCore.SHA256.hash(small)) }
    }
    Benchmark("Peer.swiftCrypto.sha256.48B") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Crypto.SHA256.hash(data: small)) }
    }
    Benchmark("Core.sha256.1KiB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(StorekeeperCore.SHA256.hash(kibibyte)) }
    }
    Benchmark("Peer.swiftCrypto.sha256.1KiB") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Crypto.SHA256.hash(data: kibibyte)) }
    }
    Benchmark("Core.hmacSHA256.1KiB") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(HMACSHA256.authenticationCode(for: kibibyte, key: key))
        }
    }
    Benchmark("Peer.swiftCrypto.hmacSHA256.1KiB") { benchmark in
        let symmetricKey = SymmetricKey(data: key)
        for _ in benchmark.scaledIterations {
            blackHole(HMAC<Crypto.SHA256>.authenticationCode(for: kibibyte, using: symmetricKey))
        }
    }
}
