public import StorekeeperKeys

/// Who a request is when it is authenticated by a session (an admin cookie) rather than a key.
public struct APISession: Sendable, Hashable {
    /// The session's stable id; the rate limit counts per session.
    public var id: String
    /// Whose session it is (a store, a shop, an account).
    public var owner: String
    /// What the session may do.
    public var permissions: PermissionSet

    /// A session from its parts.
    public init(id: String, owner: String, permissions: PermissionSet) {
        self.id = id
        self.owner = owner
        self.permissions = permissions
    }
}
