/// A one-to-one mapping between one partner's SKUs and the host's SKUs.
///
/// Everspring requires every product a retailer pulls to be linked to an Everspring SKU, because
/// stock updates and forwarded orders key off it. The mapping is one-to-one in both directions:
/// linking a SKU that is already linked to something else throws a ``SKUMappingError`` naming
/// both sides, instead of silently re-pointing stock or orders.
///
/// ```swift
/// var mapping = SKUMapping()
/// try mapping.link(partner: everspringSKU, host: ownSKU)
/// mapping.hostSKU(forPartner: everspringSKU)   // ownSKU
/// ```
///
/// Keep one mapping per partner. Lookups are O(1) in both directions.
public struct SKUMapping: Sendable, Hashable {
    private var hostByPartner: [SKU: SKU] = [:]
    private var partnerByHost: [SKU: SKU] = [:]

    /// Creates an empty mapping.
    public init() {}

    /// Creates a mapping from links, checking that it is one-to-one.
    ///
    /// - Parameter links: The links; repeating an identical link is allowed.
    /// - Throws: ``SKUMappingError`` at the first link that conflicts with an earlier one.
    /// - Complexity: O(*n*) in the number of links.
    public init(links: some Sequence<SKULink>) throws(SKUMappingError) {
        for link in links {
            try self.link(partner: link.partner, host: link.host)
        }
    }

    /// Links a partner SKU to a host SKU. Linking a pair that is already linked does nothing.
    ///
    /// - Parameters:
    ///   - partner: The partner's SKU.
    ///   - host: The host's SKU.
    /// - Throws: ``SKUMappingError/Code/partnerSKUAlreadyMapped`` when `partner` is linked to
    ///   another host SKU, ``SKUMappingError/Code/hostSKUAlreadyMapped`` when `host` is linked to
    ///   another partner SKU. The mapping is unchanged when it throws.
    /// - Complexity: O(1) on average.
    public mutating func link(partner: SKU, host: SKU) throws(SKUMappingError) {
        if let existing = hostByPartner[partner], existing != host {
            throw SKUMappingError(
                code: .partnerSKUAlreadyMapped,
                partnerSKU: partner,
                hostSKU: host,
                existingCounterpart: existing
            )
        }
        if let existing = partnerByHost[host], existing != partner {
            throw SKUMappingError(
                code: .hostSKUAlreadyMapped,
                partnerSKU: partner,
                hostSKU: host,
                existingCounterpart: existing
            )
        }
        hostByPartner[partner] = host
        partnerByHost[host] = partner
    }

    /// Removes the link of a partner SKU.
    ///
    /// - Parameter partner: The partner's SKU.
    /// - Returns: The host SKU it was linked to, or `nil` when it was not linked.
    /// - Complexity: O(1) on average.
    @discardableResult
    public mutating func unlink(partner: SKU) -> SKU? {
        guard let host = hostByPartner.removeValue(forKey: partner) else { return nil }
        partnerByHost[host] = nil
        return host
    }

    /// The host SKU linked to a partner SKU.
    ///
    /// - Parameter partner: The partner's SKU.
    /// - Returns: The host SKU, or `nil` when the partner SKU is not mapped.
    /// - Complexity: O(1) on average.
    public func hostSKU(forPartner partner: SKU) -> SKU? {
        hostByPartner[partner]
    }

    /// The partner SKU linked to a host SKU.
    ///
    /// - Parameter host: The host's SKU.
    /// - Returns: The partner SKU, or `nil` when the host SKU is not mapped.
    /// - Complexity: O(1) on average.
    public func partnerSKU(forHost host: SKU) -> SKU? {
        partnerByHost[host]
    }

    /// The number of links.
    public var count: Int { hostByPartner.count }

    /// Every link, ordered by partner SKU.
    ///
    /// - Complexity: O(*n* log *n*).
    public var links: [SKULink] {
        hostByPartner.map { SKULink(partner: $0.key, host: $0.value) }.sorted { $0.partner < $1.partner }
    }
}

extension SKUMapping: Codable {
    /// Decodes an array of links, checking that they are one-to-one.
    public init(from decoder: any Decoder) throws {
        try self.init(links: decoder.singleValueContainer().decode([SKULink].self))
    }

    /// Encodes the links as an array ordered by partner SKU.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(links)
    }
}
