/// A position in a keyset-ordered list: the sort values of an item and its ID, and which side
/// of it the next page lies on.
///
/// Clients only ever see cursors encoded and signed by ``CursorCodec``: opaque strings they
/// cannot read, forge or alter.
public struct Cursor: Sendable, Hashable {
    /// One sort value.
    public enum Value: Sendable, Hashable, Comparable {
        /// A whole number, or an instant in milliseconds since the epoch.
        case integer(Int64)
        /// Text, compared by its UTF-8 bytes.
        case string(String)

        /// Integers before strings; integers by value; strings by their UTF-8 bytes.
        public static func < (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.integer(let a), .integer(let b)): a < b
            case (.string(let a), .string(let b)): UTF8Order.precedes(a, b)
            case (.integer, .string): true
            case (.string, .integer): false
            }
        }
    }

    /// Which side of the position the page lies on.
    public enum Direction: UInt8, Sendable, Hashable {
        /// The items after it, in list order (the next page).
        case after = 1
        /// The items before it (the previous page).
        case before = 2
    }

    /// The position: sort values, then the ID as tiebreaker.
    public var key: KeysetKey
    /// Which side of it to page to.
    public var direction: Direction

    /// Creates a cursor.
    public init(key: KeysetKey, direction: Direction) {
        self.key = key
        self.direction = direction
    }
}

/// Where an item stands in a keyset order: its sort values, then its unique ID.
///
/// Two items never share a key, because IDs are unique; that is what makes keyset pages stable
/// while items are added and removed.
public struct KeysetKey: Sendable, Hashable, Comparable {
    /// The values of the sort fields, in order.
    public var values: [Cursor.Value]
    /// The item's unique ID.
    public var id: String

    /// Creates a key.
    public init(values: [Cursor.Value], id: String) {
        self.values = values
        self.id = id
    }

    /// Lexicographic: values first, then the ID by its UTF-8 bytes.
    public static func < (lhs: KeysetKey, rhs: KeysetKey) -> Bool {
        for (a, b) in zip(lhs.values, rhs.values) where a != b {
            return a < b
        }
        if lhs.values.count != rhs.values.count { return lhs.values.count < rhs.values.count }
        return UTF8Order.precedes(lhs.id, rhs.id)
    }
}
