/// A requirement of a store protocol that an implementation broke.
///
/// The conformance suites in this module (`...Conformance`) throw it from `run()`, so a host can
/// run them from any test framework: a thrown error fails the test and its description says which
/// requirement failed and what was observed.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// The suite that found the failure, for example `"RateLimitStoreConformance"`.
    public var suite: String
    /// The requirement, in words, for example `"concurrent acquires never admit more than the limit"`.
    public var requirement: String
    /// What the implementation did instead.
    public var observed: String

    /// Creates a failure report.
    public init(suite: String, requirement: String, observed: String) {
        self.suite = suite
        self.requirement = requirement
        self.observed = observed
    }

    /// A one-line report: suite, requirement and observation.
    public var description: String {
        "\(suite): \(requirement) — observed: \(observed)"
    }
}
