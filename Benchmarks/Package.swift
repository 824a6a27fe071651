// swift-tools-version:6.1
// Storekeeper's benchmarks (package-benchmark). Run inside this folder:
//   swift package --allow-writing-to-package-directory benchmark
// Every goal is a ratio against a peer measured in the same run.

import PackageDescription

/// A benchmark executable in the folder `area`, using the given Storekeeper modules (and
/// swift-crypto when it measures against it, HeapUsage when it reads the heap's size).
func benchmark(_ area: String, storekeeper modules: [String], crypto: Bool = false, heapUsage: Bool = false) -> Target {
    var dependencies: [Target.Dependency] = [
        .product(name: "Benchmark", package: "package-benchmark"), "BenchmarkFixtures",
    ]
    dependencies += modules.map { .product(name: $0, package: "Storekeeper") }
    if crypto { dependencies.append(.product(name: "Crypto", package: "swift-crypto")) }
    if heapUsage { dependencies.append("HeapUsage") }
    return .executableTarget(
        name: "\(area)Benchmarks",
        dependencies: dependencies,
        path: area,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
    )
}

let package = Package(
    name: "StorekeeperBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Storekeeper", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .target(name: "BenchmarkFixtures", path: "Fixtures"),
        .target(name: "HeapUsage", path: "HeapUsage"),
        benchmark(
            "API",
            storekeeper: [
                "StorekeeperAPI", "StorekeeperCatalog", "StorekeeperCore", "StorekeeperJSON", "StorekeeperKeys",
                "StorekeeperPagination", "StorekeeperRateLimit", "StorekeeperTesting",
            ]
        ),
        benchmark("Catalog", storekeeper: ["StorekeeperCatalog", "StorekeeperJSON", "StorekeeperSchema"]),
        benchmark("Core", storekeeper: ["StorekeeperCore"], crypto: true),
        benchmark("JSON", storekeeper: ["StorekeeperJSON"]),
        benchmark("Keys", storekeeper: ["StorekeeperCore", "StorekeeperKeys", "StorekeeperTesting"]),
        benchmark("Pagination", storekeeper: ["StorekeeperPagination"]),
        benchmark("RateLimit", storekeeper: ["StorekeeperRateLimit"], heapUsage: true),
        benchmark("Webhooks", storekeeper: ["StorekeeperWebhooks"], crypto: true),
    ],
    swiftLanguageModes: [.v6]
)
