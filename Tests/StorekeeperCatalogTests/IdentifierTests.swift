import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("SKU, ProductID and URLKey")
struct IdentifierTests {
    @Test("SKUs: 1 to 255 scalars, no white space, no control characters")
    func skuRules() throws {
        #expect(try SKU("162636740101").rawValue == "162636740101")
        #expect(try SKU(String(repeating: "é", count: 255)).rawValue.unicodeScalars.count == 255)
        for bad in [
            "", String(repeating: "A", count: 256), "CAT HAT", "A\tB", "A\u{00A0}B", "\u{FEFF}A", "A\u{0007}", "A\n",
        ] {
            let error = #expect(throws: CatalogError.self) { try SKU(bad) }
            #expect(error?.code == .invalidSKU)
            #expect(error?.field == "sku")
            #expect(error?.httpStatus == 400)
        }
    }

    @Test("SKUs compare byte for byte and order like a binary collation")
    func skuComparison() throws {
        let precomposed = try SKU("caf\u{E9}")
        let decomposed = try SKU("cafe\u{301}")
        #expect(precomposed.rawValue == decomposed.rawValue)  // Swift's String equality is canonical...
        #expect(precomposed != decomposed)  // ...but SKUs are bytes, as in a database.
        #expect(try SKU("ab-1") != SKU("AB-1"))
        #expect(try SKU("B") < SKU("a"))
        #expect(try SKU("a") < SKU("ab"))
        #expect(Set([try SKU("x"), try SKU("x"), try SKU("y")]).count == 2)
    }

    @Test("SKUs decode only when valid")
    func skuCodable() throws {
        let sku = try SKU("162080212940")
        let data = try JSONEncoder().encode([sku])
        #expect(String(decoding: data, as: UTF8.self) == #"["162080212940"]"#)
        #expect(try JSONDecoder().decode([SKU].self, from: data) == [sku])
        #expect(throws: CatalogError.self) { try JSONDecoder().decode([SKU].self, from: Data(#"["a b"]"#.utf8)) }
    }

    @Test("product ids hold Spring strings, EverShop UUIDs and ShopiSync numbers")
    func productIDForms() throws {
        #expect(try ProductID("SOMEID123").rawValue == "SOMEID123")
        #expect(try ProductID("STYLE 12/B").rawValue == "STYLE 12/B")
        let numeric = ProductID(42)
        #expect(numeric.rawValue == "42")
        #expect(numeric.integerValue == 42)
        #expect(ProductID(-7).integerValue == -7)
        for notCanonical in ["042", "+42", "4.2", "42a"] {
            #expect(try ProductID(notCanonical).integerValue == nil)
        }
        let uuid = try #require(UUID(uuidString: "433BA97F-8BE7-4BE9-BE3F-A9F341F2B89F"))
        let evershop = ProductID(uuid)
        #expect(evershop.rawValue == "433ba97f-8be7-4be9-be3f-a9f341f2b89f")
        #expect(evershop.uuidValue == uuid)
        let compact = try ProductID("99a7b39ca63211edb46b60d819134f39")
        #expect(compact.uuidValue == UUID(uuidString: "99a7b39c-a632-11ed-b46b-60d819134f39"))
        #expect(try ProductID("99a7b39ca63211edb46b60d819134f3").uuidValue == nil)
        #expect(try ProductID("99a7b39ca63211edb46b60d819134f3g").uuidValue == nil)
    }

    @Test("product ids: no control characters, no surrounding spaces, at most 1,024 scalars")
    func productIDRules() {
        for bad in ["", " A", "A ", "A\u{0000}B", String(repeating: "x", count: ProductID.maximumLength + 1)] {
            let error = #expect(throws: CatalogError.self) { try ProductID(bad) }
            #expect(error?.code == .invalidProductID)
            #expect(error?.field == "id")
        }
        #expect(throws: Never.self) { try ProductID(String(repeating: "x", count: ProductID.maximumLength)) }
    }

    @Test("product ids order by bytes: numeric ids as text")
    func productIDOrder() throws {
        #expect(ProductID(10) < ProductID(9))
        #expect(try ProductID("A") < ProductID("a"))
    }

    @Test("URL keys follow EverShop's ^\\S+$")
    func urlKeyRules() throws {
        #expect(try URLKey("cat-hat_green.2").rawValue == "cat-hat_green.2")
        #expect(try URLKey("Q7Oq0kxZIMQ5isUyJRbg").rawValue == "Q7Oq0kxZIMQ5isUyJRbg")
        for bad in ["", "cat hat", "cat\thât", "\u{2003}", String(repeating: "k", count: URLKey.maximumLength + 1)] {
            let error = #expect(throws: CatalogError.self) { try URLKey(bad) }
            #expect(error?.code == .invalidURLKey)
            #expect(error?.field == "url_key")
        }
        #expect(throws: CatalogError.self) { try JSONDecoder().decode(URLKey.self, from: Data(#""a b""#.utf8)) }
    }
}
