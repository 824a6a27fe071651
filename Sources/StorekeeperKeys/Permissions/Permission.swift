/// A grant, or a requirement: a level (`read` < `write` < `admin`), optionally limited to one
/// resource (`orders:write`); `*` for a resource or a level means all of them.
///
/// ```swift
/// Permission("write")          // write on every resource (ShopiSync's levels)
/// Permission("orders:read")    // read orders only
/// Permission("catalog:*")      // everything on the catalogue
/// ```
public struct Permission: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much a permission lets a key do; each level includes the ones below it.
    public enum Level: Int, Sendable, Hashable, Comparable, Codable {
        /// Read only.
        case read = 1
        /// Read and change.
        case write = 2
        /// Everything.
        case admin = 3

        /// Orders by what the level includes.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The resource, or `nil` for every resource.
    public var resource: String?
    /// The level.
    public var level: Level

    /// Creates a permission.
    public init(resource: String? = nil, level: Level) {
        self.resource = resource
        self.level = level
    }

    /// Parses `read`, `write`, `admin`, `*`, `<resource>:<level>` or `<resource>:*`; `nil` otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let levelText = parts.last, let level = Self.level(levelText) else { return nil }
        if parts.count == 2 {
            let resource = parts[0]
            guard !resource.isEmpty,
                resource.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "*" })
            else { return nil }
            self.resource = resource == "*" ? nil : String(resource)
        } else {
            self.resource = nil
        }
        self.level = level
    }

    private static func level(_ text: Substring) -> Level? {
        switch text {
        case "read": .read
        case "write": .write
        case "admin", "*": .admin
        default: nil
        }
    }

    /// Read on every resource.
    public static let read = Permission(level: .read)
    /// Write on every resource.
    public static let write = Permission(level: .write)
    /// Everything.
    public static let admin = Permission(level: .admin)

    /// Whether this grant covers `required`: the same resource or every resource, and at least
    /// the level.
    public func allows(_ required: Permission) -> Bool {
        (resource == nil || resource == required.resource) && level >= required.level
    }

    /// `level` or `resource:level`.
    public var description: String {
        let levelText = level == .admin && resource != nil ? "*" : "\(level)"
        return resource.map { "\($0):\(levelText)" } ?? levelText
    }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let permission = Permission(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a permission: \(text)"))
        }
        self = permission
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The permissions granted to a key.
public struct PermissionSet: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    /// The grants.
    public var permissions: Set<Permission>

    /// Creates a set.
    public init(_ permissions: some Sequence<Permission>) {
        self.permissions = Set(permissions)
    }

    /// Creates a set from a literal.
    public init(arrayLiteral elements: Permission...) {
        self.init(elements)
    }

    /// Whether any grant covers `required`.
    public func allows(_ required: Permission) -> Bool {
        permissions.contains { $0.allows(required) }
    }
}
