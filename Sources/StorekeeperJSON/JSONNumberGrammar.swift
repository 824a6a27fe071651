#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 8259 number grammar and exact conversions, shared by the parser and ``JSONNumber``.
enum JSONNumberGrammar {
    /// The failure of ``length(of:from:)``: where the number went wrong and why.
    struct Failure: Error {
        let offset: Int
        let reason: String
    }

    /// The length of the number starting at `start`, or the offset and reason it is malformed.
    ///
    /// Grammar: `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result<Int, Failure> {
        var index = start
        let end = bytes.count
        if index < end, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end, isDigit(bytes[index]) else {
            return .failure(Failure(offset: index, reason: "expected a digit"))
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < end, isDigit(bytes[index]) {
                return .failure(Failure(offset: index, reason: "leading zeros are not allowed in numbers"))
            }
        } else {
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < end, isDigit(bytes[index]) else {
                return .failure(Failure(offset: index, reason: "expected a digit after the decimal point"))
            }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < end, isDigit(bytes[index]) else {
                return .failure(Failure(offset: index, reason: "expected a digit in the exponent"))
            }
            while index < end, isDigit(bytes[index]) { index += 1 }
        }
        return .success(index - start)
    }

    /// The length of the valid number starting at `start`, or `nil` if it is malformed.
    static func length(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        if case .success(let length) = scan(bytes, from: start) { length } else { nil }
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The value of a valid JSON number's text if it is an integer literal within `Int64`,
    /// written canonically (so `-0` stays text).
    static func canonicalInt64(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { canonicalInt64($0) }
    }

    /// See ``canonicalInt64(_:)-(String)``; `bytes` is a valid JSON number.
    static func canonicalInt64(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard bytes.count - index <= 19, bytes.count > index else { return nil }
        if negative, bytes.count == 2, bytes[1] == UInt8(ascii: "0") { return nil }
        var magnitude: UInt64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            magnitude = magnitude &* 10 &+ UInt64(digit)
            index += 1
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The exact `Decimal` of a valid JSON number's text, or `nil` if `Decimal` cannot hold it.
    ///
    /// Digits accumulate in a `UInt64` while they fit (19 significant digits, every price there
    /// is), so the common case allocates nothing; longer significands continue in `Decimal`.
    static func exactDecimal(_ text: String) -> Decimal? {
        if let decimal = text.utf8.withContiguousStorageIfAvailable({ exactDecimal(utf8: $0) }) {
            return decimal
        }
        var copy = text
        return copy.withUTF8 { exactDecimal(utf8: $0) }
    }

    /// See ``exactDecimal(_:)``; `text` is a valid JSON number's UTF-8.
    static func exactDecimal(utf8 text: UnsafeBufferPointer<UInt8>) -> Decimal? {
        if text.count <= 19, let decimal = shortDecimal(utf8: text) { return decimal }
        var negative = false
        var small: UInt64 = 0
        var large: Decimal? = nil
        var significantDigits = 0
        var pendingZeros = 0
        var exponent = 0
        var seenPoint = false
        var exponentValue = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "-") where !inExponent:
                negative = true
            case UInt8(ascii: "-"):
                exponentNegative = true
            case UInt8(ascii: "+"):
                continue
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            default:
                let digit = byte &- UInt8(ascii: "0")
                if inExponent {
                    // Saturate: anything past a few thousand is out of Decimal's range anyway.
                    exponentValue = min(exponentValue * 10 + Int(digit), 100_000)
                    continue
                }
                if seenPoint { exponent -= 1 }
                if digit == 0 {
                    // Zeros count only once a non-zero digit follows; trailing zeros become exponent.
                    if significantDigits > 0 { pendingZeros += 1 }
                    continue
                }
                for _ in 0..<pendingZeros {
                    append(0, to: &small, &large)
                }
                significantDigits += pendingZeros + 1
                pendingZeros = 0
                guard significantDigits <= 38 else { return nil }
                append(digit, to: &small, &large)
            }
        }
        // Trailing zeros moved into the exponent, so they do not count against the 38 digits.
        exponent += pendingZeros
        exponent += exponentNegative ? -exponentValue : exponentValue
        if significantDigits == 0 { return Decimal(0) }
        guard (-128...127).contains(exponent) else { return nil }
        let significand = large ?? Decimal(small)
        let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand)
        return value.isNaN ? nil : value
    }

    /// ``exactDecimal(utf8:)`` of a number of at most 19 bytes without an exponent, such as a
    /// price, or `nil` for any other: all its digits fit one `UInt64`, so it needs no loop over
    /// `Decimal` digits. Trailing zeros become the exponent, exactly as in the general reading.
    private static func shortDecimal(utf8 text: UnsafeBufferPointer<UInt8>) -> Decimal? {
        var negative = false
        var significand: UInt64 = 0
        var exponent = 0
        var seenPoint = false
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                significand = significand &* 10 &+ UInt64(digit)
                if seenPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else if byte == UInt8(ascii: "-") {
                negative = true
            } else {
                return nil
            }
        }
        if significand == 0 { return Decimal(0) }
        while significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        return value.isNaN ? nil : value
    }

    /// Appends a decimal digit to a significand held in `small` until it would overflow, then in `large`.
    private static func append(_ digit: UInt8, to small: inout UInt64, _ large: inout Decimal?) {
        if var decimal = large {
            decimal = decimal * 10 + Decimal(Int(digit))
            large = decimal
            return
        }
        let (times10, overflow1) = small.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
        if overflow1 || overflow2 {
            large = Decimal(small) * 10 + Decimal(Int(digit))
        } else {
            small = sum
        }
    }
}
