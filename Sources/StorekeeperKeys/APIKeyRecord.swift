#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Everything stored about a key, and nothing secret.
///
/// A record is a value with copy-on-write storage: copying one (as every verification, context
/// and audit step does) copies a reference, and the fields are copied only when a copy is changed.
public struct APIKeyRecord: Sendable, Hashable, Codable, Identifiable {
    /// The fields, in one place; encoded and compared as the record.
    private struct Fields: Sendable, Hashable, Codable {
        let id: String
        var owner: String
        var name: String
        var hash: APIKeyHash
        var start: String
        var permissions: PermissionSet
        var allowlist: IPAllowlist
        var rateLimit: KeyRateLimit?
        var createdAt: Date
        var expiresAt: Date?
        var lastUsedAt: Date?
        var revokedAt: Date?
        var isDisabled: Bool
        var replacedBy: String?
        var metadata: [String: String]
        var version: Int
    }

    /// Shared by copies until one of them changes. Mutated only while uniquely referenced (see
    /// `fields`), so sharing it between threads is safe.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var storage: Storage

    /// The fields, read in place; written after copying the storage if it is shared.
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// The key's public ID, safe to show and log.
    public var id: String { storage.fields.id }
    /// Who the key belongs to: an account, a shop, a partner chain.
    public var owner: String {
        get { storage.fields.owner }
        set { fields.owner = newValue }
    }
    /// What the key is for, such as "Magento prod".
    public var name: String {
        get { storage.fields.name }
        set { fields.name = newValue }
    }
    /// The stored hash of the key.
    public var hash: APIKeyHash {
        get { storage.fields.hash }
        set { fields.hash = newValue }
    }
    /// The first characters of the key, for display.
    public var start: String {
        get { storage.fields.start }
        set { fields.start = newValue }
    }
    /// What the key may do.
    public var permissions: PermissionSet {
        get { storage.fields.permissions }
        set { fields.permissions = newValue }
    }
    /// Where the key may be used from.
    public var allowlist: IPAllowlist {
        get { storage.fields.allowlist }
        set { fields.allowlist = newValue }
    }
    /// A rate limit for this key instead of the API's default: units per window.
    public var rateLimit: KeyRateLimit? {
        get { storage.fields.rateLimit }
        set { fields.rateLimit = newValue }
    }
    /// When the key was created.
    public var createdAt: Date {
        get { storage.fields.createdAt }
        set { fields.createdAt = newValue }
    }
    /// When the key stops working, if ever. The instant itself is already expired.
    public var expiresAt: Date? {
        get { storage.fields.expiresAt }
        set { fields.expiresAt = newValue }
    }
    /// When the key was last verified successfully.
    public var lastUsedAt: Date? {
        get { storage.fields.lastUsedAt }
        set { fields.lastUsedAt = newValue }
    }
    /// When the key was revoked, if it was.
    public var revokedAt: Date? {
        get { storage.fields.revokedAt }
        set { fields.revokedAt = newValue }
    }
    /// Whether the key is switched off (reversibly, unlike revocation).
    public var isDisabled: Bool {
        get { storage.fields.isDisabled }
        set { fields.isDisabled = newValue }
    }
    /// The ID of the key that replaced this one in a rotation.
    public var replacedBy: String? {
        get { storage.fields.replacedBy }
        set { fields.replacedBy = newValue }
    }
    /// Free-form data of the host.
    public var metadata: [String: String] {
        get { storage.fields.metadata }
        set { fields.metadata = newValue }
    }
    /// Incremented by every update; updates name the version they replace.
    public var version: Int {
        get { storage.fields.version }
        set { fields.version = newValue }
    }

    /// Creates a record.
    public init(
        id: String,
        owner: String,
        name: String,
        hash: APIKeyHash,
        start: String,
        permissions: PermissionSet,
        allowlist: IPAllowlist = IPAllowlist(),
        rateLimit: KeyRateLimit? = nil,
        createdAt: Date,
        expiresAt: Date? = nil,
        lastUsedAt: Date? = nil,
        revokedAt: Date? = nil,
        isDisabled: Bool = false,
        replacedBy: String? = nil,
        metadata: [String: String] = [:],
        version: Int = 1
    ) {
        storage = Storage(
            Fields(
                id: id, owner: owner, name: name, hash: hash, start: start, permissions: permissions,
                allowlist: allowlist, rateLimit: rateLimit, createdAt: createdAt, expiresAt: expiresAt,
                lastUsedAt: lastUsedAt, revokedAt: revokedAt, isDisabled: isDisabled, replacedBy: replacedBy,
                metadata: metadata, version: version))
    }

    /// Decodes a record from its fields, as ``encode(to:)`` writes them.
    public init(from decoder: any Decoder) throws {
        storage = Storage(try Fields(from: decoder))
    }

    /// Encodes the record's fields, one member per property.
    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    /// Whether two records hold the same fields.
    public static func == (lhs: APIKeyRecord, rhs: APIKeyRecord) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes the record's fields.
    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// Whether the key counts against its owner's limit: not revoked.
    public var isActive: Bool { revokedAt == nil }

    /// Whether the key has expired at `now`: the expiry instant itself is already expired.
    public func isExpired(at now: Date) -> Bool {
        expiresAt.map { now >= $0 } ?? false
    }
}

/// A per-key rate limit: `limit` requests per `window`.
public struct KeyRateLimit: Sendable, Hashable, Codable {
    /// Requests per window.
    public var limit: Int
    /// The window, in seconds.
    public var windowSeconds: Int

    /// Creates a limit.
    public init(limit: Int, windowSeconds: Int) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }
}
