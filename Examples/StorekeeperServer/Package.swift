// swift-tools-version:6.1
// The example host: Storekeeper's profiles served over HTTP by Hummingbird.
// A nested package, so the root package keeps no package dependencies.

import PackageDescription

let package = Package(
    name: "StorekeeperServer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "StorekeeperServer", targets: ["StorekeeperServer"]),
        .library(name: "StorekeeperServerApp", targets: ["StorekeeperServerApp"]),
    ],
    dependencies: [
        .package(name: "Storekeeper", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Already in Hummingbird's graph; named so the app can import the modules it uses.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .target(
            name: "StorekeeperServerApp",
            dependencies: [
                .product(name: "Storekeeper", package: "Storekeeper"),
                .product(name: "StorekeeperTesting", package: "Storekeeper"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "StorekeeperServer",
            dependencies: [
                "StorekeeperServerApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "StorekeeperServerAppTests",
            dependencies: [
                "StorekeeperServerApp",
                .product(name: "Storekeeper", package: "Storekeeper"),
                .product(name: "StorekeeperTesting", package: "Storekeeper"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
