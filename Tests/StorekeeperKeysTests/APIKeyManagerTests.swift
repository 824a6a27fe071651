@_spi(StorekeeperInternal) import StorekeeperCore
import StorekeeperKeys
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

actor AuditLog: APIKeyObserver {
    var events: [APIKeyAuditEvent] = []

    func observe(_ event: APIKeyAuditEvent) {
        events.append(event)
    }
}

/// An in-memory store that counts its hash lookups and, when `sloppyLookup` is set, answers a
/// lookup with the latest record of any hash sharing the first 31 digest bytes, as an index on a
/// digest prefix would.
final class InstrumentedKeyStore: APIKeyStore {
    let base = InMemoryAPIKeyStore()
    let lookups = Locked(0)
    private let sloppyLookup: Bool
    private let records = Locked([APIKeyRecord]())

    init(sloppyLookup: Bool = false) {
        self.sloppyLookup = sloppyLookup
    }

    func insert(_ record: APIKeyRecord, ownerLimit: Int?) async throws {
        try await base.insert(record, ownerLimit: ownerLimit)
        records.withLock { $0.append(record) }
    }

    func record(forHash hash: APIKeyHash) async throws -> APIKeyRecord? {
        lookups.withLock { $0 += 1 }
        guard sloppyLookup else { return try await base.record(forHash: hash) }
        return records.withLock { records in
            records.last { $0.hash.digestBytes.prefix(31) == hash.digestBytes.prefix(31) }
        }
    }

    func record(id: String) async throws -> APIKeyRecord? { try await base.record(id: id) }
    func update(_ record: APIKeyRecord, expectedVersion: Int) async throws {
        try await base.update(record, expectedVersion: expectedVersion)
    }
    func records(owner: String) async throws -> [APIKeyRecord] { try await base.records(owner: owner) }
    func recordUsage(_ event: APIKeyUsageEvent, keepRecent: Int) async throws {
        try await base.recordUsage(event, keepRecent: keepRecent)
    }
    func usage(keyID: String) async throws -> APIKeyUsageRecord { try await base.usage(keyID: keyID) }
}

@Suite("API key lifecycle")
struct APIKeyManagerTests {
    let clock = ManualClock()
    let store = InMemoryAPIKeyStore()
    let audit = AuditLog()
    let pepper: APIKeyPepper
    let manager: APIKeyManager

    init() throws {
        pepper = try APIKeyPepper(version: 1, secret: Array(repeating: 42, count: 32))
        manager = APIKeyManager(
            store: store,
            peppers: [pepper],
            format: try APIKeyFormat(prefixes: ["sk_live", "sk_test"]),
            clock: clock,
            observer: audit
        )
    }

    func code(_ body: () async throws -> Void) async -> APIKeyError.Code? {
        do {
            try await body()
            return nil
        } catch let error as APIKeyError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test("creates prefixed, checksummed keys, stores only their hash, and verifies them")
    func createAndVerify() async throws {
        let issued = try await manager.create(
            owner: "shop_1", name: "Magento prod", prefix: "sk_live", permissions: [.read])
        let key = issued.secret.plaintext
        #expect(key.hasPrefix("sk_live_") && key.count == "sk_live_".count + 28)
        #expect(try APIKeyFormat(prefixes: ["sk_live"]).isWellFormed(key))
        #expect(issued.record.start == String(key.prefix(12)))
        #expect(!String(describing: issued.record).contains(String(key.dropFirst(12))))
        #expect(issued.record.hash.digest.count == 64)
        let verified = try await manager.verify(key, clientAddress: nil, requiring: .read)
        #expect(verified.id == issued.record.id)
        let other = try await manager.create(owner: "shop_1", name: "Woo", prefix: "sk_live", permissions: [.read])
        #expect(other.secret.plaintext != key)
    }

    @Test("the plaintext never appears in descriptions, debug descriptions or dumps")
    func redaction() async throws {
        let issued = try await manager.create(owner: "o", name: "n", prefix: "sk_test", permissions: [.read])
        let secret = String(issued.secret.plaintext.dropFirst(12))
        var dumped = ""
        dump(issued, to: &dumped)
        for text in [
            String(describing: issued), String(reflecting: issued), "\(issued.secret)", dumped,
            String(describing: issued.secret),
        ] {
            #expect(!text.contains(secret), "\(text)")
        }
        #expect(dumped.contains("<redacted>"))
    }

    @Test("malformed, bad-checksum and unknown keys fail alike, without revealing which")
    func invalidKeys() async throws {
        let issued = try await manager.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        var tampered = Array(issued.secret.plaintext)
        tampered[10] = tampered[10] == "A" ? "B" : "A"
        let unknown = try await APIKeyManager(
            store: InMemoryAPIKeyStore(), peppers: [pepper], format: try APIKeyFormat(prefixes: ["sk_live"]),
            clock: clock
        ).create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read]).secret.plaintext
        for presented in [
            nil, "", "sk_live_short", String(tampered), "pk_live_" + issued.secret.plaintext.dropFirst(8), unknown,
        ] {
            #expect(await code { _ = try await manager.verify(presented, clientAddress: nil) } == .invalidKey)
        }
        let reasons = await audit.events.compactMap { event -> String? in
            if case .verificationFailed(let reason, _, _) = event { reason } else { nil }
        }
        #expect(reasons == ["missing", "malformed", "malformed", "malformed", "malformed", "unknown"])
    }

    @Test("malformed and bad-checksum keys are refused without a store lookup; a well-formed one is looked up")
    func noLookupForMalformedKeys() async throws {
        let counting = InstrumentedKeyStore()
        let keys = APIKeyManager(
            store: counting, peppers: [pepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: clock)
        let issued = try await keys.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        var badChecksum = Array(issued.secret.plaintext.utf8)
        badChecksum[badChecksum.count - 1] =
            badChecksum.last == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        for presented in ["sk_live_ABCDEFGHIJKLMNOPQRSTUV000000", String(decoding: badChecksum, as: UTF8.self), "x"] {
            guard case .refused(let error, let record) = try await keys.authenticate(presented, clientAddress: nil)
            else {
                Issue.record("\(presented) was accepted")
                continue
            }
            #expect(error.code == .invalidKey && record == nil)
        }
        #expect(counting.lookups.withLock { $0 } == 0)
        _ = try await keys.verify(issued.secret.plaintext, clientAddress: nil)
        #expect(counting.lookups.withLock { $0 } == 1)
    }

    @Test("the manager compares the whole stored digest itself, whatever the store's lookup returns")
    func digestComparedInFull() async throws {
        let store = InstrumentedKeyStore(sloppyLookup: true)
        let sloppy = APIKeyManager(
            store: store, peppers: [pepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: clock)
        let issued = try await sloppy.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        var forgedDigest = issued.record.hash.digestBytes
        forgedDigest[31] ^= 1
        let forgedHash = try #require(APIKeyHash(algorithm: issued.record.hash.algorithm, digestBytes: forgedDigest))
        try await store.insert(
            APIKeyRecord(
                id: "key_forged", owner: "o", name: "forged", hash: forgedHash, start: issued.record.start,
                permissions: [.admin], createdAt: clock.now),
            ownerLimit: nil)
        // The store now answers the real key's hash with the forged admin record; the manager
        // compares the full digest (ConstantTime.equals) and refuses it.
        #expect(try await store.record(forHash: issued.record.hash)?.id == "key_forged")
        await #expect(throws: APIKeyError.self) {
            _ = try await sloppy.verify(issued.secret.plaintext, clientAddress: nil)
        }
        #expect(ConstantTime.equals(Array("abc".utf8), Array("abd".utf8)) == false)
        #expect(ConstantTime.equals("abc".utf8, "abc".utf8))
    }

    @Test("the expiry instant is already expired")
    func expiryBoundary() async throws {
        let expiry = clock.now.addingTimeInterval(3600)
        let issued = try await manager.create(
            owner: "o", name: "n", prefix: "sk_live", permissions: [.read], expiresAt: expiry)
        clock.set(to: expiry.addingTimeInterval(-0.001))
        _ = try await manager.verify(issued.secret.plaintext, clientAddress: nil)
        clock.set(to: expiry)
        #expect(await code { _ = try await manager.verify(issued.secret.plaintext, clientAddress: nil) } == .keyExpired)
    }

    @Test("checks run in order: revoked, disabled, expired, IP, permission")
    func verificationOrder() async throws {
        let office = try #require(IPNetwork("203.0.113.0/24"))
        let issued = try await manager.create(
            owner: "o", name: "n", prefix: "sk_live", permissions: [.read], allowlist: IPAllowlist(networks: [office])
        )
        let key = issued.secret.plaintext
        let inside = IPAddress("203.0.113.5")
        #expect(
            await code { _ = try await manager.verify(key, clientAddress: inside, requiring: .write) }
                == .insufficientPermission)
        #expect(
            await code {
                _ = try await manager.verify(key, clientAddress: IPAddress("198.51.100.1"), requiring: .write)
            } == .ipNotAllowed)
        try await manager.setExpiry(clock.now, id: issued.record.id)
        #expect(
            await code { _ = try await manager.verify(key, clientAddress: IPAddress("198.51.100.1")) } == .keyExpired)
        try await manager.setDisabled(true, id: issued.record.id)
        #expect(await code { _ = try await manager.verify(key, clientAddress: inside) } == .keyDisabled)
        try await manager.revoke(id: issued.record.id)
        #expect(await code { _ = try await manager.verify(key, clientAddress: inside) } == .keyRevoked)
        #expect(APIKeyError(code: .ipNotAllowed, message: "").status == 403)
        #expect(APIKeyError(code: .keyRevoked, message: "").status == 401)
    }

    @Test("authenticate names the key it refused once the key is identified, and no key before")
    func authenticateAttributesRefusals() async throws {
        let issued = try await manager.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        let key = issued.secret.plaintext
        guard
            case .refused(let error, let record) = try await manager.authenticate(
                key, clientAddress: nil, requiring: .admin)
        else {
            Issue.record("a read key was accepted for admin")
            return
        }
        #expect(error.code == .insufficientPermission && record?.id == issued.record.id)
        guard case .refused(let unknown, let none) = try await manager.authenticate("sk_live_x", clientAddress: nil)
        else {
            Issue.record("a malformed key was accepted")
            return
        }
        #expect(unknown.code == .invalidKey && none == nil)
        guard case .accepted(let accepted) = try await manager.authenticate(key, clientAddress: nil, requiring: .read)
        else {
            Issue.record("a valid key was refused")
            return
        }
        #expect(accepted.id == issued.record.id)
    }

    @Test("a report-only allowlist lets the request through and reports it")
    func reportOnly() async throws {
        let list = IPAllowlist(networks: [try #require(IPNetwork("10.0.0.0/8"))], reportOnly: true)
        let issued = try await manager.create(
            owner: "o", name: "n", prefix: "sk_live", permissions: [.read], allowlist: list)
        _ = try await manager.verify(issued.secret.plaintext, clientAddress: IPAddress("192.0.2.1"))
        let violations = await audit.events.filter { if case .allowlistViolation = $0 { true } else { false } }
        #expect(violations.count == 1)
    }

    @Test("rotation: the old key works through the grace period, not a moment longer")
    func rotationGrace() async throws {
        let old = try await manager.create(owner: "o", name: "n", prefix: "sk_test", permissions: [.write])
        let issued = try await manager.rotate(id: old.record.id, grace: .seconds(3600))
        #expect(issued.record.permissions == [.write] && issued.record.name == "n")
        #expect(issued.secret.plaintext.hasPrefix("sk_test_"))
        clock.advance(by: .seconds(3599))
        _ = try await manager.verify(old.secret.plaintext, clientAddress: nil)
        _ = try await manager.verify(issued.secret.plaintext, clientAddress: nil)
        clock.advance(by: .seconds(1))
        #expect(await code { _ = try await manager.verify(old.secret.plaintext, clientAddress: nil) } == .keyExpired)
        #expect(try await store.record(id: old.record.id)?.replacedBy == issued.record.id)
        let immediate = try await manager.create(owner: "o", name: "m", prefix: "sk_test", permissions: [.read])
        _ = try await manager.rotate(id: immediate.record.id)
        #expect(
            await code { _ = try await manager.verify(immediate.secret.plaintext, clientAddress: nil) } == .keyRevoked)
        #expect(
            await code { _ = try await manager.rotate(id: issued.record.id, grace: .seconds(8 * 86_400)) }
                == .invalidArgument)
        #expect(await code { _ = try await manager.rotate(id: "key_missing") } == .notFound)
    }

    @Test("the per-owner cap holds under concurrent creates")
    func ownerCap() async throws {
        let manager = self.manager
        let created = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<30 {
                group.addTask {
                    do {
                        _ = try await manager.create(
                            owner: "chain_9", name: "token \(index)", prefix: "sk_live", permissions: [.read],
                            ownerLimit: 11)
                        return true
                    } catch let error as APIKeyError where error.code == .keyLimitReached {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(created == 11)
        #expect(try await manager.list(owner: "chain_9").count == 11)
    }

    @Test("names are required and prefixes must be the host's")
    func arguments() async {
        #expect(
            await code { _ = try await manager.create(owner: "o", name: "  ", prefix: "sk_live", permissions: [.read]) }
                == .invalidArgument)
        #expect(
            await code { _ = try await manager.create(owner: "o", name: "n", prefix: "pk_live", permissions: [.read]) }
                == .invalidArgument)
    }

    @Test("peppers rotate: keys hashed with the old one still verify and are rehashed")
    func pepperRotation() async throws {
        let issued = try await manager.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        let newPepper = try APIKeyPepper(version: 2, secret: Array(repeating: 7, count: 32))
        let rotated = APIKeyManager(
            store: store, peppers: [newPepper, pepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: clock)
        let verified = try await rotated.verify(issued.secret.plaintext, clientAddress: nil)
        #expect(verified.hash.algorithm == .hmacSHA256(pepperVersion: 2))
        let onlyNew = APIKeyManager(
            store: store, peppers: [newPepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: clock)
        _ = try await onlyNew.verify(issued.secret.plaintext, clientAddress: nil)
    }

    @Test("legacy keys and SHA-256 hashes can be imported and keep working")
    func imports() async throws {
        let legacy = APIKeyManager(
            store: store, peppers: [pepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: clock,
            legacyKeys: .accepted
        )
        let record = try await legacy.importKey(
            "f45h10nw33k", owner: "brand_2525", name: "Spring", permissions: [.write])
        #expect(record.start == "f45h")
        #expect(try await legacy.verify("f45h10nw33k", clientAddress: nil).id == record.id)
        #expect(
            await code { _ = try await manager.verify("f45h10nw33k", clientAddress: nil) } == .invalidKey,
            "refused unless accepted")
        let oldSystemHash = SHA256.hash("legacy-key-123456".utf8).description
        let sha = try await legacy.importSHA256Hash(
            oldSystemHash, owner: "o", name: "old", start: "lega", permissions: [.read])
        #expect(sha.hash.algorithm == .sha256)
        let upgraded = try await legacy.verify("legacy-key-123456", clientAddress: nil)
        #expect(upgraded.id == sha.id)
        #expect(upgraded.hash.algorithm == .hmacSHA256(pepperVersion: 1), "rehashed with the pepper on first use")
        _ = try await legacy.verify("legacy-key-123456", clientAddress: nil)
        #expect(
            await code {
                _ = try await legacy.importSHA256Hash("abc", owner: "o", name: "n", start: "", permissions: [.read])
            } == .invalidArgument)
        #expect(
            await code { _ = try await legacy.importKey("short", owner: "o", name: "n", permissions: [.read]) }
                == .invalidArgument)
    }

    @Test("usage statistics: totals, error rates and recent activity")
    func usage() async throws {
        let issued = try await manager.create(owner: "o", name: "n", prefix: "sk_live", permissions: [.read])
        for status in [200, 200, 404, 500, 200, 429, 200, 200] {
            try await manager.recordUsage(keyID: issued.record.id, route: "GET /v1/products", status: status)
            clock.advance(by: .seconds(1))
        }
        let stats = try await manager.usage(keyID: issued.record.id)
        #expect(stats.totalRequests == 8 && stats.clientErrors == 2 && stats.serverErrors == 1)
        #expect(stats.clientErrorRatePercent == 25 && stats.serverErrorRatePercent == Decimal(string: "12.5"))
        #expect(stats.errorRatePercent == Decimal(string: "37.5"))
        #expect(stats.recentActivity.first?.status == 200 && stats.recentActivity.count == 8)
        #expect(try await manager.usage(keyID: "key_unused").totalRequests == 0)
    }

    @Test("the in-memory store meets the store conformance suite")
    func conformance() async throws {
        try await APIKeyStoreConformance { InMemoryAPIKeyStore() }.run()
    }
}
