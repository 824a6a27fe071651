public import StorekeeperAPI
import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// An ``IdempotencyStore`` in memory: every claim, completion and release happens under one lock.
/// Expired entries are replaced when claimed and dropped by ``removeExpired(now:)``.
public final class InMemoryIdempotencyStore: IdempotencyStore, Sendable {
    private struct Entry {
        var fingerprint: String
        var response: StoredResponse?
        var expiresAt: Date
    }

    private let entries = Locked([IdempotencyKey: Entry]())

    /// Creates an empty store.
    public init() {}

    /// The number of entries held, expired ones included until they are removed.
    public var count: Int { entries.withLock { $0.count } }

    /// Claims the key, or reports the live entry that holds it.
    public func claim(
        _ key: IdempotencyKey, fingerprint: String, now: Date, expiresAt: Date
    ) async throws
        -> IdempotencyClaim
    {
        entries.withLock { entries in
            if let entry = entries[key], entry.expiresAt > now {
                guard entry.fingerprint == fingerprint else { return .mismatch }
                return entry.response.map { .completed($0) } ?? .inProgress
            }
            entries[key] = Entry(fingerprint: fingerprint, response: nil, expiresAt: expiresAt)
            return .claimed
        }
    }

    /// Stores the response of the request holding the key.
    public func complete(_ key: IdempotencyKey, fingerprint: String, response: StoredResponse) async throws {
        entries.withLock { entries in
            guard entries[key]?.fingerprint == fingerprint else { return }
            entries[key]?.response = response
        }
    }

    /// Frees the key if the request with `fingerprint` still holds it unfinished.
    public func release(_ key: IdempotencyKey, fingerprint: String) async throws {
        entries.withLock { entries in
            guard let entry = entries[key], entry.fingerprint == fingerprint, entry.response == nil else { return }
            entries[key] = nil
        }
    }

    /// Drops every entry expired at `now`, bounding memory; a host calls it from time to time.
    public func removeExpired(now: Date) {
        entries.withLock { entries in entries = entries.filter { $0.value.expiresAt > now } }
    }
}
