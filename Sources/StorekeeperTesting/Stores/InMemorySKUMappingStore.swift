public import StorekeeperCatalog
import StorekeeperCore

/// A ``SKUMappingStore`` in memory: one ``SKUMapping`` per owner, behind one lock.
public final class InMemorySKUMappingStore: SKUMappingStore, Sendable {
    private let mappings = Locked([String: SKUMapping]())

    /// Creates an empty store.
    public init() {}

    /// The owner's links, ordered by partner SKU.
    public func links(owner: String) async throws -> [SKULink] {
        mappings.withLock { $0[owner]?.links ?? [] }.sorted { $0.partner.rawValue < $1.partner.rawValue }
    }

    /// Adds the link, or throws the mapping's conflict.
    public func link(_ link: SKULink, owner: String) async throws {
        try mappings.withLock { (mappings: inout [String: SKUMapping]) throws(SKUMappingError) in
            var mapping = mappings[owner] ?? SKUMapping()
            try mapping.link(partner: link.partner, host: link.host)
            mappings[owner] = mapping
        }
    }

    /// Removes the link of `partner`.
    public func unlink(partner: SKU, owner: String) async throws -> SKULink? {
        mappings.withLock { mappings in
            guard let host = mappings[owner]?.unlink(partner: partner) else { return nil }
            return SKULink(partner: partner, host: host)
        }
    }
}
