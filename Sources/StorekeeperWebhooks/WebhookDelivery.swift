#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The delivery of one event to one endpoint, and where it stands.
public struct WebhookDelivery: Sendable, Hashable {
    /// Where a delivery stands.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Waiting for its next attempt at ``WebhookDelivery/nextAttemptAt``.
        case pending
        /// The endpoint answered 2xx.
        case delivered
        /// Every attempt of the schedule failed, or the endpoint was disabled.
        case failed
    }

    /// The event delivered.
    public let eventID: String
    /// The endpoint delivered to.
    public let endpointID: String
    /// Attempts made so far.
    public var attempts: Int
    /// Where it stands.
    public var status: Status
    /// When to try next, while pending.
    public var nextAttemptAt: Date?
    /// The HTTP status of the last attempt, or `nil` if it got no response.
    public var lastResponseStatus: Int?
    /// Why the last attempt failed, for operators.
    public var lastError: String?

    /// Creates a delivery due at `nextAttemptAt`.
    public init(
        eventID: String,
        endpointID: String,
        attempts: Int = 0,
        status: Status = .pending,
        nextAttemptAt: Date?,
        lastResponseStatus: Int? = nil,
        lastError: String? = nil
    ) {
        self.eventID = eventID
        self.endpointID = endpointID
        self.attempts = attempts
        self.status = status
        self.nextAttemptAt = nextAttemptAt
        self.lastResponseStatus = lastResponseStatus
        self.lastError = lastError
    }
}
