/// Comparisons of secrets whose running time does not depend on where the bytes differ.
///
/// An attacker who can time `==` on a secret learns how many leading bytes they guessed right.
/// These functions look at every byte whatever they find; their time depends only on the lengths.
@_spi(StorekeeperInternal)
public enum ConstantTime {
    /// Whether the two byte sequences are equal: same length and same bytes.
    ///
    /// - Complexity: O(max(*m*, *n*)), always.
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        let contiguous = lhs.withContiguousStorageIfAvailable { left in
            rhs.withContiguousStorageIfAvailable { right in equals(left, right) }
        }
        if let contiguous, let result = contiguous { return result }
        return Array(lhs).withUnsafeBufferPointer { left in
            Array(rhs).withUnsafeBufferPointer { right in equals(left, right) }
        }
    }

    /// Whether two byte buffers are equal, in time that depends only on their lengths.
    private static func equals(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        var difference = UInt64(truncatingIfNeeded: left.count ^ right.count)
        let length = max(left.count, right.count)
        for index in 0..<length {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= UInt64(a ^ b)
        }
        return difference == 0
    }

    /// Whether two digests are equal, in constant time.
    public static func equals(_ lhs: SHA256Digest, _ rhs: SHA256Digest) -> Bool {
        let difference =
            (lhs.storage.0 ^ rhs.storage.0) | (lhs.storage.1 ^ rhs.storage.1) | (lhs.storage.2 ^ rhs.storage.2)
            | (lhs.storage.3 ^ rhs.storage.3)
        return difference == 0
    }
}
