/// Why a ``CatalogStore`` refused a read or write.
///
/// Conflicts are typed: a taken SKU, URL key or number names the ``field``, the ``value`` and
/// the product that holds it, so an API can answer EverShop's "409 Conflict: the SKU or URL key
/// may already be in use" with which one.
///
/// ```swift
/// do {
///     _ = try await store.upsert(product, condition: .insertOnly, now: clock.now)
/// } catch let error as CatalogStoreError where error.code == .uniqueViolation {
///     error.field         // .sku
///     error.value         // "162636740101"
///     error.conflictingID // the product that has it
/// }
/// ```
///
/// Host implementations throw it through the factory methods (``notFound(_:)``,
/// ``versionConflict(_:expected:actual:)``, ``alreadyExists(_:)``,
/// ``uniqueViolation(field:value:productID:conflictingID:)``), so every store reports the same codes
/// and messages.
public struct CatalogStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; match the ones you handle.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The code's stable text, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// No product has the id.
        public static let notFound = Code("not_found")
        /// The stored version is not the one the write expected.
        public static let versionConflict = Code("version_conflict")
        /// An insert-only write found the id taken.
        public static let alreadyExists = Code("already_exists")
        /// A unique field (``Field/sku``, ``Field/urlKey``, ``Field/number``) has a value another
        /// live product holds, or a product repeats a SKU among its own variants.
        public static let uniqueViolation = Code("unique_violation")

        /// The code's stable text.
        public var description: String { rawValue }
    }

    /// A product field the store keeps unique, named as the partner APIs name it.
    public struct Field: Sendable, Hashable, CustomStringConvertible {
        /// The field's wire name, in snake case.
        public let rawValue: String

        private init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// A variant's SKU: unique across the variants of all live products.
        public static let sku = Field("sku")
        /// The URL key: unique across live products.
        public static let urlKey = Field("url_key")
        /// The numeric id: unique across all products, deleted ones included, and never reused.
        public static let number = Field("number")

        /// The field's wire name.
        public var description: String { rawValue }
    }

    /// The stable reason.
    public let code: Code
    /// A short explanation a person can act on.
    public let message: String
    /// The product the operation was about.
    public let productID: ProductID
    /// For ``Code/uniqueViolation``: the field whose value is taken.
    public let field: Field?
    /// For ``Code/uniqueViolation``: the taken value, as text.
    public let value: String?
    /// For ``Code/uniqueViolation``: the product holding the value (the written product itself
    /// when it repeats a SKU among its variants), when the store can tell. The in-memory store
    /// always can; a SQL store that learns of the violation from a unique index may not.
    public let conflictingID: ProductID?
    /// For ``Code/versionConflict``: the version the write expected.
    public let expectedVersion: Int64?
    /// For ``Code/versionConflict``: the version stored.
    public let actualVersion: Int64?

    /// Creates an error; prefer the factory methods, which write consistent messages.
    ///
    /// - Parameters:
    ///   - code: The stable reason.
    ///   - message: A short explanation.
    ///   - productID: The product the operation was about.
    ///   - field: The taken field, for unique violations.
    ///   - value: The taken value, for unique violations.
    ///   - conflictingID: The product holding the value, for unique violations.
    ///   - expectedVersion: The expected version, for version conflicts.
    ///   - actualVersion: The stored version, for version conflicts.
    public init(
        code: Code,
        message: String,
        productID: ProductID,
        field: Field? = nil,
        value: String? = nil,
        conflictingID: ProductID? = nil,
        expectedVersion: Int64? = nil,
        actualVersion: Int64? = nil
    ) {
        self.code = code
        self.message = message
        self.productID = productID
        self.field = field
        self.value = value
        self.conflictingID = conflictingID
        self.expectedVersion = expectedVersion
        self.actualVersion = actualVersion
    }

    /// No product has the id.
    ///
    /// - Parameter id: The id looked for.
    /// - Returns: A ``Code/notFound`` error.
    public static func notFound(_ id: ProductID) -> CatalogStoreError {
        CatalogStoreError(code: .notFound, message: "No product has the id \(id).", productID: id)
    }

    /// The stored version is not the expected one.
    ///
    /// - Parameters:
    ///   - id: The product.
    ///   - expected: The version the write expected.
    ///   - actual: The version stored.
    /// - Returns: A ``Code/versionConflict`` error.
    public static func versionConflict(_ id: ProductID, expected: Int64, actual: Int64) -> CatalogStoreError {
        CatalogStoreError(
            code: .versionConflict,
            message: "Product \(id) is at version \(actual), not \(expected): someone else changed it. "
                + "Read it again and retry.",
            productID: id,
            expectedVersion: expected,
            actualVersion: actual
        )
    }

    /// An insert-only write found the id taken.
    ///
    /// - Parameter id: The product.
    /// - Returns: An ``Code/alreadyExists`` error.
    public static func alreadyExists(_ id: ProductID) -> CatalogStoreError {
        CatalogStoreError(code: .alreadyExists, message: "A product with the id \(id) already exists.", productID: id)
    }

    /// A unique field's value is taken.
    ///
    /// - Parameters:
    ///   - field: The field.
    ///   - value: The taken value, as text.
    ///   - productID: The product being written.
    ///   - conflictingID: The product that holds the value, if the store can tell.
    /// - Returns: A ``Code/uniqueViolation`` error.
    public static func uniqueViolation(
        field: Field,
        value: String,
        productID: ProductID,
        conflictingID: ProductID?
    ) -> CatalogStoreError {
        let message =
            switch conflictingID {
            case productID: "Product \(productID) repeats the \(field) \(value) among its variants."
            case let other?: "The \(field) \(value) is already used by product \(other)."
            case nil: "The \(field) \(value) is already used by another product."
            }
        return CatalogStoreError(
            code: .uniqueViolation,
            message: message,
            productID: productID,
            field: field,
            value: value,
            conflictingID: conflictingID
        )
    }

    /// The HTTP status a response reporting this error carries: 404 for ``Code/notFound``, 409
    /// for every conflict. (An API that took the expected version from `If-Match` answers a
    /// version conflict with 412 instead.)
    public var httpStatus: Int {
        code == .notFound ? 404 : 409
    }

    /// `"<code>: <message>"`.
    public var description: String { "\(code): \(message)" }
}
