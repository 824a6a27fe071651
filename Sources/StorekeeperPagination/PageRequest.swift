public import StorekeeperCore

/// What page of a list a client asked for, parsed and validated from the query.
///
/// ```swift
/// let request = try PageRequest(query: QueryItem.parse("page=2&limit=50&active=true"), policy: .shopiSync)
/// // request.position == .page(2), request.limit == 50
/// ```
public struct PageRequest: Sendable, Hashable {
    /// Where the page starts.
    public enum Position: Sendable, Hashable {
        /// A numbered page of an offset list, from 1.
        case page(Int)
        /// The first page of a keyset list.
        case start
        /// The page a cursor points to.
        case cursor(Cursor)
    }

    /// Where the page starts.
    public var position: Position
    /// How many items, at most.
    public var limit: Int
    /// The order asked for, or the policy's default.
    public var sort: SortOrder?

    /// Creates a request directly.
    public init(position: Position, limit: Int, sort: SortOrder? = nil) {
        self.position = position
        self.limit = limit
        self.sort = sort
    }

    /// Parses the pagination parameters of a query under `policy`; other parameters are ignored.
    ///
    /// - Parameters:
    ///   - query: The decoded query items of the request.
    ///   - policy: The API's parameter names, defaults and bounds.
    ///   - cursors: The codec that signed this API's cursors; required when the policy has
    ///     cursor parameters.
    /// - Throws: ``PaginationError`` naming the parameter: a page of 0, negative or non-numeric
    ///   values, values past `Int`'s range, a limit over the maximum (when the policy rejects),
    ///   both cursor directions (or a cursor and a page) at once, a cursor this API did not sign,
    ///   or a sort field the policy does not allow.
    public init(query: [QueryItem], policy: PaginationPolicy, cursors: CursorCodec? = nil) throws(PaginationError) {
        func value(_ name: String?) -> String? {
            guard let name else { return nil }
            return query.last { $0.name == name }?.value
        }
        var limit = policy.defaultLimit
        if let text = value(policy.limitParameter) {
            let parsed = try Self.positiveInteger(text, parameter: policy.limitParameter, code: .invalidLimit)
            if parsed > policy.maximumLimit {
                guard policy.overLimit == .clamp else {
                    throw PaginationError(
                        code: .limitTooLarge,
                        parameter: policy.limitParameter,
                        message: "'\(policy.limitParameter)' must be at most \(policy.maximumLimit); it was \(parsed)."
                    )
                }
                limit = policy.maximumLimit
            } else {
                limit = parsed
            }
        }
        let after = value(policy.afterParameter).map { (text: $0, parameter: policy.afterParameter ?? "") }
        let before = value(policy.beforeParameter).map { (text: $0, parameter: policy.beforeParameter ?? "") }
        let page = value(policy.pageParameter)
        if after != nil && before != nil {
            throw PaginationError(
                code: .conflictingCursors,
                parameter: policy.beforeParameter ?? "",
                message: "Send '\(policy.afterParameter ?? "")' or '\(policy.beforeParameter ?? "")', not both."
            )
        }
        if let cursorParameter = (after ?? before)?.parameter, page != nil {
            throw PaginationError(
                code: .conflictingCursors,
                parameter: cursorParameter,
                message: "Send a page number or a cursor, not both."
            )
        }
        if let (text, parameter) = after ?? before {
            guard let cursors else {
                throw PaginationError(
                    code: .invalidCursor, parameter: parameter, message: "This list does not take cursors.")
            }
            var cursor = try cursors.decode(text, parameter: parameter)
            cursor.direction = after != nil ? .after : .before
            position = .cursor(cursor)
        } else if let page, let pageParameter = policy.pageParameter {
            position = .page(try Self.positiveInteger(page, parameter: pageParameter, code: .invalidPage))
        } else {
            position = policy.pageParameter == nil ? .start : .page(1)
        }
        self.limit = limit
        sort = try Self.sort(value(policy.sortParameter), policy: policy)
    }

    private static func positiveInteger(
        _ text: String,
        parameter: String,
        code: PaginationError.Code
    ) throws(PaginationError) -> Int {
        let digits = text.utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) || text.hasPrefix("-") else {
            throw PaginationError(
                code: code, parameter: parameter, message: "'\(parameter)' must be a whole number; it was '\(text)'.")
        }
        guard !text.hasPrefix("-") else {
            throw PaginationError(
                code: code, parameter: parameter, message: "'\(parameter)' must be at least 1; it was \(text).")
        }
        guard let value = Int(text) else {
            throw PaginationError(code: code, parameter: parameter, message: "'\(parameter)' is too large.")
        }
        guard value >= 1 else {
            throw PaginationError(
                code: code, parameter: parameter, message: "'\(parameter)' must be at least 1; it was \(value).")
        }
        return value
    }

    private static func sort(_ text: String?, policy: PaginationPolicy) throws(PaginationError) -> SortOrder? {
        guard let text, let parameter = policy.sortParameter else { return policy.defaultSort }
        let descending = text.hasPrefix("-")
        let field = descending ? String(text.dropFirst()) : text
        guard policy.sortFields.contains(field) else {
            let allowed = policy.sortFields.sorted().joined(separator: ", ")
            throw PaginationError(
                code: .invalidSort,
                parameter: parameter,
                message: "'\(parameter)' must be one of \(allowed), optionally preceded by '-'; it was '\(text)'."
            )
        }
        return SortOrder(field: field, direction: descending ? .descending : .ascending)
    }
}
