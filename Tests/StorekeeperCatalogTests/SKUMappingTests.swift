import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("SKUMapping")
struct SKUMappingTests {
    private func sku(_ text: String) throws -> SKU { try SKU(text) }

    @Test("links are found in both directions")
    func lookups() throws {
        var mapping = SKUMapping()
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        try mapping.link(partner: sku("EV-2"), host: sku("H-2"))
        #expect(try mapping.hostSKU(forPartner: sku("EV-2")) == sku("H-2"))
        #expect(try mapping.partnerSKU(forHost: sku("H-1")) == sku("EV-1"))
        #expect(try mapping.hostSKU(forPartner: sku("EV-3")) == nil)
        #expect(mapping.count == 2)
        #expect(
            try mapping.links == [
                SKULink(partner: sku("EV-1"), host: sku("H-1")), SKULink(partner: sku("EV-2"), host: sku("H-2")),
            ])
    }

    @Test("linking the same pair twice is harmless")
    func idempotent() throws {
        var mapping = SKUMapping()
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        #expect(mapping.count == 1)
    }

    @Test("a partner SKU linked elsewhere is a conflict naming both sides")
    func partnerConflict() throws {
        var mapping = SKUMapping()
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        let before = mapping
        let error = #expect(throws: SKUMappingError.self) { try mapping.link(partner: sku("EV-1"), host: sku("H-2")) }
        #expect(error?.code == .partnerSKUAlreadyMapped)
        #expect(try error?.partnerSKU == sku("EV-1"))
        #expect(try error?.hostSKU == sku("H-2"))
        #expect(try error?.existingCounterpart == sku("H-1"))
        #expect(error?.message.contains("EV-1") == true && error?.message.contains("H-1") == true)
        #expect(error?.message.contains("H-2") == true)
        #expect(error?.httpStatus == 409)
        #expect(mapping == before)
    }

    @Test("a host SKU linked elsewhere is a conflict naming both sides")
    func hostConflict() throws {
        var mapping = SKUMapping()
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        let error = #expect(throws: SKUMappingError.self) { try mapping.link(partner: sku("EV-9"), host: sku("H-1")) }
        #expect(error?.code == .hostSKUAlreadyMapped)
        #expect(try error?.existingCounterpart == sku("EV-1"))
        #expect(error?.description.hasPrefix("host_sku_already_mapped: Host SKU H-1") == true)
        #expect(try mapping.hostSKU(forPartner: sku("EV-9")) == nil)
    }

    @Test("unlinking frees both sides")
    func unlink() throws {
        var mapping = SKUMapping()
        try mapping.link(partner: sku("EV-1"), host: sku("H-1"))
        #expect(try mapping.unlink(partner: sku("EV-1")) == sku("H-1"))
        #expect(try mapping.unlink(partner: sku("EV-1")) == nil)
        try mapping.link(partner: sku("EV-2"), host: sku("H-1"))
        #expect(try mapping.partnerSKU(forHost: sku("H-1")) == sku("EV-2"))
    }

    @Test("mappings built from links or decoded are checked")
    func buildAndDecode() throws {
        let links = [try SKULink(partner: sku("A"), host: sku("1")), try SKULink(partner: sku("B"), host: sku("1"))]
        #expect(throws: SKUMappingError.self) { try SKUMapping(links: links) }
        let mapping = try SKUMapping(links: links.prefix(1))
        let data = try JSONEncoder().encode(mapping)
        #expect(try JSONDecoder().decode(SKUMapping.self, from: data) == mapping)
        let conflicting = Data(#"[{"partner":"A","host":"1"},{"partner":"A","host":"2"}]"#.utf8)
        #expect(throws: SKUMappingError.self) { try JSONDecoder().decode(SKUMapping.self, from: conflicting) }
    }
}
