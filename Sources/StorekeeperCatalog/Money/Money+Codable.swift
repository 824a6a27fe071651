extension Money: Codable {
    private enum CodingKeys: String, CodingKey {
        case amount
        case currency
    }

    /// Decodes `{"amount": "14.95", "currency": {"code": "USD", "minorUnits": 2}}`.
    ///
    /// The amount is a string so that no coder can route it through `Double`; it is parsed with
    /// ``init(parsing:currency:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        try self.init(parsing: text, currency: currency)
    }

    /// Encodes `{"amount": "14.95", "currency": {"code": "USD", "minorUnits": 2}}`, with the
    /// exact ``amountText``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }
}
