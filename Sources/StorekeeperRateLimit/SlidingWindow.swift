/// What every window of one policy shares, derived once per shard and policy.
///
/// Time is cut into buckets of `granularity` milliseconds (the window divided by the policy's
/// precision, rounded up), of which the window spans `n` (the window divided by the
/// granularity, rounded up: the precision, or fewer when rounding the granularity up made it
/// longer). A unit counted in bucket `b` stays counted until bucket `b + n + 1` begins: never
/// before it has truly left the window (so the limit is never exceeded in any window), and at
/// most one bucket after, plus the rounding (`n × granularity − window`, less than a bucket)
/// when the granularity does not divide the window: the under-admission bound. A ring
/// therefore holds `n + 1` buckets.
struct WindowShape {
    /// The policy these windows enforce.
    let policy: RateLimitPolicy
    /// Milliseconds per bucket.
    let granularity: Int64
    /// Buckets in the ring: the buckets the window spans (at most the precision) plus one.
    let bucketCount: Int
    /// The policy's limit, between 0 and `UInt32.max` (the widest count).
    let limit: Int64
    /// How many buckets of a window with 4-bit counts may hold more than 15 units (up to
    /// 4,095) before its counts must widen: each such bucket keeps its higher bits in an
    /// overflow cell of two bytes (the bucket's ring slot, which must fit a byte, and the bits).
    /// At most three, the most ``WindowHeader/cells`` counts.
    let overflowCells: Int

    init(policy: RateLimitPolicy) {
        self.policy = policy
        // Validated policies pass through these clamps unchanged; they only keep a store called
        // directly with unvalidated input from trapping.
        let precision = Int64(min(max(policy.precision, 1), 1000))
        let window = min(max(policy.windowMilliseconds, precision), 366 * 86_400_000)
        granularity = window.dividedRoundingUp(by: precision)
        bucketCount = Int(window.dividedRoundingUp(by: granularity)) + 1
        limit = min(max(Int64(policy.limit), 0), Int64(UInt32.max))
        overflowCells = bucketCount <= 256 ? 3 : 0
    }

    /// The bucket number of an instant.
    func bucket(of milliseconds: Int64) -> Int64 {
        let quotient = milliseconds / granularity
        return milliseconds % granularity < 0 ? quotient - 1 : quotient
    }

    /// The ring slot of a bucket.
    func slot(of bucket: Int64) -> Int {
        let modulus = Int64(bucketCount)
        let remainder = bucket % modulus
        return Int(remainder < 0 ? remainder + modulus : remainder)
    }
}

/// Owns a ``WindowShape`` at a fixed address, so windows can point at it without reference
/// counting. A shard keeps the box alive while any of its windows points at it.
final class ShapeBox {
    /// The shape.
    let shape: UnsafePointer<WindowShape>

    init(policy: RateLimitPolicy) {
        let pointer = UnsafeMutablePointer<WindowShape>.allocate(capacity: 1)
        pointer.initialize(to: WindowShape(policy: policy))
        shape = UnsafePointer(pointer)
    }

    deinit {
        let pointer = UnsafeMutablePointer(mutating: shape)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}

/// The fixed part of a ``KeyWindow``: 35 bytes, followed directly by the counts (and, for
/// 4-bit counts, the overflow cells), so that at the default precision (101 four-bit counts, 51
/// bytes, and three cells, 6 bytes) a window takes 92 bytes and fits in the room its key's
/// ``KeyEntry`` keeps for its first window, and with 8-bit counts a heap window is 136 bytes, a
/// 144-byte heap block.
struct WindowHeader {
    /// The policy's shared parameters, owned by the shard's ``ShapeBox``.
    let shape: UnsafePointer<WindowShape>
    /// The key's window for its next policy, if it has several.
    var next: KeyWindow?
    /// The bucket number of the newest bucket in the ring.
    var head: Int64
    /// Units counted across the ring (at most the limit, so at most `UInt32.max`).
    var total: UInt32
    /// How many buckets before `head` the oldest bucket holding units may be: no older bucket
    /// holds any, so scans for the oldest units start there and each bucket is skipped at most
    /// once over its life, keeping reads O(1) amortised.
    var oldestLag: UInt16
    /// How many buckets before `head` units were last added (only ever to the newest bucket).
    var newestLag: UInt16
    /// The ring slot of `head`.
    var headSlot: UInt16
    /// ``cells`` in the low two bits, ``bits`` (a power of two from 4 to 32) in the next four,
    /// and ``inlineFlag`` if ``isInline``: one byte for all three.
    private var format: UInt8

    private static let inlineFlag: UInt8 = 0x80
    private static let cellsMask: UInt8 = 0x03
    private static let bitsMask: UInt8 = 0x3C

    init(
        shape: UnsafePointer<WindowShape>, next: KeyWindow?, head: Int64, total: UInt32, oldestLag: UInt16,
        newestLag: UInt16, headSlot: UInt16, bits: UInt8, isInline: Bool
    ) {
        self.shape = shape
        self.next = next
        self.head = head
        self.total = total
        self.oldestLag = oldestLag
        self.newestLag = newestLag
        self.headSlot = headSlot
        format = bits | (isInline ? Self.inlineFlag : 0)
    }

    /// Bits per count: 4, widened to 8, 16 or 32 only when a bucket needs it.
    @inline(__always)
    var bits: UInt8 { format & Self.bitsMask }

    /// How many overflow cells are in use (see ``WindowShape/overflowCells``, at most three);
    /// always 0 for counts wider than 4 bits.
    @inline(__always)
    var cells: UInt8 {
        get { format & Self.cellsMask }
        set { format = format & ~Self.cellsMask | newValue }
    }

    /// Whether the window lives in memory its key's entry owns (and so is never deallocated).
    var isInline: Bool { format & Self.inlineFlag != 0 }

    /// This header for a copy of the window on the heap with counts `bits` wide.
    func onHeap(bits: UInt8) -> WindowHeader {
        var copy = self
        copy.format = bits
        return copy
    }
}

/// The sliding window of one policy for one key, in one block of memory: a ``WindowHeader``
/// followed by the ring of per-bucket counts, `bucketCount × bits` bits, and for 4-bit counts
/// the overflow cells: up to ``WindowShape/overflowCells`` buckets may hold 16 to 4,095 units,
/// the low four bits in the ring and the rest in a cell, so that a key with a few bursts keeps
/// its window in its entry.
///
/// Manually managed (no reference counting, so threads working on different keys never touch a
/// shared counter): the key's ``KeyEntry`` owns its windows and calls ``free()`` exactly once for
/// each. The key's first window lives inside the entry when it fits; the others, and any window
/// whose counts outgrow that room, are heap allocations. Only ever touched under the key's lock.
///
/// - Complexity: O(1) amortised per operation; advancing over a long idle gap clears at most
///   the whole ring once.
struct KeyWindow {
    /// The header, at the start of the window's memory.
    let header: UnsafeMutablePointer<WindowHeader>

    /// The counts, right after the header.
    @inline(__always)
    private var counts: UnsafeMutablePointer<UInt8> {
        (UnsafeMutableRawPointer(header) + MemoryLayout<WindowHeader>.size).assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always)
    private var shape: UnsafePointer<WindowShape> { header.pointee.shape }

    @inline(__always)
    private var ring: Ring { Ring(counts: counts, bits: header.pointee.bits) }

    /// The bytes a window of `shape` with counts `bits` wide takes (at least a whole header's
    /// stride, which binding the header covers).
    private static func size(of shape: UnsafePointer<WindowShape>, bits: UInt8) -> Int {
        max(MemoryLayout<WindowHeader>.size + countBytes(of: shape, bits: bits), MemoryLayout<WindowHeader>.stride)
    }

    /// The bytes after the header: the ring, then (for 4-bit counts) the overflow cells, each
    /// a bucket's slot in the first half of the cell area and its higher bits in the second.
    private static func countBytes(of shape: UnsafePointer<WindowShape>, bits: UInt8) -> Int {
        Ring.byteCount(buckets: shape.pointee.bucketCount, bits: bits)
            + (bits == 4 ? 2 * shape.pointee.overflowCells : 0)
    }

    /// The overflow cells' slot bytes (their higher bits follow, ``WindowShape/overflowCells``
    /// bytes further on).
    private var cellSlots: UnsafeMutablePointer<UInt8> {
        counts + Ring.byteCount(buckets: shape.pointee.bucketCount, bits: 4)
    }

    /// The alignment a window's memory needs.
    static let alignment = MemoryLayout<WindowHeader>.alignment

    /// A new, empty window on the heap whose newest bucket holds `milliseconds`.
    init(shape: UnsafePointer<WindowShape>, startingAt milliseconds: Int64) {
        let header = Self.emptyHeader(shape: shape, startingAt: milliseconds, isInline: false)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: Self.size(of: shape, bits: 4), alignment: Self.alignment)
        self.init(header: header, at: raw)
    }

    /// A new, empty window placed in `storage` (`capacity` bytes aligned to ``alignment``, which
    /// the caller owns), or `nil` if it does not fit there.
    init?(
        shape: UnsafePointer<WindowShape>, startingAt milliseconds: Int64, in storage: UnsafeMutableRawPointer,
        capacity: Int
    ) {
        guard Self.size(of: shape, bits: 4) <= capacity else { return nil }
        self.init(header: Self.emptyHeader(shape: shape, startingAt: milliseconds, isInline: true), at: storage)
    }

    private static func emptyHeader(
        shape: UnsafePointer<WindowShape>, startingAt milliseconds: Int64, isInline: Bool
    ) -> WindowHeader {
        let head = shape.pointee.bucket(of: milliseconds)
        return WindowHeader(
            shape: shape, next: nil, head: head, total: 0, oldestLag: 0, newestLag: 0,
            headSlot: UInt16(truncatingIfNeeded: shape.pointee.slot(of: head)), bits: 4, isInline: isInline)
    }

    /// Places a window with `header` at `raw` (``size(of:bits:)`` bytes), its counts zero.
    private init(header: WindowHeader, at raw: UnsafeMutableRawPointer) {
        let byteCount = Self.countBytes(of: header.shape, bits: header.bits)
        self.header = raw.bindMemory(to: WindowHeader.self, capacity: 1)
        self.header.initialize(to: header)
        (raw + MemoryLayout<WindowHeader>.size).bindMemory(to: UInt8.self, capacity: byteCount)
            .initialize(repeating: 0, count: byteCount)
    }

    /// Releases the window (not its `next`): frees its memory, unless it lives in its entry. The
    /// window must not be used again.
    func free() {
        let isInline = header.pointee.isInline
        header.deinitialize(count: 1)
        if !isInline { UnsafeMutableRawPointer(header).deallocate() }
    }

    /// Whether the window is the same allocation as `other`.
    func isSame(as other: KeyWindow?) -> Bool {
        other.map { $0.header == header } ?? false
    }

    /// Whether every unit this window counted has left it by `now`, plus one bucket: the
    /// window could be dropped and started afresh without changing any decision.
    func isIdle(at now: Int64) -> Bool {
        now >= idleFrom
    }

    /// The first instant at which the window is idle (see ``isIdle(at:)``); it only ever moves
    /// later, as the window advances.
    var idleFrom: Int64 {
        (header.pointee.head + Int64(shape.pointee.bucketCount) + 1) * shape.pointee.granularity
    }

    /// Moves this window into a new heap allocation with counts `newBits` wide (its `next`
    /// included) and frees this one.
    func widened(to newBits: UInt8) -> KeyWindow {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: Self.size(of: shape, bits: newBits), alignment: Self.alignment)
        let copy = KeyWindow(header: header.pointee.onHeap(bits: newBits), at: raw)
        let to = copy.ring
        for slot in 0..<shape.pointee.bucketCount { to.set(count(at: slot), at: slot) }
        free()
        return copy
    }

    /// Moves the ring forward to the bucket of `now`, releasing the buckets that leave it. An
    /// earlier instant (the clock went backwards) changes nothing: no unit is released early.
    @inline(__always)
    func advance(to now: Int64) {
        let granularity = shape.pointee.granularity
        let start = header.pointee.head &* granularity
        // The common case, `now` still in the newest bucket, needs no division (nor a call).
        guard now >= start &+ granularity else { return }
        advanceBuckets(to: now)
    }

    /// ``advance(to:)`` when `now` is past the newest bucket.
    @inline(never)
    private func advanceBuckets(to now: Int64) {
        let bucket = shape.pointee.bucket(of: now)
        let steps = bucket - header.pointee.head
        let bucketCount = shape.pointee.bucketCount
        if header.pointee.total == 0 {
            // Every count is already zero.
        } else if steps >= Int64(bucketCount) {
            counts.update(repeating: 0, count: Self.countBytes(of: shape, bits: header.pointee.bits))
            header.pointee.cells = 0
            header.pointee.total = 0
        } else {
            var slot = Int(header.pointee.headSlot)
            var released: Int64 = 0
            for _ in 0..<Int(steps) {
                slot = slot + 1 == bucketCount ? 0 : slot + 1
                released += count(at: slot)
                ring.set(0, at: slot)
                if header.pointee.cells != 0 { setOverflow(0, at: slot) }
            }
            header.pointee.total -= UInt32(truncatingIfNeeded: released)
        }
        header.pointee.head = bucket
        header.pointee.headSlot = UInt16(
            truncatingIfNeeded: (Int64(header.pointee.headSlot) + steps % Int64(bucketCount)) % Int64(bucketCount))
        let oldest = min(Int64(header.pointee.oldestLag) + steps, Int64(bucketCount - 1))
        header.pointee.oldestLag = header.pointee.total == 0 ? 0 : UInt16(truncatingIfNeeded: oldest)
        let newest = min(Int64(header.pointee.newestLag) + steps, Int64(bucketCount))
        header.pointee.newestLag = UInt16(truncatingIfNeeded: newest)
    }

    /// Units counted across the ring.
    @inline(__always)
    var total: Int64 { Int64(header.pointee.total) }

    /// The policy's limit (at most `UInt32.max`).
    @inline(__always)
    var limit: Int64 { shape.pointee.limit }

    /// Whether this window enforces `policy`.
    @inline(__always)
    func enforces(_ policy: RateLimitPolicy) -> Bool {
        shape.pointee.policy == policy
    }

    /// The bits per count adding `units` to the newest bucket needs, if more than now.
    @inline(__always)
    func bitsNeeded(adding units: Int64) -> UInt8? {
        let slot = Int(header.pointee.headSlot)
        let updated = count(at: slot) + units
        let bits = header.pointee.bits
        // The common case: the count fits its width (4 bits without a cell).
        if updated < Int64(1) &<< Int64(bits) { return nil }
        return bitsNeeded(holding: updated, at: slot)
    }

    /// ``bitsNeeded(adding:)`` for a count of `updated` in ring slot `slot`, more than its
    /// width holds without an overflow cell.
    @inline(never)
    private func bitsNeeded(holding updated: Int64, at slot: Int) -> UInt8? {
        var largest = updated
        if header.pointee.bits == 4 {
            if updated <= Self.cellMax
                && (Int(header.pointee.cells) < shape.pointee.overflowCells || cellIndex(of: slot) != nil)
            {
                return nil
            }
            // The wider counts must also hold what the cells hold (up to 4,095).
            largest = max(largest, largestOverflowCount())
        }
        let needed: UInt8 = largest > Int64(UInt16.max) ? 32 : largest > Int64(UInt8.max) ? 16 : 8
        return needed > header.pointee.bits ? needed : nil
    }

    /// Counts `units` in the newest bucket. The caller has checked they fit the limit and
    /// widened the counts if ``bitsNeeded(adding:)`` asked for it.
    @inline(__always)
    func add(_ units: Int64) {
        if header.pointee.total == 0 { header.pointee.oldestLag = 0 }
        header.pointee.newestLag = 0
        let slot = Int(header.pointee.headSlot)
        let updated = count(at: slot) + units
        ring.set(updated, at: slot)
        if header.pointee.bits == 4 && updated > Ring.nibbleMax {
            setOverflow(UInt8(truncatingIfNeeded: updated >> 4), at: slot)
        }
        header.pointee.total &+= UInt32(truncatingIfNeeded: units)
    }

    /// When the newest counted unit leaves the ring (its bucket's release), or `nil` if empty.
    @inline(__always)
    func lastRelease() -> Int64? {
        guard header.pointee.total > 0 else { return nil }
        let bucket = header.pointee.head - Int64(header.pointee.newestLag)
        return (bucket + Int64(shape.pointee.bucketCount)) * shape.pointee.granularity
    }

    /// The instant (in milliseconds) at which the oldest buckets holding at least `units` units
    /// have all been released, or `nil` if the ring holds fewer. The scan starts at the oldest
    /// occupied bucket, so for one unit this is one step.
    @inline(__always)
    func releaseTime(freeing units: Int64) -> Int64? {
        guard units > 0, Int64(header.pointee.total) >= units else { return nil }
        let bucketCount = shape.pointee.bucketCount
        var lag = Int(header.pointee.oldestLag)
        var slot = Int(header.pointee.headSlot) - lag
        if slot < 0 { slot += bucketCount }
        var freed: Int64 = 0
        while lag >= 0 {
            let count = count(at: slot)
            if count > 0 && freed == 0 { header.pointee.oldestLag = UInt16(truncatingIfNeeded: lag) }
            freed += count
            if freed >= units {
                return (header.pointee.head - Int64(lag) + Int64(bucketCount)) * shape.pointee.granularity
            }
            lag -= 1
            slot = slot + 1 == bucketCount ? 0 : slot + 1
        }
        return nil
    }
}

extension KeyWindow {
    /// The most units a bucket with 4-bit counts can hold with an overflow cell.
    fileprivate static let cellMax: Int64 = 4095

    /// The units counted in ring slot `slot`.
    @inline(__always)
    fileprivate func count(at slot: Int) -> Int64 {
        let low = ring[slot]
        return header.pointee.cells == 0 ? low : low | overflow(at: slot)
    }

    /// The units ring slot `slot`'s overflow cell holds (its count less the low four bits).
    @inline(never)
    private func overflow(at slot: Int) -> Int64 {
        guard let index = cellIndex(of: slot) else { return 0 }
        return Int64(cellSlots[shape.pointee.overflowCells + index]) << 4
    }

    /// The largest count among the buckets with an overflow cell (0 if none).
    fileprivate func largestOverflowCount() -> Int64 {
        var largest: Int64 = 0
        for index in 0..<Int(header.pointee.cells) { largest = max(largest, count(at: Int(cellSlots[index]))) }
        return largest
    }

    /// The index of the overflow cell in use for ring slot `slot`, if any.
    fileprivate func cellIndex(of slot: Int) -> Int? {
        let cells = Int(header.pointee.cells)
        for index in 0..<cells where Int(cellSlots[index]) == slot { return index }
        return nil
    }

    /// Keeps `high` (bits 4 to 11 of a 4-bit bucket's count) in ring slot `slot`'s overflow
    /// cell: a cell is taken when it becomes non-zero and given back when it returns to zero
    /// (the last cell in use moving into its place).
    @inline(never)
    private func setOverflow(_ high: UInt8, at slot: Int) {
        let capacity = shape.pointee.overflowCells
        let cells = Int(header.pointee.cells)
        let slots = cellSlots
        if let index = cellIndex(of: slot) {
            if high != 0 {
                slots[capacity + index] = high
            } else {
                slots[index] = slots[cells - 1]
                slots[capacity + index] = slots[capacity + cells - 1]
                header.pointee.cells -= 1
            }
        } else if high != 0 && cells < capacity {
            // ``bitsNeeded(adding:)`` leaves a cell free for any bucket that needs one.
            slots[cells] = UInt8(truncatingIfNeeded: slot)
            slots[capacity + cells] = high
            header.pointee.cells += 1
        }
    }
}

/// Counts `bits` bits wide (4, 8, 16 or 32), read and written at a ring slot. Four-bit counts
/// are packed two to a byte, the even slot in the low half.
private struct Ring {
    let counts: UnsafeMutablePointer<UInt8>
    let bits: UInt8

    /// The largest four-bit count.
    static let nibbleMax: Int64 = 15

    /// The bytes `buckets` counts `bits` wide take.
    static func byteCount(buckets: Int, bits: UInt8) -> Int {
        (buckets * Int(bits) + 7) / 8
    }

    @inline(__always)
    subscript(slot: Int) -> Int64 {
        switch bits {
        case 4: Int64((counts[slot >> 1] >> UInt8(truncatingIfNeeded: (slot & 1) << 2)) & 0xF)
        case 8: Int64(counts[slot])
        case 16: Int64(UnsafeRawPointer(counts).loadUnaligned(fromByteOffset: slot * 2, as: UInt16.self))
        default: Int64(UnsafeRawPointer(counts).loadUnaligned(fromByteOffset: slot * 4, as: UInt32.self))
        }
    }

    @inline(__always)
    func set(_ value: Int64, at slot: Int) {
        let raw = UnsafeMutableRawPointer(counts)
        switch bits {
        case 4:
            let shift = UInt8(truncatingIfNeeded: (slot & 1) << 2)
            let kept = counts[slot >> 1] & ~(0xF << shift)
            counts[slot >> 1] = kept | (UInt8(truncatingIfNeeded: value) & 0xF) << shift
        case 8: counts[slot] = UInt8(truncatingIfNeeded: value)
        case 16: raw.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: slot * 2, as: UInt16.self)
        default: raw.storeBytes(of: UInt32(truncatingIfNeeded: value), toByteOffset: slot * 4, as: UInt32.self)
        }
    }
}
