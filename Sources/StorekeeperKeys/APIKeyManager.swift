@_spi(StorekeeperInternal) public import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The key lifecycle: create, verify, rotate, revoke, disable, expire, import, count usage.
///
/// ```swift
/// let keys = APIKeyManager(store: store, peppers: [pepper], format: try APIKeyFormat(prefixes: ["sk_live"]), clock: SystemClock())
/// let issued = try await keys.create(owner: "shop_1", name: "Magento prod", prefix: "sk_live", permissions: [.read])
/// show(issued.secret.plaintext)   // once
/// let record = try await keys.verify(presented, clientAddress: address, requiring: .read)
/// ```
///
/// Verification checks, in order: format and checksum (no store access for a malformed key),
/// lookup, revoked or disabled, expired (the expiry instant is already expired), IP allowlist,
/// permission. A malformed and an unknown key fail alike with ``APIKeyError/Code/invalidKey``.
public struct APIKeyManager: Sendable {
    /// How legacy keys (without Storekeeper's prefix and checksum) are treated by ``verify(_:clientAddress:requiring:)``.
    public enum LegacyKeys: Sendable, Hashable {
        /// Refused without a lookup, like any malformed key.
        case refused
        /// Looked up (after a plausibility check: 8 to 128 printable ASCII characters), so keys
        /// imported with ``APIKeyManager/importKey(_:owner:name:permissions:allowlist:)`` keep working.
        case accepted
    }

    private let store: any APIKeyStore
    private let peppers: [APIKeyPepper]
    private let format: APIKeyFormat
    private let clock: any WallClock
    private let observer: (any APIKeyObserver)?
    private let legacyKeys: LegacyKeys
    private let maximumGrace: Duration
    private let recentUsageKept: Int

    /// Creates a manager.
    ///
    /// - Parameters:
    ///   - store: Where records live.
    ///   - peppers: The peppers, current first; older ones still verify and are rehashed on use.
    ///   - format: The prefixes this host issues.
    ///   - clock: The clock.
    ///   - observer: Receives audit events.
    ///   - legacyKeys: Whether imported legacy keys verify.
    ///   - maximumGrace: The longest grace a rotation may give the old key (default 7 days).
    ///   - recentUsageKept: How many recent uses each key keeps for its statistics (default 20).
    public init(
        store: some APIKeyStore,
        peppers: [APIKeyPepper],
        format: APIKeyFormat,
        clock: any WallClock,
        observer: (any APIKeyObserver)? = nil,
        legacyKeys: LegacyKeys = .refused,
        maximumGrace: Duration = .seconds(7 * 86_400),
        recentUsageKept: Int = 20
    ) {
        self.store = store
        self.peppers = peppers
        self.format = format
        self.clock = clock
        self.observer = observer
        self.legacyKeys = legacyKeys
        self.maximumGrace = maximumGrace
        self.recentUsageKept = max(recentUsageKept, 0)
    }

    private var currentPepper: APIKeyPepper? { peppers.first }

    // MARK: Creating

    /// Creates a key and returns its plaintext, this once.
    ///
    /// - Parameters:
    ///   - owner: Whose key it is.
    ///   - name: What it is for; required, because owners must tell their keys apart.
    ///   - prefix: One of the format's prefixes.
    ///   - permissions: What it may do.
    ///   - allowlist: Where it may be used from (empty: anywhere).
    ///   - rateLimit: Its own rate limit, if not the API's default.
    ///   - expiresAt: When it stops working; `nil` for never (partner tokens).
    ///   - metadata: Host data.
    ///   - ownerLimit: The most active keys the owner may hold (11 for partner tokens).
    /// - Throws: ``APIKeyError``: an empty name, an unknown prefix, or the owner's limit reached.
    public func create(
        owner: String,
        name: String,
        prefix: String,
        permissions: PermissionSet,
        allowlist: IPAllowlist = IPAllowlist(),
        rateLimit: KeyRateLimit? = nil,
        expiresAt: Date? = nil,
        metadata: [String: String] = [:],
        ownerLimit: Int? = nil
    ) async throws -> IssuedAPIKey {
        guard name.contains(where: { !$0.isWhitespace }) else {
            throw APIKeyError(code: .invalidArgument, message: "Every key needs a name that says what it is for.")
        }
        guard format.prefixes.contains(prefix) else {
            throw APIKeyError(code: .invalidArgument, message: "'\(prefix)' is not a key prefix of this API.")
        }
        let plaintext = format.generate(prefix: prefix)
        let record = try makeRecord(
            plaintext: plaintext,
            start: APIKeyFormat.start(of: plaintext),
            owner: owner,
            name: name,
            permissions: permissions,
            allowlist: allowlist,
            rateLimit: rateLimit,
            expiresAt: expiresAt,
            metadata: metadata
        )
        try await store.insert(record, ownerLimit: ownerLimit)
        await observer?.observe(.created(keyID: record.id, owner: owner, at: record.createdAt))
        return IssuedAPIKey(record: record, secret: APIKeySecret(plaintext: plaintext, start: record.start))
    }

    /// Imports a key issued by another system (such as Spring's `f45h10nw33k`), so it keeps
    /// working; it is stored hashed with the pepper like any other. Verify it with a manager
    /// whose `legacyKeys` is `.accepted`.
    public func importKey(
        _ plaintext: String,
        owner: String,
        name: String,
        permissions: PermissionSet,
        allowlist: IPAllowlist = IPAllowlist()
    ) async throws -> APIKeyRecord {
        guard Self.isPlausibleLegacyKey(plaintext) || format.isWellFormed(plaintext) else {
            throw APIKeyError(
                code: .invalidArgument, message: "An imported key must be 8 to 128 printable ASCII characters.")
        }
        let record = try makeRecord(
            plaintext: plaintext,
            start: String(plaintext.prefix(4)),
            owner: owner,
            name: name,
            permissions: permissions,
            allowlist: allowlist,
            rateLimit: nil,
            expiresAt: nil,
            metadata: [:]
        )
        try await store.insert(record, ownerLimit: nil)
        await observer?.observe(.imported(keyID: record.id, owner: owner, at: record.createdAt))
        return record
    }

    /// Imports a key known only by its SHA-256 (lowercase hex), as another system stored it. It
    /// is rehashed with the pepper the first time it is verified.
    public func importSHA256Hash(
        _ hexDigest: String,
        owner: String,
        name: String,
        start: String,
        permissions: PermissionSet
    ) async throws -> APIKeyRecord {
        guard let hash = APIKeyHash(algorithm: .sha256, digest: hexDigest) else {
            throw APIKeyError(code: .invalidArgument, message: "A SHA-256 digest is 64 hexadecimal characters.")
        }
        let record = APIKeyRecord(
            id: Self.newID(),
            owner: owner,
            name: name,
            hash: hash,
            start: start,
            permissions: permissions,
            createdAt: clock.now
        )
        try await store.insert(record, ownerLimit: nil)
        await observer?.observe(.imported(keyID: record.id, owner: owner, at: record.createdAt))
        return record
    }

    // MARK: Verifying

    /// Checks a presented key and returns its record.
    ///
    /// - Parameters:
    ///   - presented: The key from the request (see ``APICredentials``), or `nil` if none.
    ///   - clientAddress: The client's address, as the host determined it.
    ///   - required: The permission the operation needs, if any.
    /// - Throws: ``APIKeyError`` with the first failing check's code, or the store's error.
    nonisolated(nonsending) public func verify(
        _ presented: String?, clientAddress: IPAddress?, requiring required: Permission? = nil
    )
        async throws -> APIKeyRecord
    {
        switch try await authenticate(presented, clientAddress: clientAddress, requiring: required) {
        case .accepted(let record): return record
        case .refused(let error, _): throw error
        }
    }

    /// Checks a presented key and says whether it is accepted, and which key it was when the key
    /// was identified but refused.
    ///
    /// The checks run in this order: format and checksum, lookup, revoked, disabled, expired (the
    /// expiry instant is already expired), IP allowlist, permission. A refusal after the lookup
    /// carries the identified record, so a pipeline can still attribute the request to the key
    /// (its rate-limit headers, its usage); the record never reaches the client.
    ///
    /// - Parameters:
    ///   - presented: The key from the request (see ``APICredentials``), or `nil` if none.
    ///   - clientAddress: The client's address, as the host determined it.
    ///   - required: The permission the operation needs, if any.
    /// - Returns: ``APIKeyVerification/accepted(_:)`` or ``APIKeyVerification/refused(_:record:)``.
    /// - Throws: Only the store's errors.
    nonisolated(nonsending) public func authenticate(
        _ presented: String?, clientAddress: IPAddress?, requiring required: Permission? = nil
    )
        async throws -> APIKeyVerification
    {
        // A missing, malformed or unknown key is refused without reading the clock or, when no one
        // observes, suspending: a flood of fake keys costs the format check and nothing more.
        guard let presented else { return await refused(.invalidKey, reason: "missing", record: nil) }
        guard hasAcceptableShape(presented) else {
            return await refused(.invalidKey, reason: "malformed", record: nil)
        }
        guard let record = try await lookUp(presented) else {
            return await refused(.invalidKey, reason: "unknown", record: nil)
        }
        let now = clock.now
        switch Self.check(record, clientAddress: clientAddress, requiring: required, now: now) {
        case .passed:
            break
        case .passedWithAllowlistViolation:
            await reportAllowlistViolation(keyID: record.id, address: clientAddress, now: now)
        case .failed(let code, let reason):
            return await refused(code, reason: reason, record: record)
        }
        // Upgrade a hash made under an old pepper, or imported as plain SHA-256.
        if let pepper = currentPepper, record.hash.algorithm != .hmacSHA256(pepperVersion: pepper.version) {
            return .accepted(await rehashed(record, presented: presented, pepper: pepper))
        }
        return .accepted(record)
    }

    /// What the checks after the lookup found.
    private enum CheckOutcome {
        case passed
        case passedWithAllowlistViolation
        case failed(APIKeyError.Code, reason: String)
    }

    /// The checks after the lookup, in order: revoked, disabled, expired, IP allowlist, permission.
    /// Synchronous, so none of its work sits in the caller's asynchronous frame.
    @inline(never)
    private static func check(
        _ record: APIKeyRecord, clientAddress: IPAddress?, requiring required: Permission?, now: Date
    ) -> CheckOutcome {
        if record.revokedAt != nil { return .failed(.keyRevoked, reason: "revoked") }
        if record.isDisabled { return .failed(.keyDisabled, reason: "disabled") }
        if record.isExpired(at: now) { return .failed(.keyExpired, reason: "expired") }
        var outcome = CheckOutcome.passed
        if !record.allowlist.allows(clientAddress) {
            guard record.allowlist.reportOnly else { return .failed(.ipNotAllowed, reason: "ip_not_allowed") }
            outcome = .passedWithAllowlistViolation
        }
        if let required, !record.permissions.allows(required) {
            return .failed(.insufficientPermission, reason: "insufficient_permission")
        }
        return outcome
    }

    /// Tells the observer a report-only allowlist let a request through from `address`.
    @inline(never)
    private func reportAllowlistViolation(keyID: String, address: IPAddress?, now: Date) async {
        await observer?.observe(.allowlistViolation(keyID: keyID, address: address?.description ?? "unknown", at: now))
    }

    /// Whether a presented key may be looked up: well-formed, or a plausible legacy key where
    /// those are accepted.
    @inline(never)
    private func hasAcceptableShape(_ presented: String) -> Bool {
        format.isWellFormed(presented) || (legacyKeys == .accepted && Self.isPlausibleLegacyKey(presented))
    }

    /// A refusal naming the identified key (if any), reported to the observer when there is one.
    nonisolated(nonsending) private func refused(
        _ code: APIKeyError.Code, reason: String, record: APIKeyRecord?
    ) async -> APIKeyVerification {
        if let observer {
            await report(reason, keyID: record?.id, to: observer)
        }
        return .refused(Self.error(code), record: record)
    }

    /// Tells the observer a verification failed, and why.
    @inline(never)
    private func report(_ reason: String, keyID: String?, to observer: any APIKeyObserver) async {
        await observer.observe(.verificationFailed(reason: reason, keyID: keyID, at: clock.now))
    }

    /// The record with its hash upgraded to the current pepper (stored optimistically; the old
    /// record when another update won).
    @inline(never)
    private func rehashed(_ record: APIKeyRecord, presented: String, pepper: APIKeyPepper) async -> APIKeyRecord {
        var upgraded = record
        upgraded.hash = pepper.hash(presented)
        guard (try? await store.update(upgraded, expectedVersion: record.version)) != nil else { return record }
        upgraded.version += 1
        return upgraded
    }

    nonisolated(nonsending) private func lookUp(_ presented: String) async throws -> APIKeyRecord? {
        for pepper in peppers {
            let candidate = pepper.hash(presented)
            if let record = try await store.record(forHash: candidate), record.hash.matches(candidate) {
                return record
            }
        }
        let plain = Self.plainHash(presented)
        if let record = try await store.record(forHash: plain), record.hash.matches(plain) {
            return record
        }
        return nil
    }

    /// The plain SHA-256 of a key, as imported hashes are stored.
    @inline(never)
    private static func plainHash(_ presented: String) -> APIKeyHash {
        APIKeyHash(algorithm: .sha256, value: SHA256.hash(presented.utf8))
    }

    /// The error of a refusal, with a message for people.
    private static func error(_ code: APIKeyError.Code) -> APIKeyError {
        // The common refusal first, without comparing codes (they are strings).
        guard code != .invalidKey else { return invalidKey }
        let message: String
        switch code {
        case .keyRevoked: message = "This API key has been revoked."
        case .keyDisabled: message = "This API key is disabled."
        case .keyExpired: message = "This API key has expired."
        case .ipNotAllowed: message = "Requests with this API key are not allowed from this address."
        case .insufficientPermission: message = "This API key does not have the permission this operation requires."
        default: message = "Missing or invalid API key."
        }
        return APIKeyError(code: code, message: message)
    }

    /// The refusal of a missing, malformed or unknown key: one error, so existence does not leak.
    private static let invalidKey = APIKeyError(code: .invalidKey, message: "Missing or invalid API key.")

    // MARK: Managing

    /// Replaces a key with a new one with the same settings; the old key stops working after
    /// `grace` (at once for zero), which may not exceed the host's maximum.
    public func rotate(id: String, grace: Duration = .zero) async throws -> IssuedAPIKey {
        guard grace >= .zero, grace <= maximumGrace else {
            throw APIKeyError(
                code: .invalidArgument, message: "The grace period must be between zero and \(maximumGrace).")
        }
        let old = try await existing(id)
        guard old.revokedAt == nil else {
            throw APIKeyError(code: .keyRevoked, message: "A revoked key cannot be rotated.")
        }
        let prefix = format.prefixes.first { old.start.hasPrefix($0 + "_") } ?? format.prefixes.min() ?? ""
        let issued = try await create(
            owner: old.owner,
            name: old.name,
            prefix: prefix,
            permissions: old.permissions,
            allowlist: old.allowlist,
            rateLimit: old.rateLimit,
            expiresAt: old.expiresAt,
            metadata: old.metadata
        )
        let now = clock.now
        let (seconds, attoseconds) = grace.components
        let cutoff = now.addingTimeInterval(TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18)
        var retired = old
        retired.replacedBy = issued.record.id
        if grace == .zero {
            retired.revokedAt = now
        } else {
            retired.expiresAt = min(old.expiresAt ?? cutoff, cutoff)
        }
        try await store.update(retired, expectedVersion: old.version)
        await observer?.observe(
            .rotated(oldKeyID: old.id, newKeyID: issued.record.id, oldKeyExpiresAt: retired.expiresAt ?? now, at: now)
        )
        return issued
    }

    /// Revokes a key for good.
    public func revoke(id: String) async throws {
        var record = try await existing(id)
        guard record.revokedAt == nil else { return }
        let now = clock.now
        let version = record.version
        record.revokedAt = now
        try await store.update(record, expectedVersion: version)
        await observer?.observe(.revoked(keyID: id, at: now))
    }

    /// Switches a key off (`true`) or on again (`false`).
    public func setDisabled(_ disabled: Bool, id: String) async throws {
        var record = try await existing(id)
        let version = record.version
        record.isDisabled = disabled
        try await store.update(record, expectedVersion: version)
        await observer?.observe(.disabledChanged(keyID: id, isDisabled: disabled, at: clock.now))
    }

    /// Sets or clears a key's expiry.
    public func setExpiry(_ expiresAt: Date?, id: String) async throws {
        var record = try await existing(id)
        let version = record.version
        record.expiresAt = expiresAt
        try await store.update(record, expectedVersion: version)
        await observer?.observe(.expiryChanged(keyID: id, expiresAt: expiresAt, at: clock.now))
    }

    /// The owner's keys, newest first; records hold no secrets.
    public func list(owner: String) async throws -> [APIKeyRecord] {
        try await store.records(owner: owner)
    }

    /// Counts a use of a key.
    public func recordUsage(keyID: String, route: String, status: Int) async throws {
        try await store.recordUsage(
            APIKeyUsageEvent(keyID: keyID, time: clock.now, route: route, status: status), keepRecent: recentUsageKept)
    }

    /// A key's usage statistics.
    public func usage(keyID: String) async throws -> APIKeyUsageStatistics {
        APIKeyUsageStatistics(try await store.usage(keyID: keyID))
    }

    // MARK: Helpers

    private func existing(_ id: String) async throws -> APIKeyRecord {
        guard let record = try await store.record(id: id) else {
            throw APIKeyError(code: .notFound, message: "No API key has the ID '\(id)'.")
        }
        return record
    }

    private func makeRecord(
        plaintext: String,
        start: String,
        owner: String,
        name: String,
        permissions: PermissionSet,
        allowlist: IPAllowlist,
        rateLimit: KeyRateLimit?,
        expiresAt: Date?,
        metadata: [String: String]
    ) throws -> APIKeyRecord {
        guard let pepper = currentPepper else {
            throw APIKeyError(code: .invalidArgument, message: "No pepper is configured.")
        }
        return APIKeyRecord(
            id: Self.newID(),
            owner: owner,
            name: name,
            hash: pepper.hash(plaintext),
            start: start,
            permissions: permissions,
            allowlist: allowlist,
            rateLimit: rateLimit,
            createdAt: clock.now,
            expiresAt: expiresAt,
            metadata: metadata
        )
    }

    private static func newID() -> String {
        "key_" + Base62.randomString(length: 16)
    }

    private static func isPlausibleLegacyKey(_ text: String) -> Bool {
        (8...128).contains(text.utf8.count) && text.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
