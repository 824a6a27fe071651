/// Counting a string's Unicode scalars from its UTF-8 bytes, for length constraints.
enum ScalarCount {
    /// The number of Unicode scalars in `text`, the length JSON Schema constrains.
    ///
    /// Every scalar has exactly one UTF-8 byte that is not a continuation byte (`10xxxxxx`), and a
    /// `String` is always valid UTF-8, so the bytes are counted eight at a time instead of the
    /// scalars being decoded one by one.
    static func of(_ text: String) -> Int {
        text.utf8.withContiguousStorageIfAvailable { of(utf8: $0) } ?? text.unicodeScalars.count
    }

    /// The number of Unicode scalars in valid UTF-8 `bytes`.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        var offset = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while offset + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // A byte's bit 7 set and bit 6 clear; shifting moves each bit 6 to its own bit 7.
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                offset += 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 == 0x80 { continuations += 1 }
            offset += 1
        }
        return bytes.count - continuations
    }
}
