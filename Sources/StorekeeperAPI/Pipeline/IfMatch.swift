import StorekeeperCore

/// The precondition of an `If-Match` header (RFC 9110 section 13.1.1).
public enum IfMatch: Sendable, Hashable {
    /// `*`: the resource must exist.
    case any
    /// The resource's current tag must be one of these (strong comparison).
    case tags([EntityTag])

    /// Whether a resource whose current tag is `current` satisfies the precondition.
    public func matches(_ current: EntityTag) -> Bool {
        switch self {
        case .any: true
        case .tags(let tags): !current.isWeak && tags.contains { !$0.isWeak && $0.opaqueTag == current.opaqueTag }
        }
    }

    /// Whether a resource at `version` satisfies the precondition.
    public func matches(version: Int64) -> Bool {
        matches(EntityTag(version: version))
    }

    /// The precondition of a header value, or `nil` when it is malformed.
    public init?(headerValue: String) {
        let trimmed = String(headerValue.trimmingHTTPWhitespace)
        if trimmed == "*" {
            self = .any
        } else if let tags = EntityTag.parseList(trimmed) {
            self = .tags(tags)
        } else {
            return nil
        }
    }
}
