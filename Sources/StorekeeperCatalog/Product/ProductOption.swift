/// A customer's choice on a product, such as "Engraving" or "Gift wrap", with values that may
/// add to the price.
///
/// This is EverShop's `options` array: `option_name`, `option_type` (`select` or
/// `multiselect`), `is_required`, and `values` with `value` and `extra_price`. Option and value
/// ids are EverShop's numeric `option_id` and `value_id`, present once stored.
///
/// ```swift
/// let wrap = ProductOption(
///     name: "Gift wrap",
///     kind: .select,
///     values: [.init(value: "Paper", extraPrice: try Money(parsing: "2.50", currency: .usd))]
/// )
/// ```
public struct ProductOption: Sendable, Hashable, Codable {
    /// How many values a customer may pick.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exactly one value (a drop-down).
        case select
        /// Any number of values (check boxes).
        case multiselect
    }

    /// One value a customer can pick.
    public struct Value: Sendable, Hashable, Codable {
        /// The partner's numeric id for the value, such as EverShop's `value_id`.
        public var id: Int64?
        /// The value's text, such as `"Paper"`. EverShop's create request may omit it.
        public var value: String?
        /// What picking the value adds to the price; `nil` when the partner sent none.
        public var extraPrice: Money?

        /// Creates a value.
        ///
        /// - Parameters:
        ///   - id: The partner's numeric id, if any.
        ///   - value: The value's text.
        ///   - extraPrice: What the value adds to the price.
        public init(id: Int64? = nil, value: String?, extraPrice: Money? = nil) {
            self.id = id
            self.value = value
            self.extraPrice = extraPrice
        }
    }

    /// The partner's numeric id for the option, such as EverShop's `option_id`.
    public var id: Int64?
    /// The option's name, such as `"Gift wrap"`.
    public var name: String
    /// Whether one or several values may be picked.
    public var kind: Kind
    /// Whether the customer must pick a value.
    public var isRequired: Bool
    /// The values on offer, in display order.
    public var values: [Value]

    /// Creates an option.
    ///
    /// - Parameters:
    ///   - id: The partner's numeric id, if any.
    ///   - name: The option's name.
    ///   - kind: `select` or `multiselect`.
    ///   - isRequired: Whether a value must be picked; `false` unless stated.
    ///   - values: The values on offer.
    public init(id: Int64? = nil, name: String, kind: Kind, isRequired: Bool = false, values: [Value]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.isRequired = isRequired
        self.values = values
    }
}
