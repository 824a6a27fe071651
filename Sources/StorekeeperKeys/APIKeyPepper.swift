@_spi(StorekeeperInternal) import StorekeeperCore

/// The host's secret mixed into every key hash, with a version so it can be rotated.
///
/// Keys are stored as HMAC-SHA256 of the plaintext under the pepper, never as the plaintext: a
/// leaked key table cannot be used, nor brute-forced without the pepper, which lives elsewhere
/// (an environment secret, a KMS). To rotate, add a new pepper as current and keep the old ones;
/// keys hashed under an old pepper still verify, and are rehashed under the current one the next
/// time they are used.
public struct APIKeyPepper: Sendable {
    /// The version stored with each hash.
    public let version: Int
    let authenticator: HMACSHA256

    /// Creates a pepper.
    ///
    /// - Parameters:
    ///   - version: Its version number.
    ///   - secret: At least 32 random bytes.
    /// - Throws: ``APIKeyError`` if the secret is shorter.
    public init(version: Int, secret: [UInt8]) throws(APIKeyError) {
        guard secret.count >= 32 else {
            throw APIKeyError(code: .invalidArgument, message: "A pepper must be at least 32 bytes.")
        }
        self.version = version
        authenticator = HMACSHA256(key: secret)
    }

    /// The hash of `key` under this pepper.
    func hash(_ key: String) -> APIKeyHash {
        var authenticator = authenticator
        authenticator.update(key.utf8)
        return APIKeyHash(algorithm: .hmacSHA256(pepperVersion: version), digest: authenticator.finalize().description)
    }
}

/// How a key is stored: the algorithm and the digest in hexadecimal. Never the key.
public struct APIKeyHash: Sendable, Hashable, Codable {
    /// How the digest was computed.
    public enum Algorithm: Sendable, Hashable, Codable {
        /// HMAC-SHA256 under the pepper of this version.
        case hmacSHA256(pepperVersion: Int)
        /// A plain SHA-256 imported from another system; rehashed with the pepper on first use.
        case sha256
    }

    /// How the digest was computed.
    public var algorithm: Algorithm
    /// The digest, lowercase hexadecimal.
    public var digest: String

    /// Creates a hash.
    public init(algorithm: Algorithm, digest: String) {
        self.algorithm = algorithm
        self.digest = digest
    }
}
