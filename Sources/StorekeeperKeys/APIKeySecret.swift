/// A key's plaintext, held only by the value a create or rotate returns.
///
/// It never shows itself: `description`, `debugDescription`, string interpolation, `dump` and
/// mirrors all print the key's start and `<redacted>`. Read ``plaintext`` once, to show the key
/// to its owner, and let the value go.
public struct APIKeySecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself. Show it to the owner once; never log or store it.
    public let plaintext: String
    /// The non-secret start of the key, for display.
    public let start: String

    init(plaintext: String, start: String) {
        self.plaintext = plaintext
        self.start = start
    }

    /// `"<start>…<redacted>"`.
    public var description: String { "\(start)…<redacted>" }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the plaintext.
    public var customMirror: Mirror {
        Mirror(self, children: ["start": start, "plaintext": "<redacted>"], displayStyle: .struct)
    }
}

/// A newly created or rotated key: its record and, this once, its plaintext.
public struct IssuedAPIKey: Sendable {
    /// The stored record (which holds only the key's hash).
    public let record: APIKeyRecord
    /// The plaintext, redacted in every description.
    public let secret: APIKeySecret
}
