#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Everything stored about a key, and nothing secret.
public struct APIKeyRecord: Sendable, Hashable, Codable, Identifiable {
    /// The key's public ID, safe to show and log.
    public let id: String
    /// Who the key belongs to: an account, a shop, a partner chain.
    public var owner: String
    /// What the key is for, such as "Magento prod".
    public var name: String
    /// The stored hash of the key.
    public var hash: APIKeyHash
    /// The first characters of the key, for display.
    public var start: String
    /// What the key may do.
    public var permissions: PermissionSet
    /// Where the key may be used from.
    public var allowlist: IPAllowlist
    /// A rate limit for this key instead of the API's default: units per window.
    public var rateLimit: KeyRateLimit?
    /// When the key was created.
    public var createdAt: Date
    /// When the key stops working, if ever. The instant itself is already expired.
    public var expiresAt: Date?
    /// When the key was last verified successfully.
    public var lastUsedAt: Date?
    /// When the key was revoked, if it was.
    public var revokedAt: Date?
    /// Whether the key is switched off (reversibly, unlike revocation).
    public var isDisabled: Bool
    /// The ID of the key that replaced this one in a rotation.
    public var replacedBy: String?
    /// Free-form data of the host.
    public var metadata: [String: String]
    /// Incremented by every update; updates name the version they replace.
    public var version: Int

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
        self.id = id
        self.owner = owner
        self.name = name
        self.hash = hash
        self.start = start
        self.permissions = permissions
        self.allowlist = allowlist
        self.rateLimit = rateLimit
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
        self.isDisabled = isDisabled
        self.replacedBy = replacedBy
        self.metadata = metadata
        self.version = version
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
