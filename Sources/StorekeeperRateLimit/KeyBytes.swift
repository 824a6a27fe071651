/// A rate-limit key as the in-memory store sees it: its UTF-8 bytes.
///
/// Two keys are the same key exactly when their bytes are equal, as in a database or Redis
/// store; `String`'s own equality (Unicode canonical equivalence) would also merge differently
/// encoded spellings, and hashing consistently with it would need normalising every key.
enum KeyBytes {
    /// Calls `body` with `key`'s UTF-8 bytes, in place when the string is stored contiguously
    /// (native strings, small ones included), else from a copy.
    @inline(__always)
    static func withUTF8<Result>(of key: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = key.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(key.utf8).withUnsafeBytes(body)
    }

    /// Whether `key` is the same key as `stored`, whose ASCII-ness the caller knows.
    ///
    /// `String`'s equality is fast, but merges canonically equivalent spellings. An ASCII string
    /// is only equivalent to itself or to spellings with more UTF-8 bytes (the only non-ASCII
    /// characters that decompose to ASCII are single ones such as U+212A KELVIN SIGN for "K",
    /// and each takes two or more bytes), so equal strings of the same byte count with one of
    /// them ASCII have the same bytes. Other keys are compared byte by byte.
    static func equal(stored: String, storedIsASCII: Bool, _ key: String) -> Bool {
        guard stored.utf8.count == key.utf8.count, stored == key else { return false }
        return storedIsASCII || stored.utf8.elementsEqual(key.utf8)
    }

    /// Whether every byte of `key` is ASCII.
    static func isASCII(_ key: String) -> Bool {
        key.utf8.allSatisfy { $0 < 0x80 }
    }
}
