public import StorekeeperJSON

/// Everything wrong with a document: every issue, not just the first.
///
/// It is the error that decoding throws, and it renders itself as an RFC 9457
/// `application/problem+json` body (``problemDetails(status:type:title:)``); API profiles render
/// their own envelopes from the same ``issues``.
public struct ValidationReport: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems that make the document invalid: within each object, its members' issues in
    /// document order, then its missing required fields in schema order, then its rules' issues.
    public var issues: [ValidationIssue]
    /// Problems reported but accepted, such as unknown fields under ``UnknownFieldPolicy/report``.
    public var warnings: [ValidationIssue]
    /// Whether validation stopped at ``ValidationOptions/maximumIssues``, so more issues may exist.
    public var isTruncated: Bool

    /// Creates a report.
    public init(issues: [ValidationIssue], warnings: [ValidationIssue] = [], isTruncated: Bool = false) {
        self.issues = issues
        self.warnings = warnings
        self.isTruncated = isTruncated
    }

    /// Whether there are no issues (warnings do not count).
    public var isValid: Bool { issues.isEmpty }

    /// One line per issue.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }

    /// The report as an RFC 9457 problem details object, with the issues in an `errors` array of
    /// `{ "pointer", "detail", "code" }` members (plus `line` and `column` for `invalid_json`).
    ///
    /// - Parameters:
    ///   - status: The HTTP status the response carries.
    ///   - type: A URI identifying the problem type; `about:blank` means "see the status code".
    ///   - title: A short summary that does not change between occurrences.
    public func problemDetails(
        status: Int = 400,
        type: String = "about:blank",
        title: String = "Bad Request"
    ) -> JSONValue {
        let errors = issues.map(\.json)
        let count = issues.count
        let detail =
            count == 1
            ? "The request has 1 problem."
            : "The request has \(count)\(isTruncated ? " or more" : "") problems."
        return [
            "type": .string(type),
            "title": .string(title),
            "status": .number(JSONNumber(status)),
            "detail": .string(detail),
            "errors": .array(errors),
        ]
    }
}
