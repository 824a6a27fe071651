import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("PricingSettings")
struct PricingSettingsTests {
    private func usd(_ text: String) throws -> Money { try Money(parsing: text, currency: .usd) }

    @Test("the minimum must not exceed the maximum; equal is allowed")
    func minimumAtMostMaximum() throws {
        let error = #expect(throws: PricingError.self) {
            try PricingSettings(minPrice: usd("50"), maxPrice: usd("40"))
        }
        #expect(error?.code == .minimumAboveMaximum)
        #expect(error?.field == "minPrice")
        #expect(error?.httpStatus == 400)
        let pinned = try PricingSettings(minPrice: usd("40"), maxPrice: usd("40.00"))
        #expect(pinned.minPrice == pinned.maxPrice)
    }

    @Test("prices are not negative and share one currency")
    func pricesAreConsistent() throws {
        let negative = #expect(throws: PricingError.self) { try PricingSettings(costPrice: usd("-1")) }
        #expect(negative?.code == .negativePrice)
        #expect(negative?.field == "costPrice")
        let mixed = #expect(throws: PricingError.self) {
            try PricingSettings(minPrice: usd("1"), maxPrice: Money(parsing: "2", currency: .eur))
        }
        #expect(mixed?.code == .currencyMismatch)
        #expect(mixed?.field == "maxPrice")
        #expect(try PricingSettings().currency == nil)
        #expect(try PricingSettings(costPrice: usd("3")).currency == .usd)
    }

    @Test("defaults: monitoring on, automatic repricing off")
    func defaults() throws {
        let settings = try PricingSettings()
        #expect(settings.isActive)
        #expect(!settings.autoReprice)
    }

    @Test("a partial update is checked against the merged settings")
    func partialUpdate() throws {
        let settings = try PricingSettings(minPrice: usd("19.99"), maxPrice: usd("40"))
        let error = #expect(throws: PricingError.self) {
            try settings.updated(with: .init(minPrice: usd("50")))
        }
        #expect(error?.code == .minimumAboveMaximum)
        let raised = try settings.updated(with: .init(minPrice: usd("50"), maxPrice: usd("60"), autoReprice: true))
        #expect(raised.minPrice == (try usd("50")))
        #expect(raised.maxPrice == (try usd("60")))
        #expect(raised.autoReprice)
        #expect(raised.isActive)
        let paused = try settings.updated(with: .init(isActive: false))
        #expect(!paused.isActive)
        #expect(paused.minPrice == settings.minPrice)
    }

    @Test("settings round-trip through Codable and decode only when valid")
    func codable() throws {
        let settings = try PricingSettings(
            minPrice: usd("1"), costPrice: usd("0.5"), autoReprice: true, isActive: false)
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(PricingSettings.self, from: data) == settings)
        let usd = #"{"code":"USD","minorUnits":2}"#
        let json =
            #"{"minPrice":{"amount":"5","currency":USD},"maxPrice":{"amount":"4","currency":USD},"#
            + #""autoReprice":true,"isActive":true}"#
        let invalid = Data(json.replacing("USD", with: usd).utf8)
        #expect(throws: PricingError.self) { try JSONDecoder().decode(PricingSettings.self, from: invalid) }
    }
}
