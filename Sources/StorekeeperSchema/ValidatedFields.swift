public import StorekeeperJSON

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Read access to a value that has passed its schema, for ``SchemaDecodable/init(validated:)``.
///
/// Because the schema already checked presence and types, the accessors return plain values:
/// a required field is there with the right type. If a model reads a field its schema does not
/// guarantee, it gets an empty value (`""`, `0`, `false`, `[]`) rather than a crash; the
/// `optional...` accessors return `nil` for absent or `null` members.
public struct ValidatedFields: Sendable {
    /// The validated value.
    public let value: JSONValue

    /// Wraps a validated value.
    @inlinable
    public init(_ value: JSONValue) {
        self.value = value
    }

    /// The member `name`, or `nil` when absent or `null`.
    @inlinable
    public subscript(name: String) -> JSONValue? {
        guard let member = value[name], !member.isNull else { return nil }
        return member
    }

    // The typed accessors read the member in place: no copy of the object or of the member
    // before the value they return.

    /// A string member.
    public func string(_ name: String) -> String { optionalString(name) ?? "" }
    /// A string member that may be absent or `null`.
    public func optionalString(_ name: String) -> String? {
        guard case .object(let object) = value, let index = object.index(forKey: name),
            case .string(let text) = object.members[index].value
        else { return nil }
        return text
    }
    /// A date-time member (validated with `.string(format: .dateTime)`) as an instant, or `nil`
    /// when absent, `null` or not an RFC 3339 date-time.
    public func optionalDate(_ name: String) -> Date? {
        optionalString(name).flatMap(RFC3339Time.parse)
    }
    /// A Boolean member.
    public func bool(_ name: String) -> Bool { optionalBool(name) ?? false }
    /// A Boolean member that may be absent or `null`.
    public func optionalBool(_ name: String) -> Bool? {
        guard case .object(let object) = value, let index = object.index(forKey: name),
            case .bool(let flag) = object.members[index].value
        else { return nil }
        return flag
    }
    /// An integer member.
    public func int64(_ name: String) -> Int64 { optionalInt64(name) ?? 0 }
    /// An integer member that may be absent or `null`.
    public func optionalInt64(_ name: String) -> Int64? { number(name)?.int64Value }
    /// A decimal member, exact.
    public func decimal(_ name: String) -> Decimal { optionalDecimal(name) ?? 0 }
    /// A decimal member that may be absent or `null`.
    public func optionalDecimal(_ name: String) -> Decimal? { number(name)?.decimalValue }
    /// An array of strings.
    public func strings(_ name: String) -> [String] {
        guard case .object(let object) = value, let index = object.index(forKey: name),
            case .array(let elements) = object.members[index].value
        else { return [] }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            if case .string(let text) = element { result.append(text) }
        }
        return result
    }

    private func number(_ name: String) -> JSONNumber? {
        guard case .object(let object) = value, let index = object.index(forKey: name),
            case .number(let number) = object.members[index].value
        else { return nil }
        return number
    }

    /// An object of string values, such as Spring's variant `attributes`.
    public func stringDictionary(_ name: String) -> [String: String] {
        guard case .object(let object) = value, let index = object.index(forKey: name),
            case .object(let dictionary) = object.members[index].value
        else { return [:] }
        var result = [String: String](minimumCapacity: dictionary.count)
        for member in dictionary.members {
            if case .string(let text) = member.value { result[member.key] = text }
        }
        return result
    }
    /// An object member, for a nested model.
    @inlinable
    public func fields(_ name: String) -> ValidatedFields { ValidatedFields(self[name] ?? .object(JSONObject())) }
    /// An array of objects, for nested models.
    @inlinable
    public func fieldsArray(_ name: String) -> [ValidatedFields] {
        guard case .array(let elements)? = self[name] else { return [] }
        var result: [ValidatedFields] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(ValidatedFields(element))
        }
        return result
    }
    /// A nested model.
    @inlinable
    public func decode<Model: SchemaDecodable>(_ name: String, as type: Model.Type = Model.self) -> Model {
        Model(validated: fields(name))
    }
    /// An array of nested models.
    @inlinable
    public func decodeArray<Model: SchemaDecodable>(_ name: String, as type: Model.Type = Model.self) -> [Model] {
        guard case .array(let elements)? = self[name] else { return [] }
        var models: [Model] = []
        models.reserveCapacity(elements.count)
        for element in elements {
            models.append(Model(validated: ValidatedFields(element)))
        }
        return models
    }
}
