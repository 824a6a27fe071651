import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Spring wire format")
struct SpringWireFormatTests {
    /// The corrected sample: `shared/bench/spring_product.json` beside the repository.
    static let sample: [UInt8]? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return FileManager.default.contents(atPath: url.appendingPathComponent("shared/bench/spring_product.json").path)
            .map { [UInt8]($0) }
    }()

    /// The body of `PUT /api/1/product` exactly as printed in the Spring documentation (seed 001).
    static let printedSample = #"""
        {
            "vendor_id": 2525,
            "product": {
                "id": "SOMEID123",
                "title": "Cathat",
                "description": "A Hat for a Cat!",
                "tags": ["hats", "cats", "headgear"]
                "active": true,
                "purchasable": true,
                "variants": []
            }
        }
        """#

    func product(_ edit: (inout JSONObject) -> Void) -> JSONValue {
        var product: JSONObject = [
            "id": "SOMEID123", "title": "Cathat", "description": "A Hat for a Cat!", "tags": ["hats"], "active": true,
            "purchasable": true, "external_brand": nil, "affiliate_url": "http://example.com/cathat",
            "photo_urls": ["http://example.com/cathat.jpg"],
            "variants": [["available_inventory": 1000, "price": "14.95", "sku": "A1", "size": "Green ONESIZE"]],
        ]
        edit(&product)
        return ["vendor_id": 2525, "product": .object(product)]
    }

    func codes(_ value: JSONValue) -> [String] {
        SpringProductRequest.schema.validate(value).report.issues.map { "\($0.path) \($0.code)" }
    }

    @Test("the sample as printed is not JSON: the error names line 8, column 9")
    func printedSampleIsInvalid() {
        do {
            _ = try SpringProductRequest.decode(json: Array(Self.printedSample.utf8))
            Issue.record("the printed sample parsed")
        } catch {
            #expect(error.issues.first?.code == "invalid_json")
            #expect(error.issues.first?.line == 8 && error.issues.first?.column == 9)
        }
    }

    @Test("the corrected sample validates and maps to the catalogue model", .enabled(if: sample != nil))
    func correctedSample() throws {
        let request = try SpringProductRequest.decode(json: try #require(Self.sample))
        #expect(request.vendorID == 2525)
        #expect(request.product.variants.map(\.sku) == ["162636740101", "162080212940"])
        #expect(request.product.variants[0].price == Decimal(string: "14.95"))
        #expect(request.product.externalBrand == nil)
        let product = try request.product.canonicalProduct(owner: "2525")
        #expect(product.variants.first?.price.amountText == "14.95")
        #expect(product.variants.first?.displayName == "Green ONESIZE")
        #expect(product.isActive && product.isPurchasable)
    }

    @Test("every documented constraint fails when broken")
    func constraints() {
        #expect(codes(product { _ in }) == [])
        #expect(codes(product { $0["title"] = .string(String(repeating: "t", count: 255)) }) == [])
        #expect(
            codes(product { $0["title"] = .string(String(repeating: "t", count: 256)) }) == ["/product/title too_long"])
        #expect(codes(product { $0["external_brand"] = nil }) == ["/product/external_brand required"])
        #expect(codes(product { $0["external_brand"] = "Ralph" }) == [])
        #expect(codes(product { $0["variants"] = [] }) == ["/product/variants too_short"])
        #expect(codes(product { $0["active"] = "true" }) == ["/product/active type_mismatch"])
        #expect(codes(product { $0["affiliate_url"] = "not a url" }) == ["/product/affiliate_url invalid_format"])
        let variant: JSONValue = ["available_inventory": 1, "price": "14.95", "sku": "A1", "size": "S"]
        func variants(_ edits: [(inout JSONObject) -> Void]) -> JSONValue {
            product { object in
                object["variants"] = .array(
                    edits.map { edit in
                        var copy = variant.object ?? [:]
                        edit(&copy)
                        return .object(copy)
                    }
                )
            }
        }
        #expect(
            codes(variants([{ $0["size"] = .string(String(repeating: "s", count: 31)) }])) == [
                "/product/variants/0/size too_long"
            ])
        #expect(
            codes(variants([{ $0["sku"] = .string(String(repeating: "k", count: 256)) }])) == [
                "/product/variants/0/sku too_long"
            ])
        #expect(codes(variants([{ _ in }, { _ in }])) == ["/product/variants/1/sku duplicate"])
        #expect(
            codes(
                variants([
                    { _ in },
                    {
                        $0["sku"] = "B2"
                        $0["price"] = "15.95"
                    },
                ])) == ["/product/variants price_mismatch"])
        #expect(codes(variants([{ $0["price"] = "14.955" }])) == ["/product/variants/0/price too_many_fraction_digits"])
        #expect(
            codes(variants([{ $0["price"] = .number(JSONNumber(text: "14.95") ?? 0) }])) == [],
            "a JSON number is a decimal too")
        #expect(
            codes(variants([{ $0["available_inventory"] = -1 }])) == [
                "/product/variants/0/available_inventory out_of_range"
            ])
        #expect(codes(variants([{ $0["original_price"] = "19.99" }])) == [])
        #expect(codes(["product": .object([:])]).contains("/vendor_id required"))
    }
}
