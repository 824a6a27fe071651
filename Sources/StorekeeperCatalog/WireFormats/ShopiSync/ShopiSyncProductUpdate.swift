public import StorekeeperJSON
public import StorekeeperSchema

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of ShopiSync's `PUT /v1/products/:productId`: every field optional, only the fields
/// sent change.
///
/// Prices are JSON numbers (the seed's `{"minPrice": 19.99, "autoReprice": true}`), never
/// negative, read exactly from their text; members the API does not document are refused, so a
/// typo such as `minprice` is reported instead of silently ignored.
public struct ShopiSyncProductUpdate: SchemaDecodable, Hashable {
    /// The schema: `minPrice`, `maxPrice`, `costPrice` (numbers ≥ 0), `autoReprice`, `active` (Booleans).
    public static let schema = Schema.object(
        [
            .optional("minPrice", .decimal(minimum: 0).described("Minimum price floor")),
            .optional("maxPrice", .decimal(minimum: 0).described("Maximum price ceiling")),
            .optional("costPrice", .decimal(minimum: 0).described("Cost price for margin calculations")),
            .optional("autoReprice", .boolean().described("Enable or disable automatic repricing")),
            .optional("active", .boolean().described("Enable or disable price monitoring")),
        ],
        unknownFields: .reject
    )

    /// The new minimum price, as sent.
    public var minPrice: JSONNumber?
    /// The new maximum price, as sent.
    public var maxPrice: JSONNumber?
    /// The new cost price, as sent.
    public var costPrice: JSONNumber?
    /// Whether repricing runs automatically.
    public var autoReprice: Bool?
    /// Whether the product's prices are monitored.
    public var active: Bool?

    /// An update from validated fields.
    public init(validated fields: ValidatedFields) {
        minPrice = fields["minPrice"]?.number
        maxPrice = fields["maxPrice"]?.number
        costPrice = fields["costPrice"]?.number
        autoReprice = fields.optionalBool("autoReprice")
        active = fields.optionalBool("active")
    }

    /// The pricing change in `currency`.
    ///
    /// - Throws: ``PricingError`` naming the field when a price has more fraction digits than
    ///   the currency's minor unit (19.999 in USD) or is out of range.
    public func pricingUpdate(currency: Currency) throws(PricingError) -> PricingSettings.Update {
        PricingSettings.Update(
            minPrice: try Self.money(minPrice, field: "minPrice", currency: currency),
            maxPrice: try Self.money(maxPrice, field: "maxPrice", currency: currency),
            costPrice: try Self.money(costPrice, field: "costPrice", currency: currency),
            autoReprice: autoReprice,
            isActive: active
        )
    }

    private static func money(_ number: JSONNumber?, field: String, currency: Currency) throws(PricingError) -> Money? {
        guard let number else { return nil }
        let money: Money
        do {
            money = try Money(jsonNumber: number, currency: currency)
        } catch {
            throw PricingError(code: .invalidPrice, message: "\(field): \(error.message)", field: field)
        }
        guard money.hasMinorUnitPrecision else {
            throw PricingError(
                code: .invalidPrice,
                message: "\(field) has more fraction digits than \(currency.code) allows (\(number.text)).",
                field: field)
        }
        return money
    }
}
