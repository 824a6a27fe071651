import StorekeeperJSON
import StorekeeperSchema
import Testing

/// Expects one-pass validation of `document` (``Schema/validate(json:parsing:options:)``) to
/// report exactly what validating its parsed tree does, and to give the same value when valid,
/// under both duplicate-key policies and issue caps of 100, 3 and 1.
func expectOnePassMatchesTree(_ schema: Schema, _ document: String) {
    let bytes = Array(document.utf8)
    for duplicateKeys in [JSONParsingOptions.DuplicateKeyPolicy.reject, .keepLast] {
        let parsing = JSONParsingOptions(duplicateKeys: duplicateKeys)
        for maximumIssues in [100, 3, 1] {
            let options = ValidationOptions(maximumIssues: maximumIssues)
            let onePass = schema.validate(json: bytes, parsing: parsing, options: options)
            let expected: ValidationOutcome
            do {
                expected = schema.validate(try JSONValue(parsing: bytes, options: parsing), options: options)
            } catch {
                expected = ValidationOutcome(value: .null, report: ValidationReport(issues: [ValidationIssue(error)]))
            }
            #expect(onePass.report == expected.report, "\(document) \(duplicateKeys) cap \(maximumIssues)")
            if expected.report.isValid {
                #expect(onePass.value == expected.value, "\(document)")
            }
        }
    }
}
