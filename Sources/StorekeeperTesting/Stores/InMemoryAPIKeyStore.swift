import StorekeeperCore
public import StorekeeperKeys

/// An ``APIKeyStore`` in memory, with the atomicity the protocol requires (one lock around each
/// operation). For tests, development servers and the benchmarks.
public final class InMemoryAPIKeyStore: APIKeyStore, Sendable {
    private struct State {
        var records: [String: APIKeyRecord] = [:]
        var idsByHash: [APIKeyHash: String] = [:]
        var usage: [String: APIKeyUsageRecord] = [:]
    }

    private let state = Locked(State())

    /// Creates an empty store.
    public init() {}

    /// The number of records held.
    public var count: Int { state.withLock { $0.records.count } }

    /// Inserts unless the owner is at its limit, atomically.
    public func insert(_ record: APIKeyRecord, ownerLimit: Int?) async throws {
        try state.withLock { (state: inout State) throws(APIKeyError) in
            if let ownerLimit {
                let active = state.records.values.count { $0.owner == record.owner && $0.isActive }
                guard active < ownerLimit else {
                    throw APIKeyError(
                        code: .keyLimitReached, message: "This owner already has \(ownerLimit) active keys.")
                }
            }
            guard state.idsByHash[record.hash] == nil, state.records[record.id] == nil else {
                throw APIKeyError(code: .invalidArgument, message: "A key with this ID or hash already exists.")
            }
            state.records[record.id] = record
            state.idsByHash[record.hash] = record.id
        }
    }

    /// The record with the hash.
    public func record(forHash hash: APIKeyHash) async throws -> APIKeyRecord? {
        state.withLock { state in state.idsByHash[hash].flatMap { state.records[$0] } }
    }

    /// The record with the ID.
    public func record(id: String) async throws -> APIKeyRecord? {
        state.withLock { $0.records[id] }
    }

    /// Replaces the record if the version matches.
    public func update(_ record: APIKeyRecord, expectedVersion: Int) async throws {
        try state.withLock { (state: inout State) throws(APIKeyError) in
            guard let current = state.records[record.id] else {
                throw APIKeyError(code: .notFound, message: "No API key has the ID '\(record.id)'.")
            }
            guard current.version == expectedVersion else {
                throw APIKeyError(code: .versionConflict, message: "The key changed since it was read.")
            }
            var stored = record
            stored.version = expectedVersion + 1
            state.idsByHash[current.hash] = nil
            state.idsByHash[stored.hash] = stored.id
            state.records[record.id] = stored
        }
    }

    /// The owner's records, newest first.
    public func records(owner: String) async throws -> [APIKeyRecord] {
        state.withLock { state in
            state.records.values.filter { $0.owner == owner }.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        }
    }

    /// Counts a use.
    public func recordUsage(_ event: APIKeyUsageEvent, keepRecent: Int) async throws {
        state.withLock { state in
            state.usage[event.keyID, default: APIKeyUsageRecord()].record(event, keepRecent: keepRecent)
        }
    }

    /// The counters of a key.
    public func usage(keyID: String) async throws -> APIKeyUsageRecord {
        state.withLock { $0.usage[keyID] ?? APIKeyUsageRecord() }
    }
}
