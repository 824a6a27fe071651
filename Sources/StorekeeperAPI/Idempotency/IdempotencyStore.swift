#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Where `Idempotency-Key` entries live: implemented once per store.
///
/// An entry is claimed before the handler runs and completed with the response after it, so a
/// retry either replays the response or learns that the first attempt is still running; it never
/// runs the operation twice. Each method is one atomic statement; a PostgreSQL sketch:
///
/// ```sql
/// -- claim: insert, or take over an expired entry, or report the live one
/// INSERT INTO idempotency (scope, key, fingerprint, state, expires_at) VALUES ($1, $2, $3, 'running', $5)
/// ON CONFLICT (scope, key) DO UPDATE SET fingerprint = $3, state = 'running', response = NULL, expires_at = $5
///   WHERE idempotency.expires_at <= $4
/// RETURNING (xmax = 0 OR idempotency.expires_at = $5) AS claimed;
/// -- when not claimed: SELECT fingerprint, state, response FROM idempotency WHERE scope = $1 AND key = $2;
/// -- complete
/// UPDATE idempotency SET state = 'done', response = $3 WHERE scope = $1 AND key = $2 AND fingerprint = $4;
/// -- release
/// DELETE FROM idempotency WHERE scope = $1 AND key = $2 AND fingerprint = $3 AND state = 'running';
/// ```
///
/// `StorekeeperTesting` has `InMemoryIdempotencyStore` and `IdempotencyStoreConformance`.
public protocol IdempotencyStore: Sendable {
    /// Claims `key` for a request with `fingerprint`, atomically: of several concurrent claims of
    /// a free key exactly one gets ``IdempotencyClaim/claimed``. An entry whose `expiresAt` is at
    /// or before `now` counts as free.
    func claim(
        _ key: IdempotencyKey, fingerprint: String, now: Date, expiresAt: Date
    ) async throws
        -> IdempotencyClaim

    /// Stores the response of the claimed request, for replay until the entry expires.
    func complete(_ key: IdempotencyKey, fingerprint: String, response: StoredResponse) async throws

    /// Frees a claimed key whose request failed on the server's side, so a retry runs again.
    func release(_ key: IdempotencyKey, fingerprint: String) async throws
}
