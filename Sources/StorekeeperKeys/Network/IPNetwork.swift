/// An IPv4 or IPv6 network in CIDR notation, such as `10.0.0.0/8` or `2001:db8::/32`.
///
/// A network whose address has host bits set (`10.0.0.1/8`) is refused, as it is almost always
/// a typo; so is anything ``IPAddress`` refuses. A bare address is a single-host network.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network address.
    public let address: IPAddress
    /// The prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6.
    public let prefixLength: Int

    /// Parses CIDR text, or returns `nil`.
    public init?(_ cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        let writtenAsIPv6 = parts[0].contains(":")
        let maximum = writtenAsIPv6 ? 128 : 32
        var length = maximum
        if parts.count == 2 {
            let text = parts[1]
            guard !text.isEmpty, text.count <= 3, text.utf8.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }),
                text == "0" || text.first != "0", let parsed = Int(text), parsed <= maximum
            else { return nil }
            length = parsed
        }
        // An IPv4-mapped IPv6 network ("::ffff:10.0.0.0/104") is the IPv4 network it maps.
        if address.family == .v4, writtenAsIPv6 {
            guard length >= 96 else { return nil }
            length -= 96
        }
        guard Self.mask(address, length) == address else { return nil }
        self.address = address
        prefixLength = length
    }

    /// Whether `address` is in this network. IPv4-mapped IPv6 addresses match IPv4 networks.
    public func contains(_ address: IPAddress) -> Bool {
        address.family == self.address.family && Self.mask(address, prefixLength) == self.address
    }

    /// `address/prefixLength`.
    public var description: String { "\(address)/\(prefixLength)" }

    private static func mask(_ address: IPAddress, _ length: Int) -> IPAddress {
        switch address.family {
        case .v4:
            let value = UInt32(truncatingIfNeeded: address.bits.low)
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
            return IPAddress(v4: value & mask)
        case .v6:
            let highMask: UInt64 = length >= 64 ? ~0 : (length == 0 ? 0 : ~UInt64(0) << UInt64(64 - length))
            let lowMask: UInt64 = length <= 64 ? 0 : (length == 128 ? ~0 : ~UInt64(0) << UInt64(128 - length))
            return IPAddress(v6: address.bits.high & highMask, address.bits.low & lowMask)
        }
    }
}
