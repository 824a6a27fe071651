#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A JSON number, kept exactly as written.
///
/// JSON numbers have no size or precision limit, and a commerce API must not round a price
/// through binary floating point. `JSONNumber` keeps the text (`"14.95"`, `"1e400"`) and converts
/// on request, returning `nil` where the conversion would not be exact.
///
/// Two numbers are equal when they are written the same way; integers that fit `Int64` compare
/// by value. `1.0` and `1` are different numbers here, as they are different text.
public struct JSONNumber: Sendable, Hashable {
    private enum Storage: Hashable {
        case integer(Int64)
        case text(String)
    }

    private let storage: Storage

    /// Creates an integer number.
    public init(_ value: Int) {
        storage = .integer(Int64(value))
    }

    /// Creates an integer number.
    public init(_ value: Int64) {
        storage = .integer(value)
    }

    /// Creates a number with the exact value of a decimal, or `nil` for NaN.
    ///
    /// The text has no exponent and keeps the decimal's scale: `Decimal(string: "14.90")` is
    /// written as `14.9` because `Decimal` normalises trailing zeros.
    public init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        self.init(validatedText: value.description)
    }

    /// Creates a number from JSON number text such as `"-12.5e3"`, or `nil` when the text is not a
    /// number in RFC 8259's grammar (no leading `+`, no leading zeros, no `.5`, no `NaN`).
    @inlinable
    public init?(text: some StringProtocol) {
        self.init(checkingText: String(text))
    }

    /// ``init(text:)`` of a `String`: not generic, so callers in other modules need no run-time
    /// generic conversion to reach it.
    @usableFromInline
    init?(checkingText text: String) {
        var text = text
        let valid = text.withUTF8 { !$0.isEmpty && JSONNumberGrammar.length(of: $0, from: 0) == $0.count }
        guard valid else { return nil }
        self.init(validatedText: text)
    }

    /// Creates a number from text already known to match the JSON number grammar.
    init(validatedText text: String) {
        if let integer = JSONNumberGrammar.canonicalInt64(text) {
            storage = .integer(integer)
        } else {
            storage = .text(text)
        }
    }

    /// Creates a number from grammar-checked text that is not a canonical `Int64`.
    private init(uncheckedText text: String) {
        storage = .text(text)
    }

    /// The number's JSON text, exactly as parsed (or, for integers, their canonical decimal form).
    public var text: String {
        switch storage {
        case .integer(let value): String(value)
        case .text(let value): value
        }
    }

    /// Whether the text is an integer literal: no fraction and no exponent.
    public var isIntegerLiteral: Bool {
        switch storage {
        case .integer: true
        case .text(let text): !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        }
    }

    /// The value as `Int64`, if the text is an integer literal in `Int64`'s range.
    ///
    /// `1.0` and `1e2` return `nil`: they are not written as integers.
    public var int64Value: Int64? {
        if case .integer(let value) = storage { value } else { nil }
    }

    /// The value as `Int`, if the text is an integer literal in `Int`'s range.
    public var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    /// The exact value as `Decimal`, or `nil` when `Decimal` cannot hold it exactly (more than 38
    /// significant digits, or an exponent outside -128...127).
    ///
    /// The conversion reads the digits directly; it never passes through `Double`.
    public var decimalValue: Decimal? {
        switch storage {
        case .integer(let value): Decimal(value)
        case .text(let text): JSONNumberGrammar.exactDecimal(text)
        }
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The number's JSON text.
    public var description: String { text }
}

extension JSONNumber: ExpressibleByIntegerLiteral {
    /// Creates an integer number.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension JSONNumber {
    /// Creates a number from bytes the parser has checked against the number grammar.
    init(validatedBytes bytes: UnsafeBufferPointer<UInt8>) {
        if let integer = JSONNumberGrammar.canonicalInt64(bytes) {
            self.init(integer)
        } else {
            self.init(uncheckedText: String(decoding: bytes, as: UTF8.self))
        }
    }
}

extension JSONNumber {
    /// Appends the number's JSON text to `output`, without an intermediate `String` for integers.
    func write(to output: inout OutputBuffer) {
        switch storage {
        case .integer(let value):
            if value < 0 { output.append(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var position = digits.count
                repeat {
                    position -= 1
                    digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                output.append(UnsafeBufferPointer(rebasing: digits[position...]))
            }
        case .text(let text):
            var text = text
            text.withUTF8 { output.append($0) }
        }
    }
}
