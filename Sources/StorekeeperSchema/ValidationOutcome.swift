public import StorekeeperJSON

/// The result of validating a document: the value with coercions and defaults applied, and the
/// report of what was wrong.
public struct ValidationOutcome: Sendable {
    /// The validated value: coerced where a field allows it (`"1"` to `true`), defaults filled
    /// in. When the report has issues, parts of it may be unvalidated; do not use it then.
    public var value: JSONValue
    /// The issues and warnings.
    public var report: ValidationReport

    /// Creates an outcome.
    public init(value: JSONValue, report: ValidationReport) {
        self.value = value
        self.report = report
    }
}
