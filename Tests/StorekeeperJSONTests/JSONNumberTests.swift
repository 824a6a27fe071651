import StorekeeperJSON
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("JSON numbers")
struct JSONNumberTests {
    @Test("keeps the exact text of every number")
    func keepsText() throws {
        for text in ["0", "-0", "14.95", "1e400", "-1E-400", "123456789012345678901234567890", "0.10"] {
            let value = try JSONValue(parsing: Array(text.utf8))
            #expect(value.number?.text == text)
            #expect(String(decoding: JSONWriter().serialize(value), as: UTF8.self) == text)
        }
    }

    @Test("Int64 only for integer literals within range")
    func int64Value() {
        #expect(JSONNumber(text: "9223372036854775807")?.int64Value == Int64.max)
        #expect(JSONNumber(text: "-9223372036854775808")?.int64Value == Int64.min)
        #expect(JSONNumber(text: "9223372036854775808")?.int64Value == nil)
        #expect(JSONNumber(text: "-9223372036854775809")?.int64Value == nil)
        #expect(JSONNumber(text: "99999999999999999999")?.int64Value == nil)
        #expect(JSONNumber(text: "1.0")?.int64Value == nil)
        #expect(JSONNumber(text: "1e2")?.int64Value == nil)
        #expect(JSONNumber(text: "-0")?.int64Value == nil)
        #expect(JSONNumber(text: "42")?.intValue == 42)
        #expect(JSONNumber(text: "42")?.isIntegerLiteral == true)
        #expect(JSONNumber(text: "99999999999999999999")?.isIntegerLiteral == true)
        #expect(JSONNumber(text: "4.2")?.isIntegerLiteral == false)
        #expect(JSONNumber(text: "4E2")?.isIntegerLiteral == false)
    }

    @Test("Decimal values are exact and never pass through Double")
    func decimalValue() throws {
        let cases: [(String, String)] = [
            ("14.95", "14.95"), ("0.1", "0.1"), ("-0.05", "-0.05"), ("1e3", "1000"), ("2.5E-3", "0.0025"),
            ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
            ("100", "100"), ("0.000", "0"), ("-7", "-7"),
        ]
        for (text, expected) in cases {
            let decimal = try #require(JSONNumber(text: text)?.decimalValue, "\(text)")
            #expect(decimal == Decimal(string: expected), "\(text)")
        }
        #expect(JSONNumber(text: "123456789012345678901234567890123456789")?.decimalValue == nil)
        #expect(JSONNumber(text: "1e400")?.decimalValue == nil)
        #expect(JSONNumber(text: "1e-400")?.decimalValue == nil)
        #expect(JSONNumber(text: "1000e124")?.decimalValue == Decimal(string: "1e127"))
        #expect(JSONNumber(text: "1e128")?.decimalValue == nil)
    }

    /// Short decimals without an exponent (read from one integer) equal the general reading.
    @Test(
        "short plain decimals read exactly as the general reading does",
        arguments: [
            "14.95", "0.10", "100", "-0.05", "9999999999999999999", "-999999999999999999", "1.000000000000000001",
            "0", "-0", "-0.000", "123.4500", "0.0000000000000001", "1000000000000000000", "7",
        ])
    func shortDecimals(text: String) throws {
        // An exponent sends the same number through the general reading.
        let short = try #require(JSONNumber(text: text)?.decimalValue)
        let general = try #require(JSONNumber(text: text + "e0")?.decimalValue)
        #expect(short == general)
        #expect(short.description == general.description)
        #expect(short.exponent == general.exponent)
        #expect(short.significand == general.significand)
        #expect(short.sign == general.sign)
    }

    @Test(
        "text that is not a JSON number is refused",
        arguments: ["", "+1", "01", ".5", "5.", "1e", "NaN", "0x1", " 1", "1 "])
    func rejectsInvalidText(text: String) {
        #expect(JSONNumber(text: text) == nil)
    }

    @Test("integers compare by value, other numbers by text")
    func equality() {
        #expect(JSONNumber(5) == JSONNumber(text: "5"))
        #expect(JSONNumber(Int64(5)) == 5)
        #expect(JSONNumber(text: "1.0") != JSONNumber(1))
        #expect(JSONNumber(text: "1.50") == JSONNumber(text: "1.50"))
    }

    @Test("decimals become numbers with their exact value; NaN does not")
    func fromDecimal() throws {
        let price = try #require(Decimal(string: "19.99"))
        #expect(JSONNumber(price)?.text == "19.99")
        #expect(JSONNumber(price)?.decimalValue == price)
        #expect(JSONNumber(Decimal(7))?.int64Value == 7)
        #expect(JSONNumber(Decimal.nan) == nil)
    }
}
