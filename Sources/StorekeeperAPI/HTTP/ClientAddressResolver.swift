public import StorekeeperCore
public import StorekeeperKeys

/// Derives the client address from `Forwarded` (RFC 7239) or `X-Forwarded-For`, trusting only
/// the proxies the host names.
///
/// The headers are read from the right: each hop that is a trusted proxy vouches for the one
/// before it, and the first untrusted hop is the client. A peer that is not a trusted proxy is
/// the client itself, whatever headers it sent, so a client cannot choose its own address. An
/// entry that is not an IP address (`unknown`, an obfuscated `_name`) ends the walk with `nil`,
/// so an allowlist refuses rather than trusts it.
public struct ClientAddressResolver: Sendable {
    /// The networks of the proxies whose forwarding headers are believed.
    public var trustedProxies: [IPNetwork]

    /// A resolver trusting `trustedProxies`; with none, the peer address is always the client.
    public init(trustedProxies: [IPNetwork]) {
        self.trustedProxies = trustedProxies
    }

    /// The client address of a request that arrived from `peer` with `headers`.
    public func clientAddress(peer: IPAddress?, headers: HTTPHeaders) -> IPAddress? {
        guard let peer, isTrusted(peer) else { return peer }
        let forwarded = headers.values(for: "Forwarded")
        let hops: [String] =
            forwarded.isEmpty
            ? headers.values(for: "X-Forwarded-For").flatMap {
                $0.split(separator: ",").map { String($0.trimmingHTTPWhitespace) }
            }
            : forwarded.flatMap { $0.split(separator: ",").compactMap(Self.forValue) }
        var client = peer
        for hop in hops.reversed() {
            guard let address = Self.address(hop) else { return nil }
            client = address
            if !isTrusted(address) { return address }
        }
        return client
    }

    private func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// The `for=` parameter of one `Forwarded` element, unquoted.
    private static func forValue(_ element: Substring) -> String? {
        for pair in element.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingHTTPWhitespace.lowercased() == "for" else { continue }
            var value = parts[1].trimmingHTTPWhitespace
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = value.dropFirst().dropLast()
            }
            return String(value)
        }
        return nil
    }

    /// An address from `1.2.3.4`, `1.2.3.4:80`, `2001:db8::1` or `[2001:db8::1]:443`.
    private static func address(_ text: String) -> IPAddress? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            return IPAddress(String(text[text.index(after: text.startIndex)..<close]))
        }
        if let address = IPAddress(text) { return address }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            return IPAddress(String(text[..<colon]))
        }
        return nil
    }
}
