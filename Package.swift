// swift-tools-version:6.1
// Storekeeper has no package dependencies: that is a rule, not an accident.
// Benchmarks/ and Examples/ are nested packages with their own manifests.

import PackageDescription

let package = Package(
    name: "Storekeeper",
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "Storekeeper", targets: ["Storekeeper"]),
        .library(name: "StorekeeperCore", targets: ["StorekeeperCore"]),
        .library(name: "StorekeeperJSON", targets: ["StorekeeperJSON"]),
        .library(name: "StorekeeperSchema", targets: ["StorekeeperSchema"]),
        .library(name: "StorekeeperKeys", targets: ["StorekeeperKeys"]),
        .library(name: "StorekeeperPagination", targets: ["StorekeeperPagination"]),
        .library(name: "StorekeeperCatalog", targets: ["StorekeeperCatalog"]),
        .library(name: "StorekeeperRateLimit", targets: ["StorekeeperRateLimit"]),
        .library(name: "StorekeeperWebhooks", targets: ["StorekeeperWebhooks"]),
        .library(name: "StorekeeperAPI", targets: ["StorekeeperAPI"]),
        .library(name: "StorekeeperTesting", targets: ["StorekeeperTesting"]),
    ],
    targets: [
        // SHA-256 with the x86 SHA extensions where the processor has them; C because Swift has no
        // access to those instructions. Internal to StorekeeperCore, never a product.
        .target(name: "CStorekeeperSHA"),
        .target(name: "StorekeeperCore", dependencies: ["CStorekeeperSHA"]),
        .target(name: "StorekeeperJSON", dependencies: ["StorekeeperCore"]),
        .target(name: "StorekeeperSchema", dependencies: ["StorekeeperJSON"]),
        .target(name: "StorekeeperKeys", dependencies: ["StorekeeperCore"]),
        .target(name: "StorekeeperPagination", dependencies: ["StorekeeperCore", "StorekeeperJSON"]),
        .target(
            name: "StorekeeperCatalog",
            dependencies: ["StorekeeperCore", "StorekeeperJSON", "StorekeeperSchema", "StorekeeperPagination"]
        ),
        .target(name: "StorekeeperRateLimit", dependencies: ["StorekeeperCore"]),
        .target(name: "StorekeeperWebhooks", dependencies: ["StorekeeperCore", "StorekeeperJSON"]),
        .target(
            name: "StorekeeperAPI",
            dependencies: [
                "StorekeeperCore", "StorekeeperJSON", "StorekeeperSchema", "StorekeeperCatalog", "StorekeeperKeys",
                "StorekeeperPagination", "StorekeeperRateLimit", "StorekeeperWebhooks",
            ]
        ),
        .target(
            name: "Storekeeper",
            dependencies: [
                "StorekeeperCore", "StorekeeperJSON", "StorekeeperSchema", "StorekeeperCatalog", "StorekeeperKeys",
                "StorekeeperPagination", "StorekeeperRateLimit", "StorekeeperWebhooks", "StorekeeperAPI",
            ]
        ),
        .target(
            name: "StorekeeperTesting",
            dependencies: [
                "StorekeeperCore", "StorekeeperJSON", "StorekeeperKeys", "StorekeeperRateLimit", "StorekeeperWebhooks",
                "StorekeeperCatalog", "StorekeeperPagination", "StorekeeperAPI",
            ]
        ),

        .testTarget(name: "StorekeeperCoreTests", dependencies: ["StorekeeperCore", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperJSONTests", dependencies: ["StorekeeperJSON", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperSchemaTests", dependencies: ["StorekeeperSchema"]),
        .testTarget(name: "StorekeeperKeysTests", dependencies: ["StorekeeperKeys", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperPaginationTests", dependencies: ["StorekeeperPagination", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperCatalogTests", dependencies: ["StorekeeperCatalog", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperRateLimitTests", dependencies: ["StorekeeperRateLimit", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperWebhooksTests", dependencies: ["StorekeeperWebhooks", "StorekeeperTesting"]),
        .testTarget(name: "StorekeeperAPITests", dependencies: ["StorekeeperAPI", "StorekeeperTesting"]),
        .testTarget(
            name: "StorekeeperTestingTests",
            dependencies: [
                "StorekeeperTesting", "StorekeeperAPI", "StorekeeperCatalog", "StorekeeperCore", "StorekeeperJSON",
                "StorekeeperKeys",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.name != "CStorekeeperSHA" {
    var settings = target.swiftSettings ?? []
    settings.append(contentsOf: [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ])
    target.swiftSettings = settings
}
