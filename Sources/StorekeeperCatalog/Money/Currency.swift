/// An ISO 4217 currency: its three-letter code and the number of digits after the decimal point
/// of its minor unit.
///
/// Storekeeper knows every active ISO 4217 currency (``init(code:)`` looks the scale up: 2 for
/// USD and EUR, 0 for JPY and KRW, 3 for KWD, BHD and TND, 4 for CLF). A code it does not know
/// is refused rather than guessed, because a typo such as `"UDS"` must not silently become money.
/// A host that needs a code outside the table (a new ISO code, a test code, a loyalty currency)
/// states its scale explicitly with ``init(code:minorUnits:)``.
///
/// ```swift
/// let yen = try Currency(code: "JPY")          // minorUnits == 0
/// let points = try Currency(code: "XPT", minorUnits: 0)
/// ```
///
/// Two currencies are equal when code and scale are equal; the initialisers make sure a listed
/// code always carries its ISO scale, so `USD` is the same value wherever it was made.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// The upper-case three-letter code, for example `"USD"`.
    public let code: String
    /// Digits after the decimal point in the minor unit: 2 for cents, 0 for yen, 3 for fils.
    public let minorUnits: Int

    /// The largest scale ``init(code:minorUnits:)`` accepts.
    public static let maximumMinorUnits = 18

    /// Creates a currency listed in ISO 4217, taking its scale from the standard.
    ///
    /// Lower-case letters are accepted and upper-cased (`"usd"` is USD).
    ///
    /// - Parameter code: A three-letter ISO 4217 code.
    /// - Throws: ``MoneyError/Code/malformedCurrency`` when the code is not three ASCII letters,
    ///   ``MoneyError/Code/unknownCurrency`` when it is not in the table.
    public init(code: String) throws(MoneyError) {
        let normalized = try Self.normalizedCode(code)
        guard let minorUnits = Self.iso4217MinorUnits[normalized] else {
            throw MoneyError(
                code: .unknownCurrency,
                message: "'\(normalized)' is not an ISO 4217 currency Storekeeper knows; "
                    + "use Currency(code:minorUnits:) to state its scale."
            )
        }
        self.code = normalized
        self.minorUnits = minorUnits
    }

    /// Creates a currency with an explicit minor-unit scale.
    ///
    /// Use it for codes outside the ISO table. For a listed code the scale must be the
    /// standard's, so no two different `USD` values can exist.
    ///
    /// - Parameters:
    ///   - code: Three ASCII letters; lower case is upper-cased.
    ///   - minorUnits: Digits after the decimal point, 0 through ``maximumMinorUnits``.
    /// - Throws: ``MoneyError/Code/malformedCurrency`` or ``MoneyError/Code/invalidMinorUnits``.
    public init(code: String, minorUnits: Int) throws(MoneyError) {
        let normalized = try Self.normalizedCode(code)
        guard (0...Self.maximumMinorUnits).contains(minorUnits) else {
            throw MoneyError(
                code: .invalidMinorUnits,
                message: "A currency's minor units must be 0 through \(Self.maximumMinorUnits), not \(minorUnits)."
            )
        }
        if let standard = Self.iso4217MinorUnits[normalized], standard != minorUnits {
            throw MoneyError(
                code: .invalidMinorUnits,
                message: "ISO 4217 gives \(normalized) \(standard) minor-unit digits, not \(minorUnits)."
            )
        }
        self.code = normalized
        self.minorUnits = minorUnits
    }

    /// Creates a listed currency from the table, for the static members below.
    private init(listed code: String, minorUnits: Int) {
        self.code = code
        self.minorUnits = minorUnits
    }

    /// Whether the code is in Storekeeper's ISO 4217 table.
    public var isISO4217: Bool { Self.iso4217MinorUnits[code] != nil }

    /// The code, for example `"USD"`.
    public var description: String { code }

    /// US dollar, 2 minor-unit digits.
    public static let usd = Currency(listed: "USD", minorUnits: 2)
    /// Euro, 2 minor-unit digits.
    public static let eur = Currency(listed: "EUR", minorUnits: 2)
    /// Pound sterling, 2 minor-unit digits.
    public static let gbp = Currency(listed: "GBP", minorUnits: 2)
    /// Japanese yen, no minor unit.
    public static let jpy = Currency(listed: "JPY", minorUnits: 0)
    /// Kuwaiti dinar, 3 minor-unit digits.
    public static let kwd = Currency(listed: "KWD", minorUnits: 3)

    /// Upper-cases `code` and checks it is three ASCII letters.
    private static func normalizedCode(_ code: String) throws(MoneyError) -> String {
        let scalars = code.unicodeScalars
        guard scalars.count == 3, scalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
            throw MoneyError(
                code: .malformedCurrency,
                message: "A currency code is three ASCII letters, such as USD; '\(code)' is not."
            )
        }
        return code.uppercased()
    }
}

extension Currency: Codable {
    private enum CodingKeys: String, CodingKey {
        case code
        case minorUnits
    }

    /// Decodes `{"code": "USD", "minorUnits": 2}`, validating both as ``init(code:minorUnits:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            code: container.decode(String.self, forKey: .code),
            minorUnits: container.decode(Int.self, forKey: .minorUnits)
        )
    }

    /// Encodes `{"code": "USD", "minorUnits": 2}`, so currencies outside the table round-trip.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(minorUnits, forKey: .minorUnits)
    }
}
