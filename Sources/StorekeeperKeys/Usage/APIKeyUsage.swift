#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// One use of a key: when, which route, and the HTTP status it got.
public struct APIKeyUsageEvent: Sendable, Hashable, Codable {
    /// The key used.
    public var keyID: String
    /// When.
    public var time: Date
    /// The route, such as `GET /v1/products`.
    public var route: String
    /// The response status.
    public var status: Int

    /// Creates an event.
    public init(keyID: String, time: Date, route: String, status: Int) {
        self.keyID = keyID
        self.time = time
        self.route = route
        self.status = status
    }
}

/// The counters a store keeps per key, and its most recent events.
public struct APIKeyUsageRecord: Sendable, Hashable, Codable {
    /// Requests made with the key.
    public var totalRequests: Int
    /// Responses with a 4xx status.
    public var clientErrors: Int
    /// Responses with a 5xx status.
    public var serverErrors: Int
    /// The latest use.
    public var lastUsedAt: Date?
    /// The most recent events, newest first.
    public var recent: [APIKeyUsageEvent]

    /// Creates a record.
    public init(
        totalRequests: Int = 0, clientErrors: Int = 0, serverErrors: Int = 0, lastUsedAt: Date? = nil,
        recent: [APIKeyUsageEvent] = []
    ) {
        self.totalRequests = totalRequests
        self.clientErrors = clientErrors
        self.serverErrors = serverErrors
        self.lastUsedAt = lastUsedAt
        self.recent = recent
    }

    /// The record with one more event counted, keeping at most `keepRecent` recent events.
    public func adding(_ event: APIKeyUsageEvent, keepRecent: Int) -> APIKeyUsageRecord {
        var updated = self
        updated.record(event, keepRecent: keepRecent)
        return updated
    }

    /// Counts `event` in place, keeping at most `keepRecent` recent events, newest first.
    ///
    /// A store updating its record in place (`usage[id, default: APIKeyUsageRecord()].record(...)`)
    /// avoids copying the recent events on every request.
    public mutating func record(_ event: APIKeyUsageEvent, keepRecent: Int) {
        totalRequests += 1
        if (400...499).contains(event.status) { clientErrors += 1 }
        if (500...599).contains(event.status) { serverErrors += 1 }
        lastUsedAt = max(lastUsedAt ?? event.time, event.time)
        guard keepRecent > 0 else {
            recent.removeAll()
            return
        }
        if recent.count >= keepRecent { recent.removeLast(recent.count - keepRecent + 1) }
        recent.insert(event, at: 0)
    }
}

/// Usage statistics of a key, as ShopiSync's dashboard shows them.
public struct APIKeyUsageStatistics: Sendable, Hashable {
    /// Requests made with the key.
    public let totalRequests: Int
    /// Responses with a 4xx status.
    public let clientErrors: Int
    /// Responses with a 5xx status.
    public let serverErrors: Int
    /// The latest use.
    public let lastUsedAt: Date?
    /// The most recent events, newest first.
    public let recentActivity: [APIKeyUsageEvent]

    /// Aggregates a store's record.
    public init(_ record: APIKeyUsageRecord) {
        totalRequests = record.totalRequests
        clientErrors = record.clientErrors
        serverErrors = record.serverErrors
        lastUsedAt = record.lastUsedAt
        recentActivity = record.recent
    }

    /// Client errors per request, in percent with two decimals, such as `12.5` (0 without requests).
    public var clientErrorRatePercent: Decimal { Self.percent(clientErrors, of: totalRequests) }
    /// Server errors per request, in percent with two decimals.
    public var serverErrorRatePercent: Decimal { Self.percent(serverErrors, of: totalRequests) }
    /// All errors per request, in percent with two decimals.
    public var errorRatePercent: Decimal { Self.percent(clientErrors + serverErrors, of: totalRequests) }

    private static func percent(_ part: Int, of whole: Int) -> Decimal {
        guard whole > 0 else { return 0 }
        // Hundredths of a percent, rounded half up, in integers.
        let hundredths = (part * 10_000 * 2 + whole) / (whole * 2)
        return Decimal(hundredths) / 100
    }
}
