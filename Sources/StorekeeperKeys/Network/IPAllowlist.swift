/// The networks a key may be used from.
///
/// An empty list allows every address. In report-only mode a violation is allowed but
/// reported (an ``APIKeyAuditEvent/allowlistViolation(keyID:address:at:)`` event), so a host can roll a list out
/// without locking anyone out.
public struct IPAllowlist: Sendable, Hashable, Codable {
    /// The allowed networks.
    public var networks: [IPNetwork]
    /// Whether violations are only reported, not refused.
    public var reportOnly: Bool

    /// Creates a list.
    public init(networks: [IPNetwork] = [], reportOnly: Bool = false) {
        self.networks = networks
        self.reportOnly = reportOnly
    }

    /// Whether `address` may use the key: always for an empty list; never for an unknown address
    /// when the list is not empty.
    public func allows(_ address: IPAddress?) -> Bool {
        guard !networks.isEmpty else { return true }
        guard let address else { return false }
        return networks.contains { $0.contains(address) }
    }
}

extension IPNetwork: Codable {
    /// Decodes CIDR text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let network = IPNetwork(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a CIDR network: \(text)"))
        }
        self = network
    }

    /// Encodes CIDR text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
