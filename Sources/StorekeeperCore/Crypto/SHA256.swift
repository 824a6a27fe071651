import CStorekeeperSHA

/// SHA-256 (FIPS 180-4), incremental and one-shot: with the processor's SHA instructions where
/// it has them (x86 SHA extensions), in portable Swift everywhere else.
///
/// ```swift
/// let digest = SHA256.hash(Array("abc".utf8))
/// var hasher = SHA256()
/// hasher.update(part1)
/// hasher.update(part2)
/// let same = hasher.finalize()
/// ```
///
/// The state and the partial block live inline; hashing contiguous bytes allocates nothing.
@_spi(StorekeeperInternal)
public struct SHA256: Sendable {
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private static let initialState: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )

    private var state: State
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var blockCount = 0
    /// Whether blocks go to the processor's SHA instructions.
    private let usesHardware: Bool
    private var totalBytes: UInt64 = 0

    /// Creates a hasher with the standard initial state.
    public init() {
        self.init(hardwareIfAvailable: true)
    }

    /// Creates a hasher that uses the processor's SHA instructions only if `hardwareIfAvailable`
    /// and the processor has them; `false` runs the portable Swift code everywhere (the tests
    /// compare the two).
    package init(hardwareIfAvailable: Bool) {
        state = Self.initialState
        usesHardware = hardwareIfAvailable && Self.hasHardwareSupport
    }

    /// Feeds bytes to the hash.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        totalBytes &+= UInt64(remaining)
        if blockCount > 0 {
            let take = min(64 - blockCount, remaining)
            withUnsafeMutableBytes(of: &block) { target in
                UnsafeMutableRawBufferPointer(rebasing: target[blockCount..<blockCount + take])
                    .copyMemory(from: UnsafeRawBufferPointer(start: source, count: take))
            }
            blockCount += take
            source += take
            remaining -= take
            guard blockCount == 64 else { return }
            let full = block
            withUnsafeBytes(of: full) { bytes in
                if let base = bytes.baseAddress { compress(blocks: base, count: 1) }
            }
            blockCount = 0
        }
        let wholeBlocks = remaining / 64
        if wholeBlocks > 0 {
            compress(blocks: source, count: wholeBlocks)
            source += wholeBlocks * 64
            remaining -= wholeBlocks * 64
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &block) { target in
                UnsafeMutableRawBufferPointer(rebasing: target[0..<remaining])
                    .copyMemory(from: UnsafeRawBufferPointer(start: source, count: remaining))
            }
            blockCount = remaining
        }
    }

    /// Feeds bytes to the hash; contiguous collections are read in place.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Pads the message and returns the digest.
    public consuming func finalize() -> SHA256Digest {
        let bitLength = totalBytes &* 8
        var padding: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0, 0, 0, 0, 0, 0, 0, 0, 0
        )
        let paddingCount = blockCount < 56 ? 56 - blockCount : 120 - blockCount
        withUnsafeMutableBytes(of: &padding) { bytes in
            bytes[0] = 0x80
            bytes.storeBytes(of: bitLength.bigEndian, toByteOffset: paddingCount, as: UInt64.self)
            update(UnsafeRawBufferPointer(rebasing: bytes[0..<paddingCount + 8]))
        }
        return SHA256Digest(stateWords: state)
    }

    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: some Sequence<UInt8>) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    // MARK: Compression

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x >> n) | (x << (32 &- n))
    }

    /// One round. Callers rotate the roles of the eight working variables instead of moving
    /// their values, eight rounds to a cycle.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ kw: UInt32
    ) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let choice = g ^ (e & (f ^ g))
        let temp1 = h &+ s1 &+ choice &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let majority = ((a ^ b) & (b ^ c)) ^ b
        d &+= temp1
        h = temp1 &+ s0 &+ majority
    }

    /// Whether this processor has the SHA extensions, checked once.
    package static let hasHardwareSupport = storekeeper_sha256_hardware_available() != 0

    /// Runs the compression function over `count` consecutive 64-byte blocks: with the
    /// processor's SHA instructions where it has them, otherwise in portable Swift.
    private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        if usesHardware {
            withUnsafeMutableBytes(of: &state) { words in
                storekeeper_sha256_compress_hardware(
                    words.baseAddress?.assumingMemoryBound(to: UInt32.self), blocks.assumingMemoryBound(to: UInt8.self),
                    count)
            }
        } else {
            Self.compressPortably(&state, blocks: blocks, count: count)
        }
    }

    /// The compression function in portable Swift.
    private static func compressPortably(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
        roundConstants.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var (h0, h1, h2, h3, h4, h5, h6, h7) = state
                for blockIndex in 0..<count {
                    let base = blocks + blockIndex * 64
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15]
                        let y = w[t - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    var a = h0
                    var b = h1
                    var c = h2
                    var d = h3
                    var e = h4
                    var f = h5
                    var g = h6
                    var h = h7
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t + 1] &+ w[t + 1])
                        round(g, h, a, &b, c, d, e, &f, k[t + 2] &+ w[t + 2])
                        round(f, g, h, &a, b, c, d, &e, k[t + 3] &+ w[t + 3])
                        round(e, f, g, &h, a, b, c, &d, k[t + 4] &+ w[t + 4])
                        round(d, e, f, &g, h, a, b, &c, k[t + 5] &+ w[t + 5])
                        round(c, d, e, &f, g, h, a, &b, k[t + 6] &+ w[t + 6])
                        round(b, c, d, &e, f, g, h, &a, k[t + 7] &+ w[t + 7])
                        t += 8
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                }
                state = (h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }
}
