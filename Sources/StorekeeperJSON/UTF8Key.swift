/// A string compared and hashed by its UTF-8 bytes, the way JSON compares member names.
///
/// Swift's `String` equality is canonical equivalence (`"\u{E9}" == "e\u{301}"`); JSON's is
/// code-unit equality. Object keys and string values use this wrapper wherever they are compared.
package struct UTF8Key: Hashable {
    package let string: String

    package init(_ string: String) {
        self.string = string
    }

    package static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        bytesEqual(lhs.string, rhs.string)
    }

    /// Whether two strings have the same UTF-8 bytes.
    package static func bytesEqual(_ lhs: String, _ rhs: String) -> Bool {
        // The same representation is the same text: a name looked up with the very string (or
        // the same small-string bits) it was stored with needs no byte comparison.
        if sameRepresentation(lhs, rhs) { return true }
        let count = lhs.utf8.count
        guard count == rhs.utf8.count else { return false }
        if let equal = lhs.utf8.withContiguousStorageIfAvailable({ a in
            rhs.utf8.withContiguousStorageIfAvailable { b in bytesEqual(a, b) }
        }), let equal {
            return equal
        }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether two strings are the very same representation: the same small-string bits or the
    /// same storage, which proves the same text without reading it. `false` says nothing. (Only
    /// where a String is two words; elsewhere, such as arm64_32, always `false`.)
    @inlinable
    package static func sameRepresentation(_ lhs: String, _ rhs: String) -> Bool {
        MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size
            && unsafeBitCast(lhs, to: (UInt64, UInt64).self) == unsafeBitCast(rhs, to: (UInt64, UInt64).self)
    }

    /// A name's first seven bytes with its length (capped at 255) in the top byte.
    ///
    /// Equal names have equal fingerprints; names of at most seven bytes have equal fingerprints
    /// only if they are equal (``fingerprintIsExact(_:)``), so lookups compare integers first and
    /// bytes only for longer names that match.
    package static func fingerprint(of string: String) -> UInt64 {
        if let fingerprint = string.utf8.withContiguousStorageIfAvailable({ fingerprint(of: $0) }) {
            return fingerprint
        }
        var copy = string
        return copy.withUTF8 { fingerprint(of: $0) }
    }

    /// ``fingerprint(of:)-(String)`` of a name's UTF-8 bytes.
    package static func fingerprint(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        if let base = UnsafeRawPointer(utf8.baseAddress), utf8.count >= 4 {
            if utf8.count >= 8 {
                prefix = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)) & 0x00FF_FFFF_FFFF_FFFF
            } else {
                // Four to seven bytes: the first four and the last four, overlapping.
                let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
                let high = UInt64(
                    UInt32(littleEndian: base.loadUnaligned(fromByteOffset: utf8.count - 4, as: UInt32.self)))
                prefix = low | high << UInt64(8 * (utf8.count - 4))
            }
        } else {
            for offset in 0..<utf8.count {
                prefix |= UInt64(utf8[offset]) << UInt64(8 * offset)
            }
        }
        return prefix | UInt64(min(utf8.count, 255)) << 56
    }

    /// A name's bytes from the eighth to the fifteenth (fewer when it is shorter), the first in
    /// the low byte: with equal fingerprints, equal tails prove names of at most fifteen bytes
    /// equal (``tailIsExact(_:)``), so matching them compares no bytes.
    @inlinable
    package static func tail(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = utf8.count
        guard count > 7 else { return 0 }
        if let base = UnsafeRawPointer(utf8.baseAddress) {
            if count >= 15 {
                return UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 7, as: UInt64.self))
            }
            // Eight to fourteen bytes: the last eight, shifted down to start at the eighth.
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return word >> UInt64(8 * (15 - count))
        }
        return 0
    }

    /// ``tail(of:)-(UnsafeBufferPointer<UInt8>)`` of a string's UTF-8 bytes.
    package static func tail(of string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { tail(of: $0) }
    }

    /// Whether equal fingerprints and equal tails prove equal names: true for names of at most
    /// fifteen bytes.
    @inlinable
    package static func tailIsExact(_ fingerprint: UInt64) -> Bool {
        fingerprint >> 56 <= 15
    }

    /// Whether equal fingerprints prove equal names: true for names of at most seven bytes.
    @inlinable
    package static func fingerprintIsExact(_ fingerprint: UInt64) -> Bool {
        fingerprint >> 56 <= 7
    }

    /// Whether two buffers of the same length hold the same bytes, compared a word at a time.
    package static func bytesEqual(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let a = UnsafeRawPointer(lhs.baseAddress), let b = UnsafeRawPointer(rhs.baseAddress) else {
            return true  // both empty
        }
        var offset = 0
        while offset + 8 <= lhs.count {
            if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < lhs.count {
            if lhs[offset] != rhs[offset] { return false }
            offset += 1
        }
        return true
    }

    package func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
