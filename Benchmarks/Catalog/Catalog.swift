import Benchmark
import Foundation
import StorekeeperCatalog

/// The Spring sample product from `shared/bench/spring_product.json`, beside the repository.
let springProductBytes: [UInt8] = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // Catalog.swift, Catalog, Benchmarks, repository
    return FileManager.default.contents(atPath: url.appendingPathComponent("shared/bench/spring_product.json").path)
        .map { [UInt8]($0) } ?? []
}()

/// The same request as Codable structs, for the Foundation peer.
struct CodableSpringRequest: Codable {
    struct Product: Codable {
        struct Variant: Codable {
            var availableInventory: Int
            var price: String
            var sku: String
            var size: String
            var imageURLs: [String]
            var attributes: [String: String]

            enum CodingKeys: String, CodingKey {
                case availableInventory = "available_inventory"
                case price, sku, size
                case imageURLs = "image_urls"
                case attributes
            }
        }

        var id: String
        var title: String
        var description: String
        var tags: [String]
        var active: Bool
        var purchasable: Bool
        var externalBrand: String?
        var affiliateURL: String
        var photoURLs: [String]
        var variants: [Variant]

        enum CodingKeys: String, CodingKey {
            case id, title, description, tags, active, purchasable
            case externalBrand = "external_brand"
            case affiliateURL = "affiliate_url"
            case photoURLs = "photo_urls"
            case variants
        }
    }

    var vendorID: Int
    var product: Product

    enum CodingKeys: String, CodingKey {
        case vendorID = "vendor_id"
        case product
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    let bytes = springProductBytes
    let data = Data(bytes)

    Benchmark("Catalog.decodeValidate.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try SpringProductRequest.decode(json: bytes))
        }
    }

    Benchmark("Peer.JSONDecoder.springProduct") { benchmark in
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            blackHole(try decoder.decode(CodableSpringRequest.self, from: data))
        }
    }
}
