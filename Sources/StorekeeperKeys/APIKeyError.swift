/// Why a key operation or verification failed: a stable code and its HTTP status.
///
/// Verification failures never say more than a client may know: a malformed key, a key with a
/// bad checksum and a key the store does not hold are all ``Code/invalidKey``.
public struct APIKeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// No credentials, a malformed key, a bad checksum, or an unknown key (401).
        public static let invalidKey = Code("invalid_key")
        /// The key was revoked (401).
        public static let keyRevoked = Code("key_revoked")
        /// The key is disabled (401).
        public static let keyDisabled = Code("key_disabled")
        /// The key has expired; its expiry instant is already expired (401).
        public static let keyExpired = Code("key_expired")
        /// The client address is not in the key's allowlist (403).
        public static let ipNotAllowed = Code("ip_not_allowed")
        /// The key lacks the permission the operation requires (403).
        public static let insufficientPermission = Code("insufficient_permission")
        /// The owner already holds as many keys as allowed (409).
        public static let keyLimitReached = Code("key_limit_reached")
        /// No key has that ID (404).
        public static let notFound = Code("not_found")
        /// The key changed since it was read; read it again and retry (409).
        public static let versionConflict = Code("version_conflict")
        /// An argument is out of range: an empty name, an unknown prefix, a grace period beyond the
        /// host's maximum (400).
        public static let invalidArgument = Code("invalid_argument")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// What went wrong, for a person; it never contains a key.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status for the code.
    public var status: Int {
        switch code {
        case .invalidKey, .keyRevoked, .keyDisabled, .keyExpired: 401
        case .ipNotAllowed, .insufficientPermission: 403
        case .keyLimitReached, .versionConflict: 409
        case .notFound: 404
        default: 400
        }
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
