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
    /// The prefixes' bytes, for comparing with presented keys in place.
    private let prefixBytes: [[UInt8]]

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
        prefixBytes = prefixes.map { Array($0.utf8) }
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
            for index in (prefixEnd + 1)..<bytes.count where !Base62.isBase62(bytes[index]) { return false }
            let checksumStart = bytes.count - Self.checksumLength
            var checksum: UInt64 = 0
            for index in checksumStart..<bytes.count {
                checksum = checksum * 62 + UInt64(Base62.value(of: bytes[index]) ?? 0)
            }
            guard checksum <= UInt64(UInt32.max),
                CRC32.checksum(UnsafeBufferPointer(rebasing: bytes[..<checksumStart])) == UInt32(checksum)
            else { return false }
            let presentedPrefix = UnsafeBufferPointer(rebasing: bytes[..<prefixEnd])
            return prefixBytes.contains { $0.count == prefixEnd && $0.elementsEqual(presentedPrefix) }
        }
    }

    /// The display start of a key: its prefix, the underscore and four random characters.
    static func start(of key: String) -> String {
        let tail = randomLength + checksumLength
        let keep = max(0, key.utf8.count - tail + 4)
        return String(key.prefix(keep))
    }
}
