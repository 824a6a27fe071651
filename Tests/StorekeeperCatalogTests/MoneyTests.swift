import StorekeeperCatalog
import StorekeeperJSON
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Money")
struct MoneyTests {
    private func usd(_ text: String) throws -> Money {
        try Money(parsing: text, currency: .usd)
    }

    @Test("parsing keeps every digit exactly")
    func parsingIsExact() throws {
        let price = try usd("14.95")
        #expect(price.amount == Decimal(1495) / Decimal(100))
        #expect(price.amountText == "14.95")
        let sum = try usd("0.1").adding(usd("0.2"))
        #expect(sum == (try usd("0.3")))
        #expect(try usd("1.5e2").amountText == "150.00")
        #expect(try usd("-3").amountText == "-3.00")
        #expect(
            try usd("123456789012345678901234567890.12345678").amountText == "123456789012345678901234567890.12345678")
    }

    @Test(
        "text outside the JSON number grammar is refused",
        arguments: ["", "14,95", " 14.95", "14.95 ", "+1", ".5", "1.", "01", "NaN", "Infinity", "1e", "12abc", "$1"]
    )
    func invalidText(text: String) {
        let error = #expect(throws: MoneyError.self) { try Money(parsing: text, currency: .usd) }
        #expect(error?.code == .invalidAmount)
    }

    @Test("numbers Decimal cannot hold exactly are out of range, not rounded")
    func outOfRange() {
        let tooPrecise = String(repeating: "1", count: 39)
        #expect(
            (#expect(throws: MoneyError.self) { try Money(parsing: tooPrecise, currency: .usd) })?.code
                == .amountOutOfRange
        )
        #expect(throws: MoneyError.self) { try Money(parsing: "1e400", currency: .usd) }
    }

    @Test("JSON numbers convert from their text, never through Double")
    func fromJSONNumber() throws {
        let value = try JSONValue(parsing: Array(#"{"minPrice": 19.99, "big": 0.30000000000000004}"#.utf8))
        guard case .object(let object) = value,
            case .number(let minPrice)? = object["minPrice"],
            case .number(let big)? = object["big"]
        else {
            Issue.record("unexpected shape \(value)")
            return
        }
        #expect(try Money(jsonNumber: minPrice, currency: .usd).amountText == "19.99")
        #expect(try Money(jsonNumber: big, currency: .usd).amountText == "0.30000000000000004")
        #expect(try Money(jsonNumber: 43, currency: .jpy).amountText == "43")
    }

    @Test("NaN is not money")
    func notANumber() {
        #expect(throws: MoneyError.self) { try Money(Decimal.nan, currency: .usd) }
    }

    @Test(
        "banker's and half-up rounding",
        arguments: [
            ("2.345", 2, "2.34", "2.35"), ("2.355", 2, "2.36", "2.36"), ("2.3451", 2, "2.35", "2.35"),
            ("-2.345", 2, "-2.34", "-2.35"), ("0.5", 0, "0", "1"), ("1.5", 0, "2", "2"), ("2.5", 0, "2", "3"),
            ("9.995", 2, "10", "10"), ("99.5", 0, "100", "100"), ("-0.004", 2, "0", "0"), ("1.2", 3, "1.2", "1.2"),
            ("0.125", 2, "0.12", "0.13"), ("12345.6789", 1, "12345.7", "12345.7"),
        ]
    )
    func rounding(text: String, scale: Int, bankers: String, halfUp: String) throws {
        let money = try Money(parsing: text, currency: .usd)
        #expect(money.rounded(toScale: scale, rule: .bankers).amount == (try usd(bankers)).amount)
        #expect(money.rounded(toScale: scale, rule: .halfUp).amount == (try usd(halfUp)).amount)
    }

    @Test("rounding to minor units follows the currency's scale")
    func minorUnits() throws {
        let dollars = try usd("14.955")
        #expect(!dollars.hasMinorUnitPrecision)
        #expect(dollars.roundedToMinorUnits().amountText == "14.96")
        #expect(dollars.roundedToMinorUnits(rule: .halfUp).amountText == "14.96")
        let yen = try Money(parsing: "100.5", currency: .jpy)
        #expect(yen.roundedToMinorUnits().amountText == "100")
        #expect(yen.roundedToMinorUnits(rule: .halfUp).amountText == "101")
        let dinar = try Money(parsing: "1.23456", currency: .kwd)
        #expect(dinar.roundedToMinorUnits().amountText == "1.235")
        #expect(try usd("14.90").hasMinorUnitPrecision)
        #expect(try usd("14.9").amountText == "14.90")
    }

    @Test("arithmetic refuses mixed currencies")
    func mixedCurrencies() throws {
        let dollars = try usd("1.00")
        let euros = try Money(parsing: "1.00", currency: .eur)
        for operation in [{ try dollars.adding(euros) }, { try dollars.subtracting(euros) }] {
            let error = #expect(throws: MoneyError.self) { try operation() }
            #expect(error?.code == .currencyMismatch)
            #expect(error?.httpStatus == 422)
        }
        #expect(throws: MoneyError.self) { try dollars.isLess(than: euros) }
        #expect(throws: MoneyError.self) { try Money.sum(of: [dollars, euros], in: .usd) }
        #expect(dollars != euros)
    }

    @Test("line totals, sums, differences and comparisons are exact")
    func arithmetic() throws {
        #expect(try usd("14.95").multiplied(by: 3).amountText == "44.85")
        #expect(try usd("14.95").multiplied(by: 0).isZero)
        #expect(try usd("14.95").multiplied(by: -2).amountText == "-29.90")
        #expect(try usd("10").subtracting(usd("10.01")).isNegative)
        let total = try Money.sum(of: [usd("0.10"), usd("0.20"), usd("44.85")], in: .usd)
        #expect(total.amountText == "45.15")
        #expect(try Money.sum(of: [], in: .eur) == .zero(in: .eur))
        #expect(try usd("1.99").isLess(than: usd("2")))
        #expect(try !usd("2").isLess(than: usd("2.00")))
        #expect(try usd("14.9") == usd("14.90"))
    }

    @Test("overflow is an error, not NaN")
    func overflow() throws {
        let huge = try Money(parsing: String(repeating: "9", count: 38) + "e127", currency: .usd)
        let error = #expect(throws: MoneyError.self) { try huge.multiplied(by: 1_000) }
        #expect(error?.code == .overflow)
    }

    @Test("amounts render as exact JSON numbers and descriptions")
    func rendering() throws {
        let money = try usd("14.9")
        #expect(money.jsonNumber.text == "14.90")
        #expect(money.description == "14.90 USD")
        #expect(try Money(parsing: "1000", currency: .jpy).description == "1000 JPY")
        #expect(try usd("0.001").amountText == "0.001")
        let tiny = try usd("1e-30")
        #expect(tiny.amountText == "0." + String(repeating: "0", count: 29) + "1")
        #expect(tiny.roundedToMinorUnits().isZero)
        #expect(
            try usd("123e120").rounded(toScale: 2, rule: .halfUp).amountText == "123"
                + String(repeating: "0", count: 120) + ".00")
    }

    @Test("Codable writes the amount as a string and reads it back exactly")
    func codable() throws {
        let money = try usd("14.95")
        let data = try JSONEncoder().encode(money)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""amount":"14.95""#))
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
        let bad = Data(#"{"amount":"14,95","currency":{"code":"USD","minorUnits":2}}"#.utf8)
        #expect(throws: MoneyError.self) { try JSONDecoder().decode(Money.self, from: bad) }
    }
}
