import StorekeeperJSON
import StorekeeperSchema
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Validation reports")
struct ValidationReportTests {
    @Test("render as RFC 9457 problem details with an errors array")
    func problemDetails() throws {
        let schema = Schema.object([.required("title", .string(maxLength: 3)), .required("qty", .integer())])
        let report = schema.validate(json: Array(#"{"title": "Cathat"}"#.utf8)).report
        let problem = report.problemDetails()
        let expected: JSONValue = [
            "type": "about:blank",
            "title": "Bad Request",
            "status": 400,
            "detail": "The request has 2 problems.",
            "errors": [
                [
                    "pointer": "/title", "detail": "'title' must be at most 3 characters long; it has 6.",
                    "code": "too_long",
                ],
                ["pointer": "/qty", "detail": "'qty' is required.", "code": "required"],
            ],
        ]
        #expect(problem == expected)
    }

    @Test("a parse error carries its line and column into the problem")
    func parseErrorProblem() throws {
        let report = Schema.any.validate(json: Array("[1,\n 2,]".utf8)).report
        let error = try #require(report.problemDetails(status: 400).object?["errors"]?[0])
        #expect(error["code"] == "invalid_json")
        #expect(error["line"] == 2)
        #expect(error["column"] == 4)
        #expect(error["pointer"] == "")
    }

    @Test("describes each issue on its own line")
    func description() {
        let report = ValidationReport(issues: [
            ValidationIssue(path: JSONPointer.root.appending("a"), code: "required", message: "'a' is required."),
            ValidationIssue(path: .root, code: "invalid_json", message: "bad"),
        ])
        #expect(report.description == "/a: 'a' is required. (required)\n(document): bad (invalid_json)")
        #expect(!report.isValid)
        #expect(ValidationReport(issues: []).isValid)
    }
}
