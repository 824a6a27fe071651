@_spi(StorekeeperInternal) import StorekeeperCore

/// The shape of Storekeeper keys: `<prefix>_<22 random base62 characters><6-character checksum>`.
///
/// The random part carries 131 bits from the system's secure generator. The checksum is the
/// CRC32 of everything before it, in base62, as in GitHub's tokens: scanners can spot leaked keys
/// and servers reject typos and fakes without a store lookup.
public struct APIKeyFormat: Sendable, Hashable {
    /// The number of random base62 characters.
    public static let randomLength = 22
    /// The number of checksum characters.
    public static let checksumLength = 6

    /// The prefixes this host issues, such as `sk_live` and `sk_test`.
    public let prefixes: Set<String>
    /// Each prefix as bytes, with the checksum state after it and its underscore.
    private let knownPrefixes: [KnownPrefix]

    /// A prefix's bytes, for comparing with presented keys in place, and the CRC32 of the prefix
    /// and its underscore, so a check folds in only the random characters.
    private struct KnownPrefix: Sendable {
        let bytes: [UInt8]
        let checksumAfterPrefix: CRC32

        /// Whether `presented` is this prefix, byte for byte.
        func matches(_ presented: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count == presented.count else { return false }
            return bytes.withUnsafeBufferPointer { bytes in
                var difference: UInt8 = 0
                for index in 0..<bytes.count { difference |= bytes[index] ^ presented[index] }
                return difference == 0
            }
        }
    }

    /// Creates a format.
    ///
    /// - Parameter prefixes: Letters, digits and underscores, 2 to 32 characters each.
    /// - Throws: ``APIKeyError`` for an empty set or a malformed prefix.
    public init(prefixes: Set<String>) throws(APIKeyError) {
        guard !prefixes.isEmpty else {
            throw APIKeyError(code: .invalidArgument, message: "At least one key prefix is needed.")
        }
        for prefix in prefixes {
            guard (2...32).contains(prefix.utf8.count),
                prefix.utf8.allSatisfy({ Base62.isBase62($0) || $0 == UInt8(ascii: "_") })
            else {
                throw APIKeyError(
                    code: .invalidArgument, message: "A key prefix must be 2 to 32 letters, digits or underscores.")
            }
        }
        self.prefixes = prefixes
        knownPrefixes = prefixes.map { prefix in
            var checksum = CRC32()
            checksum.update((prefix + "_").utf8)
            return KnownPrefix(bytes: Array(prefix.utf8), checksumAfterPrefix: checksum)
        }
    }

    /// A new key with `prefix`: the plaintext, shown once.
    func generate(prefix: String) -> String {
        let body = prefix + "_" + Base62.randomString(length: Self.randomLength)
        return body + Base62.encode(CRC32.checksum(body.utf8), width: Self.checksumLength)
    }

    /// Whether `text` is a key of this format with a valid checksum.
    ///
    /// - Complexity: O(*n*) in the length of `text`, with no allocation and no store access.
    public func isWellFormed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let tail = Self.randomLength + Self.checksumLength
            guard bytes.count > tail + 1 else { return false }
            let prefixEnd = bytes.count - tail - 1
            guard bytes[prefixEnd] == UInt8(ascii: "_") else { return false }
            let presentedPrefix = UnsafeBufferPointer(rebasing: bytes[..<prefixEnd])
            guard let known = knownPrefixes.first(where: { $0.matches(presentedPrefix) }) else { return false }
            guard Base62.isBase62(UnsafeBufferPointer(rebasing: bytes[(prefixEnd + 1)...])) else { return false }
            let checksumStart = bytes.count - Self.checksumLength
            var presentedChecksum: UInt64 = 0
            for index in checksumStart..<bytes.count {
                presentedChecksum = presentedChecksum * 62 + UInt64(Base62.value(of: bytes[index]) ?? 0)
            }
            var checksum = known.checksumAfterPrefix
            checksum.update(UnsafeBufferPointer(rebasing: bytes[(prefixEnd + 1)..<checksumStart]))
            return presentedChecksum == UInt64(checksum.value)
        }
    }

    /// Whether two formats accept the same prefixes.
    public static func == (lhs: APIKeyFormat, rhs: APIKeyFormat) -> Bool {
        lhs.prefixes == rhs.prefixes
    }

    /// Hashes the prefixes, the format's whole identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(prefixes)
    }

    /// The display start of a key: its prefix, the underscore and four random characters.
    static func start(of key: String) -> String {
        let tail = randomLength + checksumLength
        let keep = max(0, key.utf8.count - tail + 4)
        return String(key.prefix(keep))
    }
}
