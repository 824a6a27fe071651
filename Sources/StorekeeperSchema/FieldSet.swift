/// The fields of an object schema that a document has supplied, by index: one word for up to 64
/// fields, an array only beyond that.
struct FieldSet {
    private var low: UInt64 = 0
    private var high: [Bool]

    init(count: Int) {
        high = count > 64 ? [Bool](repeating: false, count: count - 64) : []
    }

    mutating func insert(_ index: Int) {
        if index < 64 {
            low |= 1 << UInt64(index)
        } else {
            high[index - 64] = true
        }
    }

    func contains(_ index: Int) -> Bool {
        index < 64 ? low & (1 << UInt64(index)) != 0 : high[index - 64]
    }
}
