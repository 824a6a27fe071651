#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A competitor's offer for a product that a repricer tracks.
public struct Competitor: Sendable, Hashable, Codable {
    /// The competitor's id in the repricer.
    public var id: String
    /// The competitor's name, such as a shop domain.
    public var name: String
    /// The competitor's product page, exactly as received.
    public var url: String?
    /// The competitor's current price; `nil` when it could not be read (out of stock, page gone).
    public var currentPrice: Money?
    /// When the price was last checked.
    public var checkedAt: Date?

    /// Creates a competitor offer.
    ///
    /// - Parameters:
    ///   - id: The competitor's id.
    ///   - name: The competitor's name.
    ///   - url: The competitor's product page.
    ///   - currentPrice: The current price, if known.
    ///   - checkedAt: When the price was checked.
    public init(id: String, name: String, url: String? = nil, currentPrice: Money? = nil, checkedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.url = url
        self.currentPrice = currentPrice
        self.checkedAt = checkedAt
    }
}
