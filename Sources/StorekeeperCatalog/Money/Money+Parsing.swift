public import StorekeeperJSON

extension Money {
    /// Parses an amount written as decimal text, exactly.
    ///
    /// The text must follow JSON's number grammar (`"14.95"`, `"-3"`, `"1.5e2"`): no sign other
    /// than a leading `-`, no spaces, no thousands separators, no `"14,95"`, no `".5"`. APIs that
    /// send prices as strings (Spring's `"price": "14.95"`, EverShop's `"price": "43"`) use this.
    ///
    /// ```swift
    /// try Money(parsing: "14.95", currency: .usd).amount  // exactly 14.95
    /// ```
    ///
    /// - Parameters:
    ///   - text: The amount in major units.
    ///   - currency: The currency.
    /// - Throws: ``MoneyError/Code/invalidAmount`` for text outside the grammar,
    ///   ``MoneyError/Code/amountOutOfRange`` beyond 38 significant digits or `Decimal`'s exponent range.
    public init(parsing text: some StringProtocol, currency: Currency) throws(MoneyError) {
        guard let number = JSONNumber(text: text) else {
            throw MoneyError(
                code: .invalidAmount,
                message: "'\(text)' is not a decimal amount such as 14.95."
            )
        }
        try self.init(jsonNumber: number, currency: currency)
    }

    /// Converts a JSON number to money exactly, from its text and never through `Double`.
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: Array(#"{"minPrice": 19.99}"#.utf8))
    /// // take the JSONNumber out of the object, then:
    /// // try Money(jsonNumber: number, currency: .usd)
    /// ```
    ///
    /// - Parameters:
    ///   - jsonNumber: A number as parsed from JSON.
    ///   - currency: The currency.
    /// - Throws: ``MoneyError/Code/amountOutOfRange`` when `Decimal` cannot hold the number exactly.
    public init(jsonNumber: JSONNumber, currency: Currency) throws(MoneyError) {
        guard let amount = jsonNumber.decimalValue else {
            throw MoneyError(
                code: .amountOutOfRange,
                message: "\(jsonNumber.text) has more than 38 significant digits or is out of range for an amount."
            )
        }
        self.init(checked: amount, currency: currency)
    }
}
