/// CRC-32 as IEEE 802.3 defines it (reflected polynomial 0xEDB88320), as used by zip, PNG and
/// GitHub's token checksums.
@_spi(StorekeeperInternal)
public struct CRC32: Sendable {
    /// Eight 256-entry tables, one after the other: table 0 is the classic byte-at-a-time table,
    /// table `k` advances a byte through `k` more zero bytes, so eight bytes fold in at once
    /// ("slicing by 8").
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
            }
            tables[index] = value
        }
        for slice in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(slice - 1) * 256 + index]
                tables[slice * 256 + index] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    private var register: UInt32 = 0xFFFF_FFFF

    /// Creates a checksum of nothing yet.
    public init() {}

    /// Feeds bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let register = self.register
        let contiguous = bytes.withContiguousStorageIfAvailable { Self.fold($0, into: register) }
        if let contiguous {
            self.register = contiguous
        } else {
            self.register = Array(bytes).withUnsafeBufferPointer { Self.fold($0, into: register) }
        }
    }

    /// Feeds contiguous bytes, without generic dispatch.
    public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        register = Self.fold(bytes, into: register)
    }

    /// The checksum of everything fed so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// The checksum of contiguous bytes, without generic dispatch per byte.
    public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        fold(bytes, into: 0xFFFF_FFFF) ^ 0xFFFF_FFFF
    }

    /// Folds `bytes` into a register, eight bytes at a time and then byte by byte.
    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>, into start: UInt32) -> UInt32 {
        guard let base = bytes.baseAddress else { return start }
        return tables.withUnsafeBufferPointer { table in
            var register = start
            var offset = 0
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let low = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ register
                let high = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                register =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                offset += 8
            }
            // Checksummed key text rarely ends on a multiple of eight: one four-byte step
            // shortens the byte-by-byte chain that remains.
            if offset + 4 <= bytes.count {
                let word = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) ^ register
                register =
                    table[3 * 256 + Int(word & 0xFF)] ^ table[2 * 256 + Int((word >> 8) & 0xFF)]
                    ^ table[256 + Int((word >> 16) & 0xFF)] ^ table[Int(word >> 24)]
                offset += 4
            }
            while offset < bytes.count {
                register = table[Int((register ^ UInt32(bytes[offset])) & 0xFF)] ^ (register >> 8)
                offset += 1
            }
            return register
        }
    }

    /// The checksum of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
