import Synchronization

/// The writing side of one shard, changed only under the shard's mutex: which keys it tracks
/// (inserting, sweeping and rebuilding its ``KeySlots``), the ``KeyEntry`` blocks it recycles,
/// and the shapes of the policies its windows enforce.
///
/// The fields readers see without the mutex (the current table, the operation count and the
/// sweep threshold) live in the shard's block, reached through the pointers given at creation.
struct ShardKeys {
    /// The shard's current table, which readers load.
    private let table: UnsafeMutablePointer<Atomic<UnsafeMutableRawPointer>>
    /// Operations since the last sweep (readers add theirs in batches).
    private let operations: UnsafeMutablePointer<Atomic<Int>>
    /// The operation count at which a sweep is due: `max(sweepInterval, count)`.
    private let threshold: UnsafeMutablePointer<Atomic<Int>>
    /// No key can be idle before this instant (a lower bound on every key's
    /// ``KeyEntry/idleFrom``, which only moves later): a sweep before it would drop nothing,
    /// so none is made.
    private let sweepableFrom: UnsafeMutablePointer<Atomic<Int64>>
    /// The least number of operations between sweeps.
    private let sweepInterval: Int
    /// The store's hasher, to place keys again when the table is rebuilt (entries do not keep
    /// their keys' hashes).
    private let keyHasher: KeyHasher

    /// Keys tracked.
    private(set) var count = 0
    /// Slots marked removed in the table's part in use.
    private var removed = 0
    /// Entries tracking no key, ready for new ones.
    private var freeEntries: [KeyEntry] = []
    /// The blocks entries live in, with how many each holds; freed only with the store.
    private var slabs: [(base: UnsafeMutableRawPointer, entries: Int)] = []
    /// Tables replaced by larger ones, which readers may still be probing; freed with the store.
    private var retiredTables: [KeySlots] = []
    /// The shapes of the policies the shard's windows enforce, shared by every key.
    private var shapes: [RateLimitPolicy: ShapeBox] = [:]
    private var lastShape: ShapeBox?

    /// The writing side of an empty shard, publishing an empty table through `table`.
    init(
        table: UnsafeMutablePointer<Atomic<UnsafeMutableRawPointer>>,
        operations: UnsafeMutablePointer<Atomic<Int>>,
        threshold: UnsafeMutablePointer<Atomic<Int>>,
        sweepableFrom: UnsafeMutablePointer<Atomic<Int64>>,
        sweepInterval: Int,
        keyHasher: KeyHasher
    ) {
        self.keyHasher = keyHasher
        self.table = table
        self.operations = operations
        self.threshold = threshold
        self.sweepableFrom = sweepableFrom
        self.sweepInterval = sweepInterval
        table.initialize(to: Atomic(KeySlots.allocate(capacity: 16).base))
        operations.initialize(to: Atomic(0))
        threshold.initialize(to: Atomic(sweepInterval))
        sweepableFrom.initialize(to: Atomic(Int64.max))
    }

    /// Frees every entry, window, table and shape; the shard is not used again.
    mutating func deallocate() {
        for slab in slabs {
            for index in 0..<slab.entries { KeyEntry(base: slab.base + index * KeyEntry.stride).deinitialize() }
            slab.base.deallocate()
        }
        slabs = []
        freeEntries = []
        currentTable.deallocate()
        for retired in retiredTables { retired.deallocate() }
        retiredTables = []
        shapes = [:]
        lastShape = nil
        table.deinitialize(count: 1)
        operations.deinitialize(count: 1)
        threshold.deinitialize(count: 1)
        sweepableFrom.deinitialize(count: 1)
    }

    private var currentTable: KeySlots {
        KeySlots(base: table.pointee.load(ordering: .acquiring))
    }

    // MARK: Keys

    /// The entry tracking `key`, its lock taken, inserted (without a window: the caller adds
    /// one before releasing the lock) if the shard does not track the key yet.
    mutating func lockedEntry(for key: String, hash: UInt64) -> KeyEntry {
        if let entry = currentTable.lockedEntry(for: key, hash: hash) { return entry }
        var slots = currentTable
        var index = slots.freeSlot(for: hash)
        if slots.word(at: index) == KeySlots.removed {
            removed -= 1
        } else if (count + removed + 1) * 5 > (slots.mask + 1) * 4 {
            rebuild(capacity: Self.capacity(for: count + 1))
            slots = currentTable
            index = slots.freeSlot(for: hash)
        }
        let entry = freeEntry()
        entry.lockEntry()
        entry.assign(key: key)
        slots.set(KeySlots.word(for: entry, hash: hash), at: index)
        count += 1
        threshold.pointee.store(max(sweepInterval, count), ordering: .relaxed)
        return entry
    }

    /// An entry tracking no key, from a new slab if none is free.
    private mutating func freeEntry() -> KeyEntry {
        if let entry = freeEntries.popLast() { return entry }
        // Slabs double from 8 entries to 256 (32 KiB), so small stores stay small and a large
        // one leaves fewer than 256 entries unused.
        let entries = min(max(8, (slabs.last?.entries ?? 4) * 2), 256)
        let base = UnsafeMutableRawPointer.allocate(
            byteCount: entries * KeyEntry.stride, alignment: KeyEntry.alignment)
        for index in 0..<entries { _ = KeyEntry.initialize(at: base + index * KeyEntry.stride) }
        slabs.append((base, entries))
        // Handed out in address order.
        for index in (1..<entries).reversed() { freeEntries.append(KeyEntry(base: base + index * KeyEntry.stride)) }
        return KeyEntry(base: base)
    }

    /// The smallest power-of-two capacity (at least 16) that holds `keys` at most 4/5 full, with
    /// room to grow by a quarter.
    private static func capacity(for keys: Int) -> Int {
        var capacity = 16
        while keys * 5 > capacity * 4 { capacity *= 2 }
        return capacity
    }

    /// Puts every tracked key back into a table using `capacity` slots, without removed ones:
    /// in place when the current table has the room (readers probing meanwhile may miss keys,
    /// and retry under the mutex), else in a new table that replaces it.
    private mutating func rebuild(capacity: Int) {
        let old = currentTable
        var live: [UInt] = []
        live.reserveCapacity(count)
        for index in 0...old.mask {
            let word = old.word(at: index)
            if word > KeySlots.removed { live.append(word) }
        }
        let slots: KeySlots
        if capacity <= old.capacity {
            for index in 0...old.mask { old.set(KeySlots.empty, at: index) }
            old.use(capacity)
            slots = old
        } else {
            slots = KeySlots.allocate(capacity: capacity)
        }
        for word in live {
            guard let entry = KeySlots.entry(in: word) else { continue }
            slots.set(word, at: slots.freeSlot(for: keyHasher.hash(entry.trackedKey)))
        }
        if slots.base != old.base {
            table.pointee.store(slots.base, ordering: .releasing)
            retiredTables.append(old)
        }
        removed = 0
    }

    // MARK: Shapes

    /// The shared shape of `policy`'s windows.
    mutating func shape(for policy: RateLimitPolicy) -> UnsafePointer<WindowShape> {
        if let lastShape, lastShape.shape.pointee.policy == policy { return lastShape.shape }
        let box: ShapeBox
        if let known = shapes[policy] {
            box = known
        } else {
            box = ShapeBox(policy: policy)
            shapes[policy] = box
        }
        lastShape = box
        return box.shape
    }

    // MARK: Eviction

    /// Counts one operation and sweeps if one is due.
    mutating func countOperation(now: Int64) {
        operations.pointee.add(1, ordering: .relaxed)
        sweepIfDue(now: now)
    }

    /// Sweeps for idle keys once the shard has performed `sweepInterval` operations, and at
    /// least as many as it holds keys, so a sweep costs O(1) amortised per operation; but not
    /// before some key can be idle.
    mutating func sweepIfDue(now: Int64) {
        if operations.pointee.load(ordering: .relaxed) >= max(sweepInterval, count)
            && now >= sweepableFrom.pointee.load(ordering: .relaxed)
        {
            sweep(now: now)
        }
    }

    /// Records that `entry`, just used under its lock, can be idle no earlier than its
    /// ``KeyEntry/idleFrom``.
    func noteActivity(of entry: KeyEntry) {
        let idleFrom = entry.idleFrom
        if idleFrom < sweepableFrom.pointee.load(ordering: .relaxed) {
            sweepableFrom.pointee.store(idleFrom, ordering: .relaxed)
        }
    }

    /// Drops every key whose windows are all idle at `now` (see ``KeyWindow/isIdle(at:)``).
    mutating func sweep(now: Int64) {
        operations.pointee.store(0, ordering: .relaxed)
        var earliestIdle = Int64.max
        let slots = currentTable
        for index in 0...slots.mask {
            guard let entry = KeySlots.entry(in: slots.word(at: index)) else { continue }
            entry.lockEntry()
            let idleFrom = entry.idleFrom
            let idle = now >= idleFrom
            if idle { entry.release() } else { earliestIdle = min(earliestIdle, idleFrom) }
            entry.unlockEntry()
            guard idle else { continue }
            slots.set(KeySlots.removed, at: index)
            freeEntries.append(entry)
            count -= 1
            removed += 1
        }
        threshold.pointee.store(max(sweepInterval, count), ordering: .relaxed)
        sweepableFrom.pointee.store(earliestIdle, ordering: .relaxed)
        let capacity = slots.mask + 1
        if removed > 0 && (removed * 4 > capacity || (capacity > 16 && count * 8 < capacity)) {
            rebuild(capacity: Self.capacity(for: count))
        }
        if shapes.count > 64 { dropUnusedShapes() }
    }

    /// Forgets the shapes no window points at.
    private mutating func dropUnusedShapes() {
        var live: Set<UnsafePointer<WindowShape>> = []
        let slots = currentTable
        for index in 0...slots.mask {
            guard let entry = KeySlots.entry(in: slots.word(at: index)) else { continue }
            entry.lockEntry()
            entry.forEachShape { live.insert($0) }
            entry.unlockEntry()
        }
        shapes = shapes.filter { live.contains($0.value.shape) }
        if let lastShape, !live.contains(lastShape.shape) { self.lastShape = nil }
    }
}
