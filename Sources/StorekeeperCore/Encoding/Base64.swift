/// Base64 (RFC 4648) in the standard and URL-safe alphabets.
@_spi(StorekeeperInternal)
public enum Base64 {
    /// Which 64 characters to use.
    public enum Alphabet: Sendable {
        /// `A-Z a-z 0-9 + /` (RFC 4648 section 4).
        case standard
        /// `A-Z a-z 0-9 - _` (RFC 4648 section 5), for URLs and file names.
        case url

        var characters: [UInt8] {
            switch self {
            case .standard: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            case .url: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
            }
        }
    }

    /// The base64 text of `bytes`, with `=` padding unless `padding` is false.
    public static func encode(
        _ bytes: some Sequence<UInt8>, alphabet: Alphabet = .standard, padding: Bool = true
    ) -> String {
        let table = alphabet.characters
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= input.count {
            let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output.append(table[Int(chunk >> 18 & 63)])
            output.append(table[Int(chunk >> 12 & 63)])
            output.append(table[Int(chunk >> 6 & 63)])
            output.append(table[Int(chunk & 63)])
            index += 3
        }
        let rest = input.count - index
        if rest > 0 {
            let chunk = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
            output.append(table[Int(chunk >> 18 & 63)])
            output.append(table[Int(chunk >> 12 & 63)])
            if rest == 2 { output.append(table[Int(chunk >> 6 & 63)]) }
            if padding { output.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 3 - rest)) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of base64 text, or `nil` when it is not canonical base64 in `alphabet`.
    ///
    /// `.standard` requires `=` padding to a multiple of four characters; `.url` accepts text
    /// with or without padding. Either way the unused low bits of the last character must be
    /// zero, so each byte string has exactly one accepted encoding.
    public static func decode(_ text: some StringProtocol, alphabet: Alphabet = .standard) -> [UInt8]? {
        var characters = Array(text.utf8)
        var padCount = 0
        while characters.last == UInt8(ascii: "="), padCount < 2 {
            characters.removeLast()
            padCount += 1
        }
        if padCount > 0 || alphabet == .standard {
            guard (characters.count + padCount) % 4 == 0 else { return nil }
        }
        guard characters.count % 4 != 1 else { return nil }
        if padCount > 0 {
            guard (4 - characters.count % 4) % 4 == padCount else { return nil }
        }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for character in characters {
            guard let value = value(of: character, alphabet: alphabet) else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero for the encoding to be canonical.
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return output
    }

    private static func value(of character: UInt8, alphabet: Alphabet) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+") where alphabet == .standard, UInt8(ascii: "-") where alphabet == .url: return 62
        case UInt8(ascii: "/") where alphabet == .standard, UInt8(ascii: "_") where alphabet == .url: return 63
        default: return nil
        }
    }
}
