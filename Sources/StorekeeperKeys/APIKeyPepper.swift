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

    /// The hash of `key` under this pepper. Never inlined: its hashing state stays on the thread's
    /// stack instead of growing the asynchronous frames that call it.
    @inline(never)
    func hash(_ key: String) -> APIKeyHash {
        var authenticator = authenticator
        authenticator.update(key.utf8)
        return APIKeyHash(algorithm: .hmacSHA256(pepperVersion: version), value: authenticator.finalize())
    }
}

/// How a key is stored: the algorithm and the 32-byte digest. Never the key.
///
/// The digest is held inline as bytes, so hashing, comparing and looking up a key allocate
/// nothing. Store it as 32 bytes (``digestBytes``, a `bytea`) or as 64 hexadecimal characters
/// (``digest``, a `char(64)`); it encodes with `Codable` as `{"algorithm": ..., "digest": "<hex>"}`.
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
    /// The digest's 32 bytes.
    let value: SHA256Digest

    /// Creates a hash from its 64-character hexadecimal digest (either case), or `nil` when
    /// `digest` is not 64 hexadecimal characters.
    public init?(algorithm: Algorithm, digest: String) {
        guard digest.utf8.count == 2 * SHA256Digest.byteCount, let bytes = Hex.decode(digest) else { return nil }
        self.init(algorithm: algorithm, digestBytes: bytes)
    }

    /// Creates a hash from its 32 digest bytes, or `nil` for any other count.
    public init?(algorithm: Algorithm, digestBytes: some Collection<UInt8>) {
        guard let value = SHA256Digest(bytes: digestBytes) else { return nil }
        self.init(algorithm: algorithm, value: value)
    }

    init(algorithm: Algorithm, value: SHA256Digest) {
        self.algorithm = algorithm
        self.value = value
    }

    /// The digest, 64 lowercase hexadecimal characters.
    public var digest: String { value.description }

    /// The digest's 32 bytes.
    public var digestBytes: [UInt8] { value.bytes }

    /// Whether `other` has the same digest, compared in constant time (the algorithm is public
    /// and compared as usual).
    public func matches(_ other: APIKeyHash) -> Bool {
        ConstantTime.equals(value, other.value) && algorithm == other.algorithm
    }

    private enum CodingKeys: String, CodingKey {
        case algorithm
        case digest
    }

    /// Decodes `{"algorithm": ..., "digest": "<64 hexadecimal characters>"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let algorithm = try container.decode(Algorithm.self, forKey: .algorithm)
        let digest = try container.decode(String.self, forKey: .digest)
        guard let hash = APIKeyHash(algorithm: algorithm, digest: digest) else {
            throw DecodingError.dataCorruptedError(
                forKey: .digest, in: container, debugDescription: "A key digest is 64 hexadecimal characters.")
        }
        self = hash
    }

    /// Encodes `{"algorithm": ..., "digest": "<64 lowercase hexadecimal characters>"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(algorithm, forKey: .algorithm)
        try container.encode(digest, forKey: .digest)
    }
}
