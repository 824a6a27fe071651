import StorekeeperJSON

/// The running state of one validation: the path to the value being checked, and what has been
/// found so far. Pointers are built only when an issue is recorded.
struct ValidationState {
    enum Token {
        case member(String)
        case index(Int)
        /// The member for field `index` of an object schema's constraints, named only when an
        /// issue needs the name: entering it costs no reference count. The constraints are
        /// unretained: the schema being validated owns them for as long as validation runs.
        case field(Unmanaged<ObjectConstraints>, Int)

        /// The token's text in a JSON Pointer or a message: the member name or the index.
        var name: String {
            switch self {
            case .member(let name): name
            case .index(let index): String(index)
            case .field(let constraints, let index): constraints.takeUnretainedValue().fieldNames[index]
            }
        }
    }

    private(set) var path: [Token] = []
    private(set) var issues: [ValidationIssue] = []
    private(set) var warnings: [ValidationIssue] = []
    private(set) var isTruncated = false
    let maximumIssues: Int

    init(maximumIssues: Int) {
        self.maximumIssues = max(maximumIssues, 1)
        path.reserveCapacity(8)
    }

    /// Whether the issue cap is reached.
    var isFull: Bool { issues.count >= maximumIssues }

    /// Whether to stop before checking more values: true once the cap is reached, and the report
    /// then says it is truncated, since what is left unchecked may hold more issues.
    mutating func stopsHere() -> Bool {
        if isFull { isTruncated = true }
        return isFull
    }

    mutating func enter(_ token: Token) {
        path.append(token)
    }

    mutating func leave() {
        path.removeLast()
    }

    /// Records an issue about the current value (or, with `member`, one of its members).
    mutating func record(_ code: String, _ message: String, member: String? = nil) {
        guard !isFull else {
            isTruncated = true
            return
        }
        issues.append(ValidationIssue(path: pointer(member: member), code: code, message: message))
    }

    /// Records an issue about the current value at `position` among the issues, as if it had been
    /// recorded before the ones from there on: if that makes one too many, the last is dropped.
    mutating func insert(_ code: String, _ message: String, at position: Int) {
        guard position < maximumIssues else {
            isTruncated = true
            return
        }
        issues.insert(ValidationIssue(path: pointer(), code: code, message: message), at: position)
        if issues.count > maximumIssues {
            issues.removeLast()
            isTruncated = true
        }
    }

    /// Reports a member no field describes, as the object's policy says: not at all, as a
    /// warning, or as an issue.
    mutating func noteUnknownField(_ key: String, policy: UnknownFieldPolicy) {
        switch policy {
        case .ignore:
            break
        case .report:
            warn("unknown_field", "'\(key)' is not a known field and was ignored.", member: key)
        case .reject:
            record("unknown_field", "'\(key)' is not a known field.", member: key)
        }
    }

    /// Records a warning about a member of the current value.
    mutating func warn(_ code: String, _ message: String, member: String) {
        warnings.append(ValidationIssue(path: pointer(member: member), code: code, message: message))
    }

    /// The subject of a message about the current value: its member name, its index, or "the value".
    var subject: String {
        switch path.last {
        case .member(let name)?: "'\(name)'"
        case .index(let index)?: "element \(index)"
        case let token?: "'\(token.name)'"
        case nil: "the document"
        }
    }

    func pointer(member: String? = nil) -> JSONPointer {
        var tokens: [String] = path.map(\.name)
        if let member { tokens.append(member) }
        return JSONPointer(tokens: tokens)
    }

    var report: ValidationReport {
        ValidationReport(issues: issues, warnings: warnings, isTruncated: isTruncated)
    }
}
