/// HMAC-SHA256 (RFC 2104, tested against RFC 4231), incremental and one-shot.
///
/// Keys longer than the 64-byte block are hashed first, as the RFC requires. The keyed inner and
/// outer states are computed once in `init`, so a signer that keeps its `HMACSHA256` value and
/// copies it per message pays for the key only once.
///
/// ```swift
/// let tag = HMACSHA256.authenticationCode(for: message, key: secret)
/// ```
@_spi(StorekeeperInternal)
public struct HMACSHA256: Sendable {
    private var inner: SHA256
    private var outer: SHA256

    /// Creates an authenticator keyed with `key`.
    public init(key: some Sequence<UInt8>) {
        var keyBlock = [UInt8](repeating: 0, count: 64)
        let keyBytes = Array(key)
        if keyBytes.count > 64 {
            SHA256.hash(keyBytes).withUnsafeBytes { digest in
                for index in 0..<digest.count { keyBlock[index] = digest[index] }
            }
        } else {
            for index in keyBytes.indices { keyBlock[index] = keyBytes[index] }
        }
        inner = SHA256()
        outer = SHA256()
        inner.update(keyBlock.map { $0 ^ 0x36 })
        outer.update(keyBlock.map { $0 ^ 0x5C })
    }

    /// Feeds message bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        inner.update(bytes)
    }

    /// Feeds message bytes; contiguous collections are read in place.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        inner.update(bytes)
    }

    /// Returns the authentication code of everything fed so far.
    public consuming func finalize() -> SHA256Digest {
        let innerDigest = inner.finalize()
        var outer = outer
        innerDigest.withUnsafeBytes { outer.update($0) }
        return outer.finalize()
    }

    /// The HMAC-SHA256 of `message` under `key`.
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> SHA256Digest
    {
        var authenticator = HMACSHA256(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }
}
