/// A JSON object: members in the order they were written or added.
///
/// Lookup by name is a linear scan, which is the fastest choice for the small objects of API
/// payloads. Names compare by their UTF-8 bytes, as RFC 8259 compares them. A parsed object has
/// unique names (see ``JSONParsingOptions/duplicateKeys``); ``append(_:_:)`` does not check, and
/// ``subscript(_:)->JSONValue?`` sets by replacing.
///
/// ```swift
/// var object: JSONObject = ["sku": "A-1"]
/// object["qty"] = 3
/// object.keys  // ["sku", "qty"]
/// ```
public struct JSONObject: Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// A member: its name and value.
    public typealias Element = (key: String, value: JSONValue)

    /// A member as stored: a struct, so copies use specialised code rather than tuple witnesses.
    package struct Member {
        package let key: String
        package var value: JSONValue
        /// ``UTF8Key/fingerprint(of:)`` of `key`, so lookups compare integers before bytes.
        package let fingerprint: UInt64

        package init(key: String, value: JSONValue, fingerprint: UInt64) {
            self.key = key
            self.value = value
            self.fingerprint = fingerprint
        }

        package init(key: String, value: JSONValue) {
            self.init(key: key, value: value, fingerprint: UTF8Key.fingerprint(of: key))
        }
    }

    /// The members, in order.
    package private(set) var members: [Member]

    /// Creates an empty object.
    public init() {
        members = []
    }

    /// Creates an object from name-value pairs, in order. Later duplicates replace earlier ones.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.members = []
        self.members.reserveCapacity(members.underestimatedCount)
        for (key, value) in members {
            let fingerprint = UTF8Key.fingerprint(of: key)
            let exact = UTF8Key.fingerprintIsExact(fingerprint)
            if let index = self.members.firstIndex(where: {
                $0.fingerprint == fingerprint && (exact || UTF8Key.bytesEqual($0.key, key))
            }) {
                self.members[index].value = value
            } else {
                self.members.append(Member(key: key, value: value, fingerprint: fingerprint))
            }
        }
    }

    /// Creates an object from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// Creates an object from members the parser has already checked for duplicates.
    init(uncheckedMembers: [Member]) {
        members = uncheckedMembers
    }

    /// The position of the first member.
    public var startIndex: Int { members.startIndex }

    /// The position after the last member.
    public var endIndex: Int { members.endIndex }

    /// The member at `position`.
    public subscript(position: Int) -> Element {
        let member = members[position]
        return (member.key, member.value)
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }

    /// The value of the member named `key`, or `nil`.
    ///
    /// Setting a value replaces the member in place, or appends it when there is none; setting
    /// `nil` removes it.
    ///
    /// - Complexity: O(*n*), where *n* is the number of members.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(forKey: key) else { return nil }
            return members[index].value
        }
        set {
            let existing = index(forKey: key)
            switch (existing, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The position of the member named `key`, or `nil`.
    ///
    /// - Complexity: O(*n*), where *n* is the number of members.
    public func index(forKey key: String) -> Int? {
        // Readers mostly look names up with the very strings the members were stored with (a
        // schema's field names, the same literals): comparing the representations first finds
        // those without reading the name's bytes for a fingerprint.
        if let index = members.firstIndex(where: { UTF8Key.sameRepresentation($0.key, key) }) {
            return index
        }
        let fingerprint = UTF8Key.fingerprint(of: key)
        let exact = UTF8Key.fingerprintIsExact(fingerprint)
        return members.firstIndex { $0.fingerprint == fingerprint && (exact || UTF8Key.bytesEqual($0.key, key)) }
    }

    /// The position of the member named `key`, looking first at `expectedPosition`.
    ///
    /// Readers that walk a known list of fields pass each field's position in that list: when
    /// the document lists its members in the same order, as most do, every lookup is one
    /// comparison.
    ///
    /// - Complexity: O(1) when the member is at `expectedPosition`, else O(*n*).
    public func index(forKey key: String, expectedPosition: Int) -> Int? {
        if members.indices.contains(expectedPosition), UTF8Key.bytesEqual(members[expectedPosition].key, key) {
            return expectedPosition
        }
        return index(forKey: key)
    }

    /// Replaces the value of the member at `position`, keeping its name and place.
    ///
    /// - Complexity: O(1).
    public mutating func setValue(_ value: JSONValue, at position: Int) {
        members[position].value = value
    }

    /// Appends a member without looking for an existing one of the same name.
    ///
    /// Use it to build objects whose names you know are distinct; it is faster than the subscript.
    ///
    /// - Complexity: Amortised O(1).
    public mutating func append(_ key: String, _ value: JSONValue) {
        members.append(Member(key: key, value: value))
    }
}

extension JSONObject: Hashable {
    /// Whether two objects have the same names with equal values, in any order.
    ///
    /// Objects built with ``append(_:_:)`` that repeat a name compare by each name's first member.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if zip(lhs.members, rhs.members).allSatisfy({ UTF8Key.bytesEqual($0.key, $1.key) && $0.value == $1.value }) {
            return true
        }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value } && rhs.members.allSatisfy { lhs[$0.key] != nil }
    }

    /// Hashes the members independently of their order, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(UTF8Key(member.key))
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(combined)
    }
}
