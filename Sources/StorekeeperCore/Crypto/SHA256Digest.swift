/// A SHA-256 or HMAC-SHA256 output: 32 bytes held inline, so digests are cheap to keep, compare
/// and use as dictionary keys.
///
/// Compare digests that authenticate something with ``ConstantTime/equals(_:_:)-(SHA256Digest,SHA256Digest)``,
/// never with `==`, which may stop at the first difference.
@_spi(StorekeeperInternal)
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes in a digest.
    public static let byteCount = 32

    // The bytes in order, eight to a word, in memory order.
    var storage: (UInt64, UInt64, UInt64, UInt64)

    /// Creates a digest from exactly 32 bytes, or `nil` for any other count.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { target in
            for (index, byte) in bytes.enumerated() { target[index] = byte }
        }
    }

    /// Creates a digest from the eight big-endian state words of SHA-256.
    init(stateWords words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
        storage = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { target in
            target.storeBytes(of: words.0.bigEndian, toByteOffset: 0, as: UInt32.self)
            target.storeBytes(of: words.1.bigEndian, toByteOffset: 4, as: UInt32.self)
            target.storeBytes(of: words.2.bigEndian, toByteOffset: 8, as: UInt32.self)
            target.storeBytes(of: words.3.bigEndian, toByteOffset: 12, as: UInt32.self)
            target.storeBytes(of: words.4.bigEndian, toByteOffset: 16, as: UInt32.self)
            target.storeBytes(of: words.5.bigEndian, toByteOffset: 20, as: UInt32.self)
            target.storeBytes(of: words.6.bigEndian, toByteOffset: 24, as: UInt32.self)
            target.storeBytes(of: words.7.bigEndian, toByteOffset: 28, as: UInt32.self)
        }
    }

    /// The 32 bytes, in order.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Calls `body` with the 32 bytes, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy, body)
    }

    /// The digest in lowercase hexadecimal.
    public var description: String {
        Hex.encode(bytes)
    }

    /// Whether two digests are the same bytes. Not constant-time: use `ConstantTime.equals` for secrets.
    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.storage.0 == rhs.storage.0 && lhs.storage.1 == rhs.storage.1 && lhs.storage.2 == rhs.storage.2
            && lhs.storage.3 == rhs.storage.3
    }

    /// Hashes the digest's bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
        hasher.combine(storage.3)
    }
}
