import Foundation

/// The Spring sample product request from `shared/bench/spring_product.json`, beside the
/// repository: the input of the JSON, catalogue and pydantic-peer benchmarks.
public let springProductBytes: [UInt8] = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }  // SpringSample.swift, Fixtures, Benchmarks, repository
    let file = url.appendingPathComponent("shared/bench/spring_product.json")
    guard let data = FileManager.default.contents(atPath: file.path) else {
        FileHandle.standardError.write(Data("missing \(file.path)\n".utf8))
        return []
    }
    return [UInt8](data)
}()

/// The same request as Codable structs, for the Foundation peers.
public struct CodableSpringRequest: Codable, Sendable {
    /// A product.
    public struct Product: Codable, Sendable {
        /// A variant.
        public struct Variant: Codable, Sendable {
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

    /// The brand account.
    public var vendorID: Int
    /// The product.
    public var product: Product

    enum CodingKeys: String, CodingKey {
        case vendorID = "vendor_id"
        case product
    }
}
