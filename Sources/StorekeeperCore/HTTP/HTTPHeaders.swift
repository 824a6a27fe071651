/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Field order and repeated names are kept as given, because some headers (`Link`,
/// `X-Forwarded-For`) are meaningful as a list. Names compare case-insensitively, as RFC 9110
/// requires; values are kept byte for byte.
///
/// ```swift
/// var headers: HTTPHeaders = ["Content-Type": "application/json"]
/// headers.add(name: "Link", value: "<https://example.com/?page=2>; rel=\"next\"")
/// headers["content-type"]  // "application/json"
/// ```
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field: a name and its value.
    public struct Field: Sendable, Hashable {
        /// The field name as it was given (compare it with ``HTTPHeaders/Field/hasName(_:)``).
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }

        /// Whether this field's name equals `other`, ignoring ASCII case.
        public func hasName(_ other: String) -> Bool {
            guard name.utf8.count == other.utf8.count else { return false }
            var name = name
            var other = other
            return name.withUTF8 { lhs in
                other.withUTF8 { rhs in
                    for index in 0..<lhs.count where lhs[index] != rhs[index] {
                        let folded = lhs[index] | 0x20
                        guard folded == rhs[index] | 0x20, folded >= UInt8(ascii: "a"), folded <= UInt8(ascii: "z")
                        else { return false }
                    }
                    return true
                }
            }
        }
    }

    private var fields: [Field]

    /// Creates an empty header list.
    public init() {
        fields = []
    }

    /// Creates a header list from fields, in order.
    public init(_ fields: [Field]) {
        self.fields = fields
    }

    /// Creates a header list from name-value pairs, in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The number of fields, counting repeated names separately.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value of the first field named `name` (ignoring case), or `nil`.
    ///
    /// Setting a value replaces every field of that name with one field; setting `nil` removes them.
    ///
    /// - Complexity: O(*n*), where *n* is the number of fields.
    public subscript(name: String) -> String? {
        get {
            for index in fields.indices where fields[index].hasName(name) { return fields[index].value }
            return nil
        }
        set {
            if let newValue {
                replaceOrAdd(name: name, value: newValue)
            } else {
                remove(name: name)
            }
        }
    }

    /// Every value of the fields named `name` (ignoring case), in order.
    ///
    /// - Complexity: O(*n*), where *n* is the number of fields.
    public func values(for name: String) -> [String] {
        fields.lazy.filter { $0.hasName(name) }.map(\.value)
    }

    /// Makes room for `count` fields in all, so adding up to that many allocates at most once.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` with a single field holding `value`, placed where the first
    /// one stood (or at the end when there was none).
    public mutating func replaceOrAdd(name: String, value: String) {
        if let index = fields.firstIndex(where: { $0.hasName(name) }) {
            fields[index].value = value
            var next = fields.index(after: index)
            while next < fields.endIndex {
                if fields[next].hasName(name) {
                    fields.remove(at: next)
                } else {
                    next = fields.index(after: next)
                }
            }
        } else {
            add(name: name, value: value)
        }
    }

    /// Removes every field named `name` (ignoring case).
    public mutating func remove(name: String) {
        fields.removeAll { $0.hasName(name) }
    }

    /// Returns an iterator over the fields, in order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}
