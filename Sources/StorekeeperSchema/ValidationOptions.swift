/// Limits for validation.
public struct ValidationOptions: Sendable, Hashable {
    /// The most issues collected before validation stops (default 100), bounding the work a
    /// hostile document can cause; the report then says ``ValidationReport/isTruncated``.
    public var maximumIssues: Int

    /// Creates options.
    public init(maximumIssues: Int = 100) {
        self.maximumIssues = maximumIssues
    }
}
