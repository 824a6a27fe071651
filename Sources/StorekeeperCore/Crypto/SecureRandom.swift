/// Random bytes from the operating system's cryptographically secure generator
/// (`SystemRandomNumberGenerator`: `getrandom` on Linux, `arc4random` on Apple platforms).
@_spi(StorekeeperInternal)
public enum SecureRandom {
    /// `count` random bytes (none for a count of zero or less).
    public static func bytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(count, 0))
        bytes.withUnsafeMutableBytes { fill($0) }
        return bytes
    }

    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        var generator = SystemRandomNumberGenerator()
        var offset = 0
        while offset < buffer.count {
            var word = generator.next()
            let take = min(8, buffer.count - offset)
            withUnsafeBytes(of: &word) { source in
                for index in 0..<take { buffer[offset + index] = source[index] }
            }
            offset += take
        }
    }
}
