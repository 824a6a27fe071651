import StorekeeperKeys
import Testing

@Suite("IP addresses and networks")
struct IPNetworkTests {
    @Test(
        "parses every RFC 4291 IPv6 text form and canonical IPv4",
        arguments: [
            ("192.0.2.10", "192.0.2.10"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
            ("2001:db8::1", "2001:db8::1"), ("::", "::"), ("::1", "::1"), ("1::", "1::"),
            ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"), ("fe80::1:2", "fe80::1:2"),
            ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"), ("::ffff:192.0.2.10", "192.0.2.10"),
            ("64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
        ])
    func parses(text: String, canonical: String) throws {
        let address = try #require(IPAddress(text))
        #expect(address.description == canonical)
    }

    @Test(
        "refuses ambiguous, non-standard and zoned forms",
        arguments: [
            "010.0.0.1", "10.1", "0x0a.0.0.1", "10.0.0.1.", "10.0.0", "256.0.0.1", "1.2.3.4.5", "", " 1.2.3.4",
            "1.2.3.4 ",
            "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "1::2::3", ":1:2", "1:2:", "12345::", "g::1", "::ffff:010.0.0.1",
            "1:2:3:4:5:6:7::8:9",
            "::ffff:1.2.3", "1.2.3.4::",
        ])
    func refuses(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("networks contain their addresses; IPv4-mapped IPv6 matches IPv4 networks")
    func containment() throws {
        let office = try #require(IPNetwork("203.0.113.0/24"))
        #expect(office.contains(try #require(IPAddress("203.0.113.77"))))
        #expect(!office.contains(try #require(IPAddress("203.0.114.1"))))
        #expect(office.contains(try #require(IPAddress("::ffff:203.0.113.9"))))
        let v6 = try #require(IPNetwork("2001:db8::/32"))
        #expect(v6.contains(try #require(IPAddress("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db9::1"))))
        #expect(!v6.contains(try #require(IPAddress("203.0.113.77"))))
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(try #require(IPAddress("8.8.8.8"))))
        #expect(try #require(IPNetwork("::/0")).contains(try #require(IPAddress("2001:db8::1"))))
        #expect(try #require(IPNetwork("192.0.2.1")).contains(try #require(IPAddress("192.0.2.1"))))
        #expect(try #require(IPNetwork("::ffff:10.0.0.0/104")).description == "10.0.0.0/8")
    }

    @Test(
        "refuses networks with host bits set or bad prefixes",
        arguments: [
            "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "2001:db8::1/32", "::/129",
            "10.0.0.0/8/8", "a/8",
        ])
    func refusesNetworks(cidr: String) {
        #expect(IPNetwork(cidr) == nil)
    }

    @Test("allowlists: empty allows all, otherwise only listed networks; unknown addresses only when empty")
    func allowlists() throws {
        #expect(IPAllowlist().allows(nil))
        let list = IPAllowlist(networks: [try #require(IPNetwork("10.0.0.0/8"))])
        #expect(list.allows(IPAddress("10.1.2.3")))
        #expect(!list.allows(IPAddress("11.1.2.3")))
        #expect(!list.allows(nil))
    }
}
