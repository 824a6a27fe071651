import Benchmark
import Foundation
import StorekeeperJSON

/// The Spring sample product from `shared/bench/spring_product.json`, beside the repository.
let springProductBytes: [UInt8] = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // JSON.swift, JSON, Benchmarks, repository
    let file = url.appendingPathComponent("shared/bench/spring_product.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
        FileHandle.standardError.write(Data("missing \(file.path)\n".utf8))
        return []
    }
    return [UInt8](data)
}()

/// The same product as Codable structs, for the Foundation peers.
struct SpringVariant: Codable {
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

struct SpringProduct: Codable {
    var id: String
    var title: String
    var description: String
    var tags: [String]
    var active: Bool
    var purchasable: Bool
    var externalBrand: String?
    var affiliateURL: String
    var photoURLs: [String]
    var variants: [SpringVariant]

    enum CodingKeys: String, CodingKey {
        case id, title, description, tags, active, purchasable
        case externalBrand = "external_brand"
        case affiliateURL = "affiliate_url"
        case photoURLs = "photo_urls"
        case variants
    }
}

struct SpringRequest: Codable {
    var vendorID: Int
    var product: SpringProduct

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

    Benchmark("JSON.parse.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONValue(parsing: bytes))
        }
    }

    Benchmark("Peer.JSONSerialization.parse.springProduct") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONSerialization.jsonObject(with: data))
        }
    }

    let productValue = (try? JSONValue(parsing: bytes))?["product"] ?? .null
    let page = JSONValue.array(Array(repeating: productValue, count: 50))
    Benchmark("JSON.write.productPage50") { benchmark in
        let writer = JSONWriter()
        for _ in benchmark.scaledIterations {
            var output: [UInt8] = []
            writer.write(page, to: &output)
            blackHole(output)
        }
    }

    let codablePage = (try? JSONDecoder().decode(SpringRequest.self, from: data)).map {
        Array(repeating: $0.product, count: 50)
    }
    Benchmark("Peer.JSONEncoder.productPage50") { benchmark in
        let encoder = JSONEncoder()
        for _ in benchmark.scaledIterations {
            blackHole(try encoder.encode(codablePage))
        }
    }
}
