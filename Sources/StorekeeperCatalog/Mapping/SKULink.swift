/// One link between a partner's SKU and the host's SKU for the same item.
public struct SKULink: Sendable, Hashable, Codable {
    /// The SKU in the partner's system (for example an Everspring SKU).
    public var partner: SKU
    /// The SKU in the host's own catalogue.
    public var host: SKU

    /// Creates a link.
    ///
    /// - Parameters:
    ///   - partner: The partner's SKU.
    ///   - host: The host's SKU.
    public init(partner: SKU, host: SKU) {
        self.partner = partner
        self.host = host
    }
}
