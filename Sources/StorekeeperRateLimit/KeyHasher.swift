/// SipHash-1-3 of a key's UTF-8 bytes under a store's own random 128-bit seed: the function
/// Swift's `Hasher` uses, applied directly to the bytes.
///
/// `String.hashValue` spends much of its time in `Hasher`'s general machinery (Unicode
/// normalisation checks, buffering, a terminator byte): for a nine-byte key it takes about 290
/// instructions, this about 150. SipHash's resistance to keys crafted to collide is kept (the
/// seed never leaves the store). The store compares keys by the same bytes (``KeyBytes``), so
/// hash and equality agree.
struct KeyHasher: Sendable {
    private let k0: UInt64
    private let k1: UInt64

    /// A hasher with a seed from the system's secure random source.
    init() {
        var generator = SystemRandomNumberGenerator()
        k0 = generator.next()
        k1 = generator.next()
    }

    /// The hash of `key`'s UTF-8 bytes.
    @inline(__always)
    func hash(_ key: String) -> UInt64 {
        KeyBytes.withUTF8(of: key) { hash(bytes: $0) }
    }

    /// SipHash-1-3 of `bytes`: one compression round per eight bytes, three finalisation rounds.
    @inline(__always)
    func hash(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = SipState(
            v0: k0 ^ 0x736f_6d65_7073_6575, v1: k1 ^ 0x646f_7261_6e64_6f6d,
            v2: k0 ^ 0x6c79_6765_6e65_7261, v3: k1 ^ 0x7465_6462_7974_6573)
        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            state.compress(Self.word(bytes, at: offset))
            offset += 8
        }
        let last = UInt64(truncatingIfNeeded: count) << 56 | Self.tail(bytes, from: offset)
        state.compress(last)
        state.v2 ^= 0xff
        state.round()
        state.round()
        state.round()
        return state.v0 ^ state.v1 ^ state.v2 ^ state.v3
    }

    /// The eight bytes at `offset`, little-endian.
    private static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes from `offset` to the end (fewer than eight), little-endian, with at most two
    /// loads and no loop: overlapping loads for four or more, three single bytes for fewer.
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        let remaining = bytes.count - offset
        if remaining == 0 { return 0 }
        if bytes.count >= 8 {
            // The last eight bytes, of which the first `8 - remaining` were already absorbed.
            return word(bytes, at: bytes.count - 8) >> UInt64(truncatingIfNeeded: (8 - remaining) * 8)
        }
        if remaining >= 4 {
            let low = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: remaining - 4, as: UInt32.self)))
            return low | high << UInt64(truncatingIfNeeded: (remaining - 4) * 8)
        }
        let middle = remaining / 2
        return UInt64(bytes[0]) | UInt64(bytes[middle]) << UInt64(truncatingIfNeeded: middle * 8)
            | UInt64(bytes[remaining - 1]) << UInt64(truncatingIfNeeded: (remaining - 1) * 8)
    }
}

/// SipHash's four words of internal state.
private struct SipState {
    var v0: UInt64
    var v1: UInt64
    var v2: UInt64
    var v3: UInt64

    /// Absorbs one eight-byte message word with one round.
    @inline(__always)
    mutating func compress(_ message: UInt64) {
        v3 ^= message
        round()
        v0 ^= message
    }

    /// One SipRound.
    @inline(__always)
    mutating func round() {
        v0 &+= v1
        v1 = v1.rotatedLeft(by: 13)
        v1 ^= v0
        v0 = v0.rotatedLeft(by: 32)
        v2 &+= v3
        v3 = v3.rotatedLeft(by: 16)
        v3 ^= v2
        v0 &+= v3
        v3 = v3.rotatedLeft(by: 21)
        v3 ^= v0
        v2 &+= v1
        v1 = v1.rotatedLeft(by: 17)
        v1 ^= v2
        v2 = v2.rotatedLeft(by: 32)
    }
}

extension UInt64 {
    /// The bits rotated left by `count` (in 1...63): one rotate instruction.
    @inline(__always)
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self &<< count) | (self &>> (64 &- count))
    }
}
