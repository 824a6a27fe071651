/// Why an order could not be created, changed or queried: a stable code, its HTTP status, and
/// the statuses or lines involved.
public struct OrderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The lifecycle does not allow this status change (409).
        public static let illegalTransition = Code("illegal_transition")
        /// Cancelling or rejecting needs a reason (400).
        public static let reasonRequired = Code("reason_required")
        /// The order's items can no longer change in its status (409).
        public static let itemsLocked = Code("items_locked")
        /// One or more lines name SKUs that are unknown or not mapped (422); see ``OrderError/lineIssues``.
        public static let invalidLines = Code("invalid_lines")
        /// Not enough stock to reserve every line (409).
        public static let insufficientStock = Code("insufficient_stock")
        /// The query reaches further back than the API keeps orders, or its span is too long or
        /// reversed (400).
        public static let outsideRetrievalWindow = Code("outside_retrieval_window")
        /// No order has that ID (404).
        public static let notFound = Code("not_found")
        /// The order changed since it was read (409).
        public static let versionConflict = Code("version_conflict")
        /// An order with that ID already exists (409).
        public static let alreadyExists = Code("already_exists")
        /// A line or the order itself is malformed: no lines, a quantity below 1, mixed currencies (400).
        public static let invalidOrder = Code("invalid_order")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// What is wrong, for a person.
    public let message: String
    /// For ``Code/illegalTransition``: the status the order is in.
    public var from: OrderStatus?
    /// For ``Code/illegalTransition``: the status asked for.
    public var to: OrderStatus?
    /// For ``Code/invalidLines``: one issue per offending line.
    public var lineIssues: [OrderLineIssue]

    /// Creates an error.
    public init(
        code: Code, message: String, from: OrderStatus? = nil, to: OrderStatus? = nil, lineIssues: [OrderLineIssue] = []
    ) {
        self.code = code
        self.message = message
        self.from = from
        self.to = to
        self.lineIssues = lineIssues
    }

    /// The HTTP status for the code.
    public var status: Int {
        switch code {
        case .illegalTransition, .itemsLocked, .insufficientStock, .versionConflict, .alreadyExists: 409
        case .invalidLines: 422
        case .notFound: 404
        default: 400
        }
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}

/// A problem with one line of an order, such as a SKU the seller does not carry.
public struct OrderLineIssue: Sendable, Hashable {
    /// The line's position, from 0.
    public var line: Int
    /// The SKU on the line, as sent.
    public var sku: String
    /// A stable code: `unknown_sku` or `unmapped_sku`.
    public var code: String
    /// What is wrong, for a person.
    public var message: String

    /// Creates an issue.
    public init(line: Int, sku: String, code: String, message: String) {
        self.line = line
        self.sku = sku
        self.code = code
        self.message = message
    }
}
