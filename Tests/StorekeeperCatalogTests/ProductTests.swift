import StorekeeperCatalog
import StorekeeperJSON
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The canonical model holds every seed's product without loss.
@Suite("Product")
struct ProductTests {
    /// Spring's `PUT /api/1/product` sample (seed 001), corrected.
    static func springCathat() throws -> Product {
        func variant(_ sku: String, _ color: String, _ image: Int) throws -> Variant {
            try Variant(
                sku: SKU(sku),
                price: Money(parsing: "14.95", currency: .usd),
                displayName: "\(color) ONESIZE",
                imageURLs: (1...3).map { "http://example.com/images/cathat\(image),\($0).jpg" },
                attributes: [.init(code: "color", value: .text(color)), .init(code: "size", value: .text("ONESIZE"))],
                quantity: 1000
            )
        }
        return try Product(
            id: ProductID("SOMEID123"),
            owner: "2525",
            title: "Cathat",
            description: "A Hat for a Cat!",
            brand: nil,
            productURL: "http://example.com/cathat",
            imageURLs: ["http://example.com/images/cathat.jpg"],
            tags: ["hats", "cats", "headgear"],
            variants: [variant("162636740101", "Green", 1), variant("162080212940", "Purple", 2)],
            isActive: true,
            isPurchasable: true
        )
    }

    /// EverShop's product 281 (seed 002) with an option.
    static func evershop281() throws -> Product {
        let uuid = try #require(UUID(uuidString: "99a7b39c-a632-11ed-b46b-60d819134f39"))
        return try Product(
            id: ProductID(uuid),
            number: 281,
            title: "Q7Oq0kxZIMQ5isUyJRbg",
            urlKey: URLKey("Q7Oq0kxZIMQ5isUyJRbg"),
            metaTitle: "Q7Oq0kxZIMQ5isUyJRbg",
            categoryIDs: ["3"],
            attributeGroupID: "4",
            attributes: [
                .init(code: "material", value: .list(["cotton", "silk"])), .init(code: "color", value: .text("red")),
            ],
            options: [
                ProductOption(
                    id: 7,
                    name: "Gift wrap",
                    kind: .multiselect,
                    isRequired: false,
                    values: [
                        .init(id: 70, value: "Paper", extraPrice: Money(parsing: "2.5", currency: .usd)),
                        .init(value: nil, extraPrice: nil),
                    ]
                )
            ],
            variants: [
                Variant(
                    sku: SKU("Q7Oq0kxZIMQ5isUyJRbg"),
                    price: Money(jsonNumber: 43, currency: .usd),
                    quantity: 123,
                    managesStock: true,
                    isInStock: true,
                    weight: 17
                )
            ],
            isActive: false,
            isVisible: true
        )
    }

    /// A ShopiSync monitored product (seed 004).
    static func shopiSync42() throws -> Product {
        let usd = { (text: String) throws -> Money in try Money(parsing: text, currency: .usd) }
        return try Product(
            id: ProductID(42),
            title: "Trail shoe",
            variants: [Variant(sku: SKU("TS-42"), price: usd("24.99"))],
            pricing: PricingSettings(
                minPrice: usd("19.99"), maxPrice: usd("29.99"), costPrice: usd("12"), autoReprice: true),
            competitors: [
                Competitor(
                    id: "c1",
                    name: "Acme",
                    url: "https://acme.example/shoe",
                    currentPrice: usd("22.50"),
                    checkedAt: Date(timeIntervalSince1970: 1_700_000_000)
                )
            ]
        )
    }

    @Test("every seed's product round-trips through Codable unchanged")
    func codableRoundTrip() throws {
        for product in [try Self.springCathat(), try Self.evershop281(), try Self.shopiSync42()] {
            let data = try JSONEncoder().encode(product)
            let decoded = try JSONDecoder().decode(Product.self, from: data)
            #expect(decoded == product)
        }
    }

    @Test("a changed copy leaves the original as it was (value semantics over shared storage)")
    func copiesAreIndependent() throws {
        let original = try Self.shopiSync42()
        var copy = original
        #expect(copy == original)
        copy.title = "Renamed"
        copy.variants.append(Variant(sku: try SKU("NEW-1"), price: try Money(parsing: "1.00", currency: .usd)))
        copy.competitors.removeAll()
        copy.version += 1
        #expect(original.title != "Renamed" && original.variants.count + 1 == copy.variants.count)
        #expect(!original.competitors.isEmpty && original.version + 1 == copy.version)
        #expect(copy != original)
        var restored = copy
        restored.title = original.title
        restored.variants = original.variants
        restored.competitors = original.competitors
        restored.version = original.version
        #expect(restored == original && restored.hashValue == original.hashValue)
        #expect(Set([original, copy, restored]).count == 2)
    }

    @Test("the Codable form keeps one member per property, named as the property")
    func codableMembers() throws {
        let data = try JSONEncoder().encode(try Self.springCathat())
        let object = try #require(try JSONValue(parsing: Array(data)).object)
        for member in ["id", "owner", "title", "description", "imageURLs", "tags", "variants", "isActive", "version"] {
            #expect(object[member] != nil, "\(member)")
        }
        #expect(object["brand"] == nil, "a nil optional is left out, as synthesized Codable does")
        #expect(object["fields"] == nil && object["storage"] == nil)
    }

    @Test("a new product is unstored: version 0, no timestamps, live")
    func unstored() throws {
        let product = try Self.springCathat()
        #expect(product.version == 0)
        #expect(product.createdAt == nil && product.updatedAt == nil)
        #expect(!product.isDeleted)
        #expect(product.number == nil)
    }

    @Test("Spring's active and purchasable are independent")
    func activeVersusPurchasable() throws {
        var backorder = try Self.springCathat()
        backorder.isPurchasable = false
        #expect(backorder.isActive && !backorder.isPurchasable)
        var hidden = backorder
        hidden.isActive = false
        #expect(hidden != backorder)
    }

    @Test("variants are found by SKU")
    func variantBySKU() throws {
        let product = try Self.springCathat()
        #expect(try product.variant(sku: SKU("162080212940"))?.displayName == "Purple ONESIZE")
        #expect(try product.variant(sku: SKU("nope")) == nil)
    }

    @Test("EverShop's numeric id and UUID both survive")
    func evershopIdentity() throws {
        let product = try Self.evershop281()
        #expect(product.number == 281)
        #expect(product.id.uuidValue?.uuidString.lowercased() == "99a7b39c-a632-11ed-b46b-60d819134f39")
        #expect(product.options.first?.values.first?.extraPrice?.amountText == "2.50")
        #expect(product.variants.first?.price.amountText == "43.00")
    }

    @Test("attributes encode as a string or a list of strings")
    func attributeShape() throws {
        let data = try JSONEncoder().encode([
            ProductAttribute(code: "color", value: .text("red")),
            ProductAttribute(code: "material", value: .list(["cotton"])),
        ])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""value":"red""#))
        #expect(text.contains(#""value":["cotton"]"#))
    }

    @Test("option kinds are EverShop's option_type values")
    func optionKinds() {
        #expect(ProductOption.Kind.allCases.map(\.rawValue) == ["select", "multiselect"])
    }
}
