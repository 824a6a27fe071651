import Foundation

/// The Spring sample product request from `shared/bench/spring_product.json`, in the nearest
/// folder above the repository that has one (beside the main checkout, or above a worktree):
/// the input of the JSON, catalogue and pydantic-peer benchmarks.
public let springProductBytes: [UInt8] = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // SpringSample.swift, Fixtures, Benchmarks
    while url.path != "/" {
        url.deleteLastPathComponent()
        let file = url.appendingPathComponent("shared/bench/spring_product.json")
        if let data = FileManager.default.contents(atPath: file.path) { return [UInt8](data) }
    }
    FileHandle.standardError.write(Data("missing shared/bench/spring_product.json above \(#filePath)\n".utf8))
    return []
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

/// A Spring request as large as the sample with exactly 20 problems (too short, too long, wrong
/// types, a missing member, bad URLs, a negative stock count), for the failing-path benchmark.
public let invalidSpringProductBytes: [UInt8] = Array(
    #"""
    {"vendor_id": 2525, "product": {"id": "", "title": "\#(String(repeating: "T", count: 300))",
     "description": 5, "tags": "hats", "active": "yes", "purchasable": true,
     "affiliate_url": "not a url", "photo_urls": ["cathat.jpg", "cathat2.jpg"],
     "variants": [
      {"available_inventory": -1, "price": "14.95", "sku": "", "size": "\#(String(repeating: "S", count: 40))",
       "image_urls": ["cathat1.jpg"], "attributes": {"color": 1}},
      {"available_inventory": -5, "price": "14.95", "sku": "", "size": "\#(String(repeating: "S", count: 40))",
       "image_urls": ["cathat2.jpg"], "attributes": {"color": 2}}
     ]}}
    """#.utf8)

/// An EverShop create body with images, attributes and two options of three values each.
public let everShopProductWithOptionsBytes: [UInt8] = Array(
    #"""
    {"name": "Cathat", "description": "A Hat for a Cat!", "short_description": "Cat hat",
     "url_key": "cathat", "meta_title": "Cathat", "meta_description": "A hat", "meta_keywords": "hat,cat",
     "status": "1", "sku": "CATHAT-1", "price": "14.95", "weight": "0.25", "qty": "1000",
     "manage_stock": 1, "stock_availability": "1", "group_id": 4, "visibility": 1,
     "images": ["https://cdn.example/cathat-1.jpg", "https://cdn.example/cathat-2.jpg"],
     "attributes": [{"attribute_code": "color", "value": "green"}, {"attribute_code": "size", "value": ["S", "M", "L"]}],
     "category_id": 12,
     "options": [
      {"option_name": "Engraving", "option_type": "select", "is_required": "0",
       "values": [{"value": "None", "extra_price": "0"}, {"value": "Name", "extra_price": "4.50"},
                  {"value": "Name and date", "extra_price": 6}]},
      {"option_name": "Gift wrap", "option_type": "multiselect", "is_required": 0,
       "values": [{"value": "Paper", "extra_price": "1.00"}, {"value": "Box", "extra_price": "2.50"},
                  {"value": "Ribbon", "extra_price": 0.5}]}
     ]}
    """#.utf8)
