/// What a ``KeyEntry`` holds behind its lock, besides the operation count and the room for its
/// first window.
struct KeyEntryState {
    /// The key, or empty while the entry is free.
    var key: String
    /// The key's first window, `nil` while the entry is free: a reader that finds an entry
    /// without one has found a key already swept away.
    var first: KeyWindow?
}

/// One tracked key of a shard: a 128-byte, 128-byte-aligned block (a pair of cache lines)
/// holding an ``EntryLock`` and, behind it, the count of operations on the key, whether the key
/// is ASCII (see ``KeyBytes/equal(stored:storedIsASCII:_:)``), the key and its windows (a
/// ``KeyEntryState``), and room for the key's first window, which at the default precision
/// fits there: most keys need no memory beyond their entry.
///
/// An operation on a key it already tracks writes to this block only (its lock and its
/// windows), so threads working on different keys never write to the same cache line.
/// Entries are type-stable: a shard never frees one while the store lives, but recycles it for
/// a new key after a sweep. A reader that reached an entry through the shard's table without a
/// lock therefore always reads a valid lock, and checks under it that the entry still holds its
/// key (``holds(_:)``).
struct KeyEntry: Equatable {
    /// The start of the block: the lock, the operation count, the ASCII flag, the state, then
    /// the window room.
    let base: UnsafeMutableRawPointer

    private static let operationsOffset = MemoryLayout<UInt32>.size
    private static let asciiKeyOffset = operationsOffset + MemoryLayout<UInt16>.size
    private static let stateOffset = roundedUp(
        asciiKeyOffset + MemoryLayout<Bool>.size, MemoryLayout<KeyEntryState>.alignment)
    private static let windowOffset = roundedUp(stateOffset + MemoryLayout<KeyEntryState>.size, KeyWindow.alignment)
    /// The alignment of every entry, so that no two entries share a cache line, nor the pair of
    /// lines processors fetch together.
    static let alignment = 128
    /// Bytes per entry: one aligned pair of cache lines (more only if the state outgrew it),
    /// which leaves 96 bytes for the first window: enough for the default precision's 92.
    static let stride = roundedUp(max(windowOffset, alignment), alignment)
    /// Bytes kept in the entry for the key's first window (never negative: a window that does
    /// not fit goes on the heap).
    private static let windowRoom = stride - windowOffset
    /// How many operations on a key make one batch counted towards the shard's sweep (a divisor
    /// of 65,536, so the 16-bit count keeps the cadence when it wraps).
    static let operationBatch: UInt16 = 64

    private static func roundedUp(_ offset: Int, _ alignment: Int) -> Int {
        (offset + alignment - 1) / alignment * alignment
    }

    /// The entry at `base`, initialised by ``initialize(at:)``.
    init(base: UnsafeMutableRawPointer) {
        self.base = base
    }

    /// Places a free entry at `base` (``stride`` uninitialised bytes aligned to ``alignment``).
    static func initialize(at base: UnsafeMutableRawPointer) -> KeyEntry {
        _ = EntryLock.initialize(at: base)
        (base + operationsOffset).bindMemory(to: UInt16.self, capacity: 1).initialize(to: 0)
        (base + asciiKeyOffset).bindMemory(to: Bool.self, capacity: 1).initialize(to: true)
        (base + stateOffset).bindMemory(to: KeyEntryState.self, capacity: 1)
            .initialize(to: KeyEntryState(key: "", first: nil))
        return KeyEntry(base: base)
    }

    /// Frees the entry's windows and its key; the memory itself belongs to the shard's slab.
    func deinitialize() {
        release()
        state.deinitialize(count: 1)
        asciiKey.deinitialize(count: 1)
        operations.deinitialize(count: 1)
    }

    private var lock: EntryLock { EntryLock(at: base) }

    private var operations: UnsafeMutablePointer<UInt16> {
        (base + Self.operationsOffset).assumingMemoryBound(to: UInt16.self)
    }

    /// Whether the tracked key is all ASCII, which makes comparing it cheaper.
    private var asciiKey: UnsafeMutablePointer<Bool> {
        (base + Self.asciiKeyOffset).assumingMemoryBound(to: Bool.self)
    }

    private var state: UnsafeMutablePointer<KeyEntryState> {
        (base + Self.stateOffset).assumingMemoryBound(to: KeyEntryState.self)
    }

    // MARK: Locking

    /// Takes the entry's lock; everything below but ``trackedKey`` needs it.
    func lockEntry() { lock.lock() }

    /// Releases the entry's lock.
    func unlockEntry() { lock.unlock() }

    /// Whether the entry currently tracks `key` (the same UTF-8 bytes, see ``KeyBytes``).
    @inline(__always)
    func holds(_ key: String) -> Bool {
        state.pointee.first != nil
            && KeyBytes.equal(stored: state.pointee.key, storedIsASCII: asciiKey.pointee, key)
    }

    /// The tracked key (empty while the entry is free); under the shard's mutex, which every
    /// change of key holds, with or without the entry's lock.
    var trackedKey: String { state.pointee.key }

    /// Makes a free entry track `key`, with no window yet; under the shard's mutex and the
    /// entry's lock. The caller adds the first window before releasing the lock.
    func assign(key: String) {
        // A fresh copy: contiguous, and inline in the string itself when 15 bytes or fewer (a
        // string built by interpolation keeps a heap buffer, which every comparison would
        // retain and release).
        let key = String(decoding: key.utf8, as: UTF8.self)
        asciiKey.pointee = KeyBytes.isASCII(key)
        state.pointee.key = key
        operations.pointee = 0
    }

    /// Frees every window and forgets the key: the entry becomes free.
    func release() {
        var window = state.pointee.first
        while let current = window {
            window = current.header.pointee.next
            current.free()
        }
        state.pointee.first = nil
        state.pointee.key = ""
    }

    /// Counts one operation; `true` once per ``operationBatch``, when the caller adds the batch
    /// to the shard's count.
    func countOperation() -> Bool {
        operations.pointee &+= 1
        return operations.pointee % Self.operationBatch == 0
    }

    // MARK: Windows

    /// The key's window for `policy`, if it has one.
    @inline(__always)
    func window(for policy: RateLimitPolicy) -> KeyWindow? {
        var window = state.pointee.first
        while let current = window {
            if current.enforces(policy) { return current }
            window = current.header.pointee.next
        }
        return nil
    }

    /// Starts a window of `shape` at `now` and appends it to the key's chain: the first in the
    /// entry's own room if it fits, any other on the heap.
    func appendWindow(shape: UnsafePointer<WindowShape>, now: Int64) {
        guard var last = state.pointee.first else {
            state.pointee.first =
                KeyWindow(shape: shape, startingAt: now, in: base + Self.windowOffset, capacity: Self.windowRoom)
                ?? KeyWindow(shape: shape, startingAt: now)
            return
        }
        while let next = last.header.pointee.next { last = next }
        last.header.pointee.next = KeyWindow(shape: shape, startingAt: now)
    }

    /// The first instant at which every window of the key is idle; it only ever moves later.
    var idleFrom: Int64 {
        var latest = Int64.min
        var window = state.pointee.first
        while let current = window {
            latest = max(latest, current.idleFrom)
            window = current.header.pointee.next
        }
        return latest
    }

    /// Calls `body` with the shape of every window of the key.
    func forEachShape(_ body: (UnsafePointer<WindowShape>) -> Void) {
        var window = state.pointee.first
        while let current = window {
            body(current.header.pointee.shape)
            window = current.header.pointee.next
        }
    }

    /// `window`, or a copy with wider counts put in its place in the chain if adding `units`
    /// needs one.
    private func widenedIfNeeded(_ window: KeyWindow, adding units: Int64) -> KeyWindow {
        guard let bits = window.bitsNeeded(adding: units) else { return window }
        let wider = window.widened(to: bits)
        if window.isSame(as: state.pointee.first) {
            state.pointee.first = wider
        } else {
            var previous = state.pointee.first
            while let current = previous, !window.isSame(as: current.header.pointee.next) {
                previous = current.header.pointee.next
            }
            previous?.header.pointee.next = wider
        }
        return wider
    }

    // MARK: Deciding

    /// Checks and counts one policy in `window`, the key's window for it (from
    /// ``window(for:)``).
    @inline(__always)
    func acquire(in window: KeyWindow, cost: Int64, now: Int64) -> WindowOutcome {
        var window = window
        window.advance(to: now)
        let allowed = cost <= window.limit - window.total
        if allowed && cost > 0 {
            window = widenedIfNeeded(window, adding: cost)
            window.add(cost)
        }
        return Self.outcome(of: window, allowed: allowed, cost: cost, now: now)
    }

    /// Checks every policy and counts in all of them, or in none; `nil` (changing nothing) if
    /// the key lacks a window for one of them.
    func acquire(policies: [RateLimitPolicy], cost: Int64, now: Int64) -> [WindowOutcome]? {
        var chosen: [KeyWindow] = []
        chosen.reserveCapacity(policies.count)
        for policy in policies {
            guard let window = window(for: policy) else { return nil }
            chosen.append(window)
        }
        var allowed = true
        for window in chosen {
            window.advance(to: now)
            allowed = allowed && cost <= window.limit - window.total
        }
        if allowed && cost > 0 {
            for position in chosen.indices {
                // A policy given twice is one policy: its window, counted at its first mention
                // (and perhaps widened there), serves the later ones.
                if let first = policies[..<position].firstIndex(of: policies[position]) {
                    chosen[position] = chosen[first]
                    continue
                }
                chosen[position] = widenedIfNeeded(chosen[position], adding: cost)
                chosen[position].add(cost)
            }
        }
        var outcomes: [WindowOutcome] = []
        outcomes.reserveCapacity(policies.count)
        for window in chosen {
            outcomes.append(Self.outcome(of: window, allowed: allowed, cost: cost, now: now))
        }
        if !allowed {
            // The request is admitted only once every policy admits it.
            let latest = outcomes.reduce(WindowOutcome.admitted) { max($0, $1.retryAt) }
            for position in outcomes.indices { outcomes[position].retryAt = latest }
        }
        return outcomes
    }

    @inline(__always)
    private static func outcome(
        of window: KeyWindow, allowed: Bool, cost: Int64, now: Int64
    ) -> WindowOutcome {
        let limit = window.limit
        let total = window.total
        let nextUnit = max(now, window.releaseTime(freeing: 1) ?? now)
        var retryAt = WindowOutcome.admitted
        if !allowed {
            let needed = total + cost - limit
            retryAt = needed == 1 ? nextUnit : max(now, window.releaseTime(freeing: needed) ?? now)
        }
        return WindowOutcome(
            remaining: max(0, limit - total),
            resetAt: max(now, window.lastRelease() ?? now),
            nextUnitFreesAt: nextUnit,
            retryAt: retryAt
        )
    }
}
