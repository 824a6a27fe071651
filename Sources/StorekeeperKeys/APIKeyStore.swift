/// Where key records live: the host's table, implemented once per store.
///
/// Each method is one atomic operation. Sketch for PostgreSQL:
///
/// ```sql
/// -- insert: unless the owner is at its limit, in one statement
/// INSERT INTO api_keys (id, owner, hash, ...)
///   SELECT $1, $2, $3, ... WHERE (SELECT count(*) FROM api_keys
///     WHERE owner = $2 AND revoked_at IS NULL) < $limit;     -- 0 rows: key_limit_reached
/// -- (with a per-owner advisory lock, or SERIALIZABLE, so two inserts cannot both see 10)
/// -- update: optimistic
/// UPDATE api_keys SET ..., version = version + 1 WHERE id = $1 AND version = $expected;
/// -- lookup: a unique index on (hash_algorithm, hash_digest)
/// SELECT * FROM api_keys WHERE hash_algorithm = $1 AND hash_digest = $2;
/// ```
///
/// `StorekeeperTesting` has `InMemoryAPIKeyStore` and `APIKeyStoreConformance`.
public protocol APIKeyStore: Sendable {
    /// Stores a new record unless its owner already has `ownerLimit` active keys (when given),
    /// atomically: concurrent inserts never exceed the limit.
    ///
    /// - Throws: ``APIKeyError`` ``APIKeyError/Code/keyLimitReached``.
    func insert(_ record: APIKeyRecord, ownerLimit: Int?) async throws

    /// The record whose stored hash is `hash`, or `nil`.
    func record(forHash hash: APIKeyHash) async throws -> APIKeyRecord?

    /// The record with `id`, or `nil`.
    func record(id: String) async throws -> APIKeyRecord?

    /// Replaces a record if its stored version is `expectedVersion`; the stored copy gets
    /// `expectedVersion + 1`.
    ///
    /// - Throws: ``APIKeyError`` ``APIKeyError/Code/versionConflict`` or ``APIKeyError/Code/notFound``.
    func update(_ record: APIKeyRecord, expectedVersion: Int) async throws

    /// The owner's records, newest first.
    func records(owner: String) async throws -> [APIKeyRecord]

    /// Counts a use of a key, keeping its `keepRecent` most recent events.
    func recordUsage(_ event: APIKeyUsageEvent, keepRecent: Int) async throws

    /// The usage counters of a key (empty if never used).
    func usage(keyID: String) async throws -> APIKeyUsageRecord
}
