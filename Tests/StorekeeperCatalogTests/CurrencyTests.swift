import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Currency")
struct CurrencyTests {
    @Test(
        "ISO 4217 codes carry their minor units",
        arguments: [
            ("USD", 2), ("EUR", 2), ("GBP", 2), ("JPY", 0), ("KRW", 0), ("CLP", 0), ("ISK", 0),
            ("KWD", 3), ("BHD", 3), ("TND", 3), ("OMR", 3), ("CLF", 4), ("HUF", 2), ("XCG", 2),
        ]
    )
    func isoScales(code: String, minorUnits: Int) throws {
        let currency = try Currency(code: code)
        #expect(currency.code == code)
        #expect(currency.minorUnits == minorUnits)
        #expect(currency.isISO4217)
    }

    @Test("lower-case codes are upper-cased")
    func lowerCase() throws {
        #expect(try Currency(code: "usd") == .usd)
        #expect(try Currency(code: "jPy") == .jpy)
    }

    @Test("codes outside the table are refused rather than guessed")
    func unknownCode() {
        let error = #expect(throws: MoneyError.self) { try Currency(code: "UDS") }
        #expect(error?.code == .unknownCurrency)
        #expect(error?.httpStatus == 400)
        // Withdrawn codes are not current money either.
        #expect(throws: MoneyError.self) { try Currency(code: "HRK") }
    }

    @Test("malformed codes are invalid", arguments: ["", "US", "USDX", "U$D", "12A", "ÜSD"])
    func malformed(code: String) {
        let error = #expect(throws: MoneyError.self) { try Currency(code: code) }
        #expect(error?.code == .malformedCurrency)
    }

    @Test("a custom currency states its scale; a listed code must keep the ISO scale")
    func custom() throws {
        let points = try Currency(code: "XPT", minorUnits: 0)
        #expect(points.minorUnits == 0)
        #expect(!points.isISO4217)
        #expect(try Currency(code: "USD", minorUnits: 2) == .usd)
        let wrongScale = #expect(throws: MoneyError.self) { try Currency(code: "USD", minorUnits: 3) }
        #expect(wrongScale?.code == .invalidMinorUnits)
        #expect(throws: MoneyError.self) { try Currency(code: "ABC", minorUnits: -1) }
        #expect(throws: MoneyError.self) { try Currency(code: "ABC", minorUnits: Currency.maximumMinorUnits + 1) }
    }

    @Test("currencies round-trip through Codable, custom ones included")
    func codable() throws {
        let custom = try Currency(code: "ABC", minorUnits: 5)
        for currency in [Currency.usd, .jpy, custom] {
            let data = try JSONEncoder().encode(currency)
            #expect(try JSONDecoder().decode(Currency.self, from: data) == currency)
        }
        let forged = Data(#"{"code":"USD","minorUnits":0}"#.utf8)
        #expect(throws: MoneyError.self) { try JSONDecoder().decode(Currency.self, from: forged) }
    }
}
