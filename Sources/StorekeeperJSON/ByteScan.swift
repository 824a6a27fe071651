/// Word-at-a-time scans over UTF-8 bytes for the bytes that end a plain run of string text.
///
/// Eight bytes are tested at once with the classic SWAR bit tricks. Each mask below flags a byte
/// with its high bit; flags can be wrong only above a correctly flagged byte (a borrow moves up),
/// so the lowest flag is always exact and `trailingZeroBitCount` locates it without a byte loop.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Flags the zero bytes of `word`.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// Flags the bytes a JSON string must escape: `"`, `\` and those below 0x20; with
    /// `nonASCII`, also those of 0x80 and above.
    @inline(__always)
    private static func specialBytes(_ word: UInt64, nonASCII: Bool) -> UInt64 {
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs
        let quote = zeroBytes(word ^ 0x2222_2222_2222_2222)
        let backslash = zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        return control | quote | backslash | (nonASCII ? word & highs : 0)
    }

    /// The index of the first special byte at or after `start`, or `bytes.count` if there is none.
    @inline(__always)
    private static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, nonASCII: Bool) -> Int {
        guard start < bytes.count else { return bytes.count }
        guard let base = UnsafeRawPointer(bytes.baseAddress), bytes.count >= 8 else {
            // Fewer than eight bytes in all: look at them one by one.
            for index in start..<bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || (nonASCII && byte >= 0x80) { return index }
            }
            return bytes.count
        }
        var index = start
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let flags = specialBytes(word, nonASCII: nonASCII)
            if flags != 0 { return index + flags.trailingZeroBitCount >> 3 }
            index += 8
        }
        guard index < bytes.count else { return bytes.count }
        // The tail: reread the last eight bytes and ignore those already scanned.
        let tailStart = bytes.count - 8
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: tailStart, as: UInt64.self))
        let scanned = UInt64.max >> (64 - 8 * (index - tailStart))
        let flags = specialBytes(word, nonASCII: nonASCII) & ~scanned
        return flags != 0 ? tailStart + flags.trailingZeroBitCount >> 3 : bytes.count
    }

    /// The index of the first `"`, `\` or control byte at or after `start`, or `nil`.
    static func firstEscapeNeeded(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let index = firstSpecial(in: bytes, from: start, nonASCII: false)
        return index < bytes.count ? index : nil
    }

    /// The index of the first `"`, `\`, control byte or non-ASCII byte at or after `start`, or
    /// `bytes.count` when there is none. The parser's plain-string fast path stops there.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        firstSpecial(in: bytes, from: start, nonASCII: true)
    }
}
