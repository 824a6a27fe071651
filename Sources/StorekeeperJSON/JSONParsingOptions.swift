/// Limits and policies for ``JSONValue/init(parsing:options:)``.
///
/// The defaults suit request bodies from untrusted clients: duplicate names are rejected (parsers
/// that disagree on which duplicate wins are a known request-smuggling vector), nesting is bounded
/// so hostile input cannot exhaust the stack, and input is bounded in size.
public struct JSONParsingOptions: Sendable, Hashable {
    /// What to do when an object names a member twice.
    public enum DuplicateKeyPolicy: Sendable, Hashable {
        /// Fail with ``JSONParseError/Code/duplicateKey``.
        case reject
        /// Keep the last value, in the position of the first occurrence.
        case keepLast
    }

    /// The deepest nesting of arrays and objects accepted; deeper input fails with
    /// ``JSONParseError/Code/depthLimitExceeded``. Values above 1,000 are treated as 1,000, so
    /// the parser's recursion always fits the stack of a concurrency thread.
    public var maximumDepth: Int

    /// The largest input accepted, in bytes; larger input fails with
    /// ``JSONParseError/Code/sizeLimitExceeded`` before any parsing.
    public var maximumSize: Int

    /// What to do with a repeated member name.
    public var duplicateKeys: DuplicateKeyPolicy

    /// Creates options.
    ///
    /// - Parameters:
    ///   - maximumDepth: The deepest nesting accepted. Default 512.
    ///   - maximumSize: The largest input accepted, in bytes. Default 16 MiB.
    ///   - duplicateKeys: What to do with a repeated member name. Default ``DuplicateKeyPolicy/reject``.
    public init(maximumDepth: Int = 512, maximumSize: Int = 16 << 20, duplicateKeys: DuplicateKeyPolicy = .reject) {
        self.maximumDepth = maximumDepth
        self.maximumSize = maximumSize
        self.duplicateKeys = duplicateKeys
    }

    /// The depth limit actually enforced.
    var effectiveDepthLimit: Int { min(max(maximumDepth, 0), 1_000) }
}
