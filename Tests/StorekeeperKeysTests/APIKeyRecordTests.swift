import Foundation
import StorekeeperKeys
import Testing

@Suite("API key records")
struct APIKeyRecordTests {
    static func record() throws -> APIKeyRecord {
        let hash = try #require(
            APIKeyHash(algorithm: .hmacSHA256(pepperVersion: 2), digestBytes: (0..<32).map { UInt8($0) }))
        return APIKeyRecord(
            id: "key_1", owner: "shop", name: "Magento prod", hash: hash, start: "sk_live_abcd",
            permissions: [.read], rateLimit: KeyRateLimit(limit: 10, windowSeconds: 60),
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), metadata: ["team": "ops"])
    }

    @Test("a changed copy leaves the original as it was (value semantics over shared storage)")
    func copiesAreIndependent() throws {
        let original = try Self.record()
        var copy = original
        #expect(copy == original)
        copy.name = "renamed"
        copy.version += 1
        copy.metadata["team"] = "sales"
        #expect(original.name == "Magento prod" && original.version == 1 && original.metadata == ["team": "ops"])
        #expect(copy.name == "renamed" && copy.version == 2 && copy.metadata == ["team": "sales"])
        #expect(copy != original)
        #expect(Set([original, copy, try Self.record()]).count == 2)
    }

    @Test("encodes one member per property, the digest as hexadecimal, and decodes back to an equal record")
    func codableRoundTrip() throws {
        let record = try Self.record()
        let data = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? String == "key_1" && object["name"] as? String == "Magento prod")
        let hash = try #require(object["hash"] as? [String: Any])
        #expect(hash["digest"] as? String == (0..<32).map { String(format: "%02x", $0) }.joined())
        #expect(try JSONDecoder().decode(APIKeyRecord.self, from: data) == record)
    }

    @Test("a hash refuses digests that are not 32 bytes or 64 hexadecimal characters, in any case")
    func hashDigests() throws {
        #expect(APIKeyHash(algorithm: .sha256, digest: "nope") == nil)
        #expect(APIKeyHash(algorithm: .sha256, digest: String(repeating: "g", count: 64)) == nil)
        #expect(APIKeyHash(algorithm: .sha256, digestBytes: [1, 2, 3]) == nil)
        let upper = try #require(APIKeyHash(algorithm: .sha256, digest: String(repeating: "AB", count: 32)))
        #expect(upper.digest == String(repeating: "ab", count: 32))
        #expect(upper.digestBytes == [UInt8](repeating: 0xAB, count: 32))
        let other = try #require(APIKeyHash(algorithm: .hmacSHA256(pepperVersion: 1), digestBytes: upper.digestBytes))
        #expect(upper.matches(upper) && !upper.matches(other))
    }
}
