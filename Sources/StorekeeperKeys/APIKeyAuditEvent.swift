#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Something that happened to a key, for the host's audit log. It never carries a plaintext key.
public enum APIKeyAuditEvent: Sendable, Hashable {
    /// A key was created.
    case created(keyID: String, owner: String, at: Date)
    /// A key was imported from another system.
    case imported(keyID: String, owner: String, at: Date)
    /// A key was rotated; the old key stops working at `oldKeyExpiresAt`.
    case rotated(oldKeyID: String, newKeyID: String, oldKeyExpiresAt: Date, at: Date)
    /// A key was revoked.
    case revoked(keyID: String, at: Date)
    /// A key was disabled or enabled.
    case disabledChanged(keyID: String, isDisabled: Bool, at: Date)
    /// A key's expiry was set or cleared.
    case expiryChanged(keyID: String, expiresAt: Date?, at: Date)
    /// A verification failed. `reason` is exact (`malformed`, `unknown`, `revoked`, ...) for the
    /// audit log, unlike the error the client gets; `keyID` is known when the key was found.
    case verificationFailed(reason: String, keyID: String?, at: Date)
    /// A key was used from an address outside its report-only allowlist.
    case allowlistViolation(keyID: String, address: String, at: Date)
}

/// Receives audit events, so a host can log them without Storekeeper depending on a logger.
public protocol APIKeyObserver: Sendable {
    /// Called after each event; keep it quick, or hand the event off.
    func observe(_ event: APIKeyAuditEvent) async
}
