/// An `Idempotency-Key` within its scope: the same key text from two API keys is two entries.
public struct IdempotencyKey: Sendable, Hashable, CustomStringConvertible {
    /// Whose key it is: the API key's id, or `anonymous` on open routes.
    public var scope: String
    /// The header's value.
    public var value: String

    /// A key from its scope and value.
    public init(scope: String, value: String) {
        self.scope = scope
        self.value = value
    }

    /// `scope/value`.
    public var description: String { scope + "/" + value }
}
