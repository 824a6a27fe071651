import StorekeeperAPI
import StorekeeperCore
import StorekeeperKeys
import Testing

@Suite("Client address from proxy headers")
struct ClientAddressResolverTests {
    let resolver = ClientAddressResolver(
        trustedProxies: [IPNetwork("10.0.0.0/8"), IPNetwork("2001:db8::/32")].compactMap { $0 })
    let proxy = IPAddress("10.0.0.5")

    func resolve(_ headers: HTTPHeaders, peer: IPAddress?) -> String? {
        resolver.clientAddress(peer: peer, headers: headers)?.description
    }

    @Test("an untrusted peer is the client, whatever it claims")
    func untrustedPeer() {
        #expect(resolve(["X-Forwarded-For": "1.2.3.4"], peer: IPAddress("203.0.113.9")) == "203.0.113.9")
        #expect(resolve([:], peer: nil) == nil)
        #expect(
            ClientAddressResolver(trustedProxies: []).clientAddress(
                peer: proxy, headers: ["X-Forwarded-For": "1.2.3.4"]) == proxy)
    }

    @Test("X-Forwarded-For is read from the right, skipping trusted proxies")
    func forwardedFor() {
        #expect(resolve(["X-Forwarded-For": "198.51.100.7"], peer: proxy) == "198.51.100.7")
        #expect(resolve(["X-Forwarded-For": "6.6.6.6, 198.51.100.7, 10.1.1.1"], peer: proxy) == "198.51.100.7")
        #expect(resolve(["X-Forwarded-For": "10.2.2.2"], peer: proxy) == "10.2.2.2")
        #expect(resolve([:], peer: proxy) == "10.0.0.5")
    }

    @Test("Forwarded (RFC 7239) wins, with quotes, brackets and ports")
    func forwarded() {
        #expect(
            resolve(["Forwarded": "for=192.0.2.60;proto=http;by=10.0.0.5", "X-Forwarded-For": "6.6.6.6"], peer: proxy)
                == "192.0.2.60")
        #expect(resolve(["Forwarded": "for=\"[2001:db9::17]:4711\""], peer: proxy) == "2001:db9::17")
        #expect(resolve(["Forwarded": "for=192.0.2.43:8080, for=10.9.9.9"], peer: proxy) == "192.0.2.43")
    }

    @Test("an entry that is not an address gives no address, so allowlists refuse")
    func unknownEntries() {
        #expect(resolve(["Forwarded": "for=unknown"], peer: proxy) == nil)
        #expect(resolve(["X-Forwarded-For": "_hidden, 10.1.1.1"], peer: proxy) == nil)
    }
}
