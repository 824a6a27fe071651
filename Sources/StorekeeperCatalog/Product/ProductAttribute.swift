/// A named attribute of a product or variant, such as `color: Green` or `materials: [cotton, silk]`.
///
/// Spring sends a variant's attributes as a JSON object of name/value pairs; EverShop sends a
/// product's as an array of `{attribute_code, value}` where the value is a string or an array.
/// Both become an ordered list of `ProductAttribute`, so a profile can render them back in the
/// order it received them.
///
/// ```swift
/// let color = ProductAttribute(code: "color", value: .text("Green"))
/// ```
public struct ProductAttribute: Sendable, Hashable {
    /// The value of an attribute: one string or a list of strings.
    public enum Value: Sendable, Hashable {
        /// A single value, such as `"Green"`.
        case text(String)
        /// Several values, such as `["cotton", "silk"]`.
        case list([String])
    }

    /// The attribute's name or code, such as `"color"`.
    public var code: String
    /// The attribute's value.
    public var value: Value

    /// Creates an attribute.
    ///
    /// - Parameters:
    ///   - code: The attribute's name or code.
    ///   - value: Its value.
    public init(code: String, value: Value) {
        self.code = code
        self.value = value
    }
}

extension ProductAttribute: Codable {
    private enum CodingKeys: String, CodingKey {
        case code
        case value
    }

    /// Decodes `{"code": "color", "value": "Green"}` or `{"code": "materials", "value": ["cotton", "silk"]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        if let list = try? container.decode([String].self, forKey: .value) {
            value = .list(list)
        } else {
            value = .text(try container.decode(String.self, forKey: .value))
        }
    }

    /// Encodes the value as a JSON string or an array of strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        switch value {
        case .text(let text): try container.encode(text, forKey: .value)
        case .list(let list): try container.encode(list, forKey: .value)
        }
    }
}
