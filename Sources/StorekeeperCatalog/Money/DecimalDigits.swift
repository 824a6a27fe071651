import StorekeeperJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The decimal digits of a finite `Decimal`, split at the point, for exact rounding and printing.
///
/// FoundationEssentials offers no decimal rounding, and rounding through `Double` is exactly what
/// money must never do, so rounding works on the digits `Decimal.description` prints (which are
/// exact: no exponent, no binary conversion).
struct DecimalDigits {
    var isNegative: Bool
    /// Integer digits without leading zeros; empty for values below one.
    var integer: [UInt8]
    /// Fraction digits without trailing zeros.
    var fraction: [UInt8]

    init(_ value: Decimal) {
        isNegative = value < 0
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        var inFraction = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "."): inFraction = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = byte - UInt8(ascii: "0")
                if inFraction {
                    fraction.append(digit)
                } else if !(integer.isEmpty && digit == 0) {
                    integer.append(digit)
                }
            default: continue
            }
        }
        while fraction.last == 0 { fraction.removeLast() }
        self.integer = integer
        self.fraction = fraction
    }

    /// The digits rounded to `scale` fraction digits under `rule`.
    func rounded(toScale scale: Int, rule: Money.RoundingRule) -> DecimalDigits {
        let scale = max(0, scale)
        guard fraction.count > scale else { return self }
        var result = self
        result.fraction = Array(fraction[..<scale])
        let firstDropped = fraction[scale]
        let restNonZero = fraction[(scale + 1)...].contains { $0 != 0 }
        let roundsAway: Bool
        if firstDropped > 5 || (firstDropped == 5 && restNonZero) {
            roundsAway = true
        } else if firstDropped == 5 {
            switch rule {
            case .halfUp:
                roundsAway = true
            case .bankers:
                let lastKept = result.fraction.last ?? result.integer.last ?? 0
                roundsAway = lastKept % 2 == 1
            }
        } else {
            roundsAway = false
        }
        if roundsAway { result.incrementLastDigit() }
        while result.fraction.last == 0 { result.fraction.removeLast() }
        return result
    }

    /// Adds one unit in the last kept place, carrying through fraction and integer digits.
    private mutating func incrementLastDigit() {
        var digits = integer + fraction
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] == 9 {
                digits[index] = 0
                index -= 1
            } else {
                digits[index] += 1
                break
            }
        }
        if index < 0 { digits.insert(1, at: 0) }
        let integerCount = digits.count - fraction.count
        integer = Array(digits[..<integerCount])
        fraction = Array(digits[integerCount...])
    }

    /// The value as plain decimal text with at least `minimumFractionDigits` fraction digits.
    func text(minimumFractionDigits: Int = 0) -> String {
        let isZero = integer.isEmpty && fraction.isEmpty
        var bytes: [UInt8] = []
        if isNegative && !isZero { bytes.append(UInt8(ascii: "-")) }
        if integer.isEmpty {
            bytes.append(UInt8(ascii: "0"))
        } else {
            bytes.append(contentsOf: integer.map { $0 + UInt8(ascii: "0") })
        }
        let fractionCount = max(fraction.count, minimumFractionDigits)
        if fractionCount > 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(contentsOf: fraction.map { $0 + UInt8(ascii: "0") })
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: fractionCount - fraction.count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The exact `Decimal` for these digits, or `nil` beyond `Decimal`'s 38 significant digits.
    var decimal: Decimal? {
        JSONNumber(text: text())?.decimalValue
    }
}
