/// The order of strings by their UTF-8 bytes, the order of keyset pages.
enum UTF8Order {
    /// Whether `lhs` comes before `rhs` byte for byte (a prefix first), compared in place
    /// rather than through the generic `UTF8View` iterator: sorting a page compares keys
    /// O(*n* log *n*) times.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                var index = 0
                while index < common {
                    if left[index] != right[index] { return left[index] < right[index] }
                    index += 1
                }
                return left.count < right.count
            }
        }
    }
}
