/// A string compared and hashed by its UTF-8 bytes, the way JSON compares member names.
///
/// Swift's `String` equality is canonical equivalence (`"\u{E9}" == "e\u{301}"`); JSON's is
/// code-unit equality. Object keys and string values use this wrapper wherever they are compared.
struct UTF8Key: Hashable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        bytesEqual(lhs.string, rhs.string)
    }

    /// Whether two strings have the same UTF-8 bytes.
    static func bytesEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { a in rhs.withUTF8 { b in a.elementsEqual(b) } }
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
