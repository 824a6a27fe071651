import Synchronization

/// The slot table of one shard: open addressing with linear probing over words that each hold
/// a ``KeyEntry``'s address and six bits of its key's hash, so that probes rarely touch an entry.
///
/// Readers probe without any lock (``lockedEntry(for:hash:)``); the shard changes the table
/// only under its mutex. A slot word is 0 when empty, 1 when its key was removed, and otherwise
/// an entry's address (a multiple of 128) plus the tag. A reader may miss a key that is being
/// inserted or moved while it probes; it then retries under the shard's mutex, so a miss never
/// decides anything. A reader never wrongly finds a key: it compares the key under the entry's
/// lock. Tables are never freed while the store lives (a replaced one is kept until then), so
/// a reader probing an old table stays in valid memory.
///
/// Layout: the capacity (fixed), the mask in use (an `Atomic<Int>`, at most the capacity
/// minus one, so a table can shrink in place), then `capacity` slots (`Atomic<UInt>`).
struct KeySlots {
    /// The start of the table's allocation.
    let base: UnsafeMutableRawPointer

    /// The word of an empty slot, which ends every probe.
    static let empty: UInt = 0
    /// The word of a slot whose key was removed: probes continue past it, inserts reuse it.
    static let removed: UInt = 1
    /// The low bits of a slot word that hold the tag (entries are 128-byte aligned, so these are
    /// always zero in an address).
    private static let tagMask: UInt = 63

    private static let maskOffset = MemoryLayout<Int>.stride
    private static let slotsOffset = maskOffset + MemoryLayout<Atomic<Int>>.stride

    /// The table at `base`, made by ``allocate(capacity:)``.
    init(base: UnsafeMutableRawPointer) {
        self.base = base
    }

    /// A table of `capacity` empty slots (a power of two), all in use.
    static func allocate(capacity: Int) -> KeySlots {
        let base = UnsafeMutableRawPointer.allocate(
            byteCount: slotsOffset + capacity * MemoryLayout<Atomic<UInt>>.stride,
            alignment: MemoryLayout<Atomic<UInt>>.alignment)
        base.initializeMemory(as: Int.self, repeating: capacity, count: 1)
        (base + maskOffset).bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(capacity - 1))
        let slots = (base + slotsOffset).bindMemory(to: Atomic<UInt>.self, capacity: capacity)
        for index in 0..<capacity { (slots + index).initialize(to: Atomic(empty)) }
        return KeySlots(base: base)
    }

    /// Frees the table (not the entries it points at).
    func deallocate() {
        base.deallocate()
    }

    /// The number of slots allocated.
    var capacity: Int { base.load(as: Int.self) }

    private var maskWord: UnsafeMutablePointer<Atomic<Int>> {
        (base + Self.maskOffset).assumingMemoryBound(to: Atomic<Int>.self)
    }

    /// The number of slots in use minus one (slots from there on are empty).
    var mask: Int { maskWord.pointee.load(ordering: .acquiring) }

    /// Uses the first `capacity` slots (a power of two, at most ``capacity``); under the
    /// shard's mutex, with every slot empty.
    func use(_ capacity: Int) {
        maskWord.pointee.store(capacity - 1, ordering: .releasing)
    }

    private func slot(_ index: Int) -> UnsafeMutablePointer<Atomic<UInt>> {
        (base + Self.slotsOffset).assumingMemoryBound(to: Atomic<UInt>.self) + index
    }

    /// The word in slot `index`.
    func word(at index: Int) -> UInt {
        slot(index).pointee.load(ordering: .acquiring)
    }

    /// Sets slot `index` to `word`, publishing the entry it points at; under the shard's mutex.
    func set(_ word: UInt, at index: Int) {
        slot(index).pointee.store(word, ordering: .releasing)
    }

    /// The tag of a hash: its top six bits.
    static func tag(_ hash: UInt64) -> UInt {
        UInt(truncatingIfNeeded: hash >> 58)
    }

    /// The slot word for `entry`, whose key has hash `hash`.
    static func word(for entry: KeyEntry, hash: UInt64) -> UInt {
        UInt(bitPattern: entry.base) | tag(hash)
    }

    /// The entry a slot word points at, `nil` for an empty or removed slot.
    static func entry(in word: UInt) -> KeyEntry? {
        UnsafeMutableRawPointer(bitPattern: word & ~tagMask).map(KeyEntry.init(base:))
    }

    /// The entry tracking `key`, its lock taken, or `nil` if the table does not show it (for
    /// certain only under the shard's mutex).
    @inline(__always)
    func lockedEntry(for key: String, hash: UInt64) -> KeyEntry? {
        let mask = self.mask
        let tag = Self.tag(hash)
        var index = Int(truncatingIfNeeded: hash) & mask
        // Bounded, although a table always has an empty slot: a reader racing a rebuild gives up.
        for _ in 0...mask {
            let word = word(at: index)
            if word == Self.empty { return nil }
            if word & Self.tagMask == tag, let entry = Self.entry(in: word) {
                entry.lockEntry()
                if entry.holds(key) { return entry }
                entry.unlockEntry()
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// The first empty or removed slot on `hash`'s probe; under the shard's mutex.
    func freeSlot(for hash: UInt64) -> Int {
        let mask = self.mask
        var index = Int(truncatingIfNeeded: hash) & mask
        while word(at: index) > Self.removed { index = (index + 1) & mask }
        return index
    }
}
