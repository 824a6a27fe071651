/// The fields of an object schema that a document has supplied, by index: one word for up to 64
/// fields, and a buffer of its own beyond that.
///
/// Not copyable, so the buffer has one owner and objects of up to 64 fields cost no allocation
/// and no reference counting at all.
struct FieldSet: ~Copyable {
    /// The fields below 64, one bit each.
    private var low: UInt64 = 0
    /// The fields from 64 on, only for objects that have them.
    private let high: UnsafeMutableBufferPointer<Bool>?

    /// An empty set for an object of `count` fields.
    init(count: Int) {
        if count > 64 {
            let buffer = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count - 64)
            buffer.initialize(repeating: false)
            high = buffer
        } else {
            high = nil
        }
    }

    /// Frees the buffer of the fields from 64 on, if there is one.
    deinit {
        high?.deallocate()
    }

    /// Adds field `index`, which must be below the count the set was made for.
    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
        } else if let high {
            high[index - 64] = true
        }
    }

    /// Whether field `index` was added.
    func contains(_ index: Int) -> Bool {
        if index < 64 { return low & (1 << UInt64(index)) != 0 }
        return high?[index - 64] ?? false
    }
}
