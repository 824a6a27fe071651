// swift-tools-version:6.1
// Storekeeper's benchmarks (package-benchmark). Run inside this folder:
//   swift package --allow-writing-to-package-directory benchmark
// Every goal is a ratio against a peer measured in the same run.

import PackageDescription

let package = Package(
    name: "StorekeeperBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Storekeeper", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperCore", package: "Storekeeper"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Core",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "JSONBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperJSON", package: "Storekeeper"),
            ],
            path: "JSON",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "WebhooksBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperWebhooks", package: "Storekeeper"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Webhooks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "RateLimitBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperRateLimit", package: "Storekeeper"),
            ],
            path: "RateLimit",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "PaginationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperPagination", package: "Storekeeper"),
            ],
            path: "Pagination",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "KeysBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "StorekeeperKeys", package: "Storekeeper"),
                .product(name: "StorekeeperTesting", package: "Storekeeper"),
                .product(name: "StorekeeperCore", package: "Storekeeper"),
            ],
            path: "Keys",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
