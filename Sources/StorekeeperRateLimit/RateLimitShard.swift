import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The shards of ``InMemoryRateLimitStore``, in one allocation of 128-byte-aligned blocks.
///
/// A shard's block holds, each in cache lines of its own: the address of its ``KeySlots``
/// table, which every operation reads and only inserts that outgrow it write; the count of
/// operations towards its next sweep (written once per batch of a key's operations) with the
/// instant before which no key can be idle, so no sweep is made; and a POSIX
/// mutex (which ThreadSanitizer understands) guarding its ``ShardKeys``. An operation on a key
/// the shard already tracks takes no shard-wide lock: it finds the key's ``KeyEntry`` without
/// one and works under the entry's own lock, so threads working on different keys write to no
/// shared cache line. Inserting a key, adding a policy to it, and sweeping take the mutex.
struct RateLimitShards: @unchecked Sendable {
    // @unchecked: a shard's keys are only changed under its mutex, its entries under their locks.
    private let base: UnsafeMutableRawPointer
    /// The number of shards.
    let count: Int

    /// Allocates `count` empty shards; ``deallocate()`` must be called exactly once.
    init(count: Int, sweepInterval: Int, keyHasher: KeyHasher) {
        self.count = count
        base = UnsafeMutableRawPointer.allocate(byteCount: RateLimitShard.stride * count, alignment: 128)
        for index in 0..<count {
            RateLimitShard.initialize(
                at: base + index * RateLimitShard.stride, sweepInterval: sweepInterval, keyHasher: keyHasher)
        }
    }

    /// Frees every shard and what it holds.
    func deallocate() {
        for index in 0..<count { self[index].deinitialize() }
        base.deallocate()
    }

    /// Shard `index` (in `0..<count`).
    subscript(index: Int) -> RateLimitShard {
        RateLimitShard(base: base + index * RateLimitShard.stride)
    }
}

/// One shard's block (see ``RateLimitShards``).
struct RateLimitShard {
    /// The start of the block.
    let base: UnsafeMutableRawPointer

    // The table's address is read by every operation: alone in its 128-byte pair of lines, so
    // that writes elsewhere in the shard do not evict it from other processors' caches.
    private static let tableOffset = 0
    private static let operationsOffset = 128
    private static let thresholdOffset = operationsOffset + MemoryLayout<Atomic<Int>>.stride
    private static let sweepableFromOffset = thresholdOffset + MemoryLayout<Atomic<Int>>.stride
    private static let mutexOffset = 256
    private static let keysOffset =
        (mutexOffset + MemoryLayout<pthread_mutex_t>.stride + MemoryLayout<ShardKeys>.alignment - 1)
        / MemoryLayout<ShardKeys>.alignment * MemoryLayout<ShardKeys>.alignment
    /// Bytes per shard, a multiple of 128.
    static let stride = (keysOffset + MemoryLayout<ShardKeys>.stride + 127) / 128 * 128

    private var table: UnsafeMutablePointer<Atomic<UnsafeMutableRawPointer>> {
        (base + Self.tableOffset).assumingMemoryBound(to: Atomic<UnsafeMutableRawPointer>.self)
    }

    private var operations: UnsafeMutablePointer<Atomic<Int>> {
        (base + Self.operationsOffset).assumingMemoryBound(to: Atomic<Int>.self)
    }

    private var threshold: UnsafeMutablePointer<Atomic<Int>> {
        (base + Self.thresholdOffset).assumingMemoryBound(to: Atomic<Int>.self)
    }

    private var sweepableFrom: UnsafeMutablePointer<Atomic<Int64>> {
        (base + Self.sweepableFromOffset).assumingMemoryBound(to: Atomic<Int64>.self)
    }

    private var mutex: UnsafeMutablePointer<pthread_mutex_t> {
        (base + Self.mutexOffset).assumingMemoryBound(to: pthread_mutex_t.self)
    }

    private var keys: UnsafeMutablePointer<ShardKeys> {
        (base + Self.keysOffset).assumingMemoryBound(to: ShardKeys.self)
    }

    /// Places an empty shard at `base` (``stride`` uninitialised bytes, 128-byte aligned).
    static func initialize(at base: UnsafeMutableRawPointer, sweepInterval: Int, keyHasher: KeyHasher) {
        let table = base.bindMemory(to: Atomic<UnsafeMutableRawPointer>.self, capacity: 1)
        let operations = (base + operationsOffset).bindMemory(to: Atomic<Int>.self, capacity: 1)
        let threshold = (base + thresholdOffset).bindMemory(to: Atomic<Int>.self, capacity: 1)
        let sweepableFrom = (base + sweepableFromOffset).bindMemory(to: Atomic<Int64>.self, capacity: 1)
        let mutex = (base + mutexOffset).bindMemory(to: pthread_mutex_t.self, capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        (base + keysOffset).bindMemory(to: ShardKeys.self, capacity: 1).initialize(
            to: ShardKeys(
                table: table, operations: operations, threshold: threshold, sweepableFrom: sweepableFrom,
                sweepInterval: sweepInterval, keyHasher: keyHasher))
    }

    /// Frees what the shard holds; it is not used again.
    func deinitialize() {
        keys.pointee.deallocate()
        keys.deinitialize(count: 1)
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
    }

    /// The entry tracking `key`, its lock taken, found without the shard's mutex; `nil` if the
    /// table does not show the key (then ask ``withKeys(_:)``, which is certain).
    @inline(__always)
    func lockedEntry(for key: String, hash: UInt64) -> KeyEntry? {
        KeySlots(base: table.pointee.load(ordering: .acquiring)).lockedEntry(for: key, hash: hash)
    }

    /// Adds a batch of operations (``KeyEntry/operationBatch``) done without the mutex to the
    /// count towards the next sweep, and sweeps if one is due at `now` (enough operations, and
    /// some key possibly idle).
    func countBatch(now: Int64) {
        let batch = Int(KeyEntry.operationBatch)
        let total = operations.pointee.wrappingAdd(batch, ordering: .relaxed).newValue
        if total >= threshold.pointee.load(ordering: .relaxed)
            && now >= sweepableFrom.pointee.load(ordering: .relaxed)
        {
            withKeys { $0.sweepIfDue(now: now) }
        }
    }

    /// Runs `body` with exclusive access to the shard's keys, under its mutex.
    func withKeys<Result>(_ body: (inout ShardKeys) -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&keys.pointee)
    }
}
