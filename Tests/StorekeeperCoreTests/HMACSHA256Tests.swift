@_spi(StorekeeperInternal) import StorekeeperCore
import StorekeeperTesting
import Testing

@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    static func bytes(_ hex: String) -> [UInt8] { Hex.decode(hex) ?? [] }

    static let rfc4231: [(key: [UInt8], data: [UInt8], mac: String)] = [
        (
            [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            Array(1...25), [UInt8](repeating: 0xcd, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        ([UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8), "a3b6167473100ee06e0c796c2955552b"),
        (
            [UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            [UInt8](repeating: 0xaa, count: 131),
            Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8
            ),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ]

    @Test("matches all seven RFC 4231 test cases", arguments: 0..<7)
    func rfc4231(index: Int) {
        let vector = Self.rfc4231[index]
        let mac = HMACSHA256.authenticationCode(for: vector.data, key: vector.key).description
        // Test case 5 publishes only the first 128 bits.
        #expect(mac.hasPrefix(vector.mac))
        #expect(mac.count == 64)
    }

    @Test("incremental updates equal one-shot")
    func incremental() {
        var authenticator = HMACSHA256(key: Array("key".utf8))
        authenticator.update(Array("The quick brown fox ".utf8))
        authenticator.update(Array("jumps over the lazy dog".utf8))
        #expect(
            authenticator.finalize().description == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
    }

    @Test("agrees with a reference HMAC for random keys and messages of every size class")
    func randomized() {
        var generator = SeededRandomNumberGenerator(seed: 7)
        for keyLength in [0, 1, 32, 63, 64, 65, 200] {
            for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000] {
                let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let message = (0..<messageLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                #expect(
                    HMACSHA256.authenticationCode(for: message, key: key).bytes
                        == ReferenceSHA256.hmac(key: key, message: message),
                    "key \(keyLength), message \(messageLength)"
                )
            }
        }
    }
}
