/// Base62 text (`0-9`, `A-Z`, `a-z`): the characters of API keys, safe in URLs, headers and
/// double-click selection.
@_spi(StorekeeperInternal)
public enum Base62 {
    /// The 62 characters, in value order.
    public static let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

    private static let digits: [UInt8] = Array(alphabet.utf8)

    /// `length` characters drawn uniformly from the alphabet with ``SecureRandom``.
    ///
    /// Random bytes of 248 or more are discarded, so every character has probability exactly 1/62
    /// (no modulo bias); each character carries log2(62) ≈ 5.95 bits.
    public static func randomString(length: Int) -> String {
        var characters: [UInt8] = []
        characters.reserveCapacity(max(length, 0))
        while characters.count < length {
            for byte in SecureRandom.bytes(count: length - characters.count + 8) where byte < 248 {
                characters.append(digits[Int(byte % 62)])
                if characters.count == length { break }
            }
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// `value` in base62, most significant digit first, left-padded with `0` to `width`
    /// characters (more if the value needs them). A CRC32 always fits 6.
    public static func encode(_ value: UInt32, width: Int) -> String {
        var remaining = value
        var characters: [UInt8] = []
        repeat {
            characters.append(digits[Int(remaining % 62)])
            remaining /= 62
        } while remaining > 0
        while characters.count < width { characters.append(UInt8(ascii: "0")) }
        return String(decoding: characters.reversed(), as: UTF8.self)
    }

    /// The value of base62 text, or `nil` for an empty text, a character outside the alphabet,
    /// or a value above `UInt32.max`.
    public static func decodeUInt32(_ text: some StringProtocol) -> UInt32? {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in text.utf8 {
            guard let digit = self.value(of: byte) else { return nil }
            value = value * 62 + UInt64(digit)
            guard value <= UInt64(UInt32.max) else { return nil }
        }
        return UInt32(value)
    }

    /// Whether `byte` is a base62 character.
    @inlinable
    public static func isBase62(_ byte: UInt8) -> Bool {
        value(of: byte) != nil
    }

    /// Whether every byte is a base62 character, checked without a branch per byte (the compiler
    /// turns the loop into vector compares).
    public static func isBase62(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var outside: UInt8 = 0
        for byte in bytes {
            let digit: UInt8 = byte &- UInt8(ascii: "0") < 10 ? 1 : 0
            let upper: UInt8 = byte &- UInt8(ascii: "A") < 26 ? 1 : 0
            let lower: UInt8 = byte &- UInt8(ascii: "a") < 26 ? 1 : 0
            outside |= (digit | upper | lower) ^ 1
        }
        return outside == 0
    }

    /// The value of a base62 character, or `nil`.
    @inlinable
    public static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 36
        default: nil
        }
    }
}
