#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The shards of ``InMemoryRateLimitStore``, in one allocation: per shard a POSIX mutex (which
/// ThreadSanitizer understands) followed by the ``ShardTable`` it guards.
///
/// Each shard's block is aligned to, and a multiple of, 128 bytes, so two shards never share a
/// cache line (or an adjacent-line prefetch pair), and nothing on the way to a shard is
/// reference-counted: threads working on different shards do not slow each other down, and an
/// operation writes to one shared cache line only (the mutex's).
struct RateLimitShards: @unchecked Sendable {
    // @unchecked: a table is only reached through `withLock`, under its shard's mutex.
    private let base: UnsafeMutableRawPointer
    /// The number of shards.
    let count: Int

    /// The table right after the mutex, so the two words written on every operation (the lock
    /// and the table's operation count, its first field) share one cache line.
    private static let tableOffset =
        (MemoryLayout<pthread_mutex_t>.stride + MemoryLayout<ShardTable>.alignment - 1)
        / MemoryLayout<ShardTable>.alignment * MemoryLayout<ShardTable>.alignment
    private static let stride = (tableOffset + MemoryLayout<ShardTable>.stride + 127) / 128 * 128

    /// Allocates `count` empty shards; ``deallocate()`` must be called exactly once.
    init(count: Int) {
        self.count = count
        base = UnsafeMutableRawPointer.allocate(byteCount: Self.stride * count, alignment: 128)
        for shard in 0..<count {
            let mutex = mutex(shard)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
            table(shard).initialize(to: ShardTable())
        }
    }

    /// Frees every shard and what it holds.
    func deallocate() {
        for shard in 0..<count {
            table(shard).pointee.removeAll()
            table(shard).deinitialize(count: 1)
            pthread_mutex_destroy(mutex(shard))
            mutex(shard).deinitialize(count: 1)
        }
        base.deallocate()
    }

    private func mutex(_ shard: Int) -> UnsafeMutablePointer<pthread_mutex_t> {
        (base + shard * Self.stride).bindMemory(to: pthread_mutex_t.self, capacity: 1)
    }

    private func table(_ shard: Int) -> UnsafeMutablePointer<ShardTable> {
        (base + shard * Self.stride + Self.tableOffset).bindMemory(to: ShardTable.self, capacity: 1)
    }

    /// Runs `body` with exclusive access to the table of shard `shard` (in `0..<count`).
    func withLock<Result>(_ shard: Int, _ body: (inout ShardTable) -> Result) -> Result {
        let mutex = mutex(shard)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body(&table(shard).pointee)
    }
}

/// The keys of one shard: an open-addressing table (linear probing) of each key's first
/// window, with a parallel array of one-byte tags so that probes rarely touch a window.
///
/// A tag is 0 for an empty slot, 1 for a removed one, and otherwise 0x80 or above: seven bits of
/// the key's hash. The table grows to keep used and removed slots at most 4/5 of its capacity,
/// so a probe always reaches an empty slot.
struct ShardTable {
    // First, to share the mutex's cache line: written on every operation.
    private var operationsSinceSweep = 0
    private var tags = [UInt8](repeating: 0, count: 16)
    /// Each key's first window, owned by the table (freed when the key is dropped).
    private var windows = [KeyWindow?](repeating: nil, count: 16)
    /// Keys held.
    private(set) var count = 0
    private var removed = 0
    /// The shapes of the policies the shard's windows enforce, shared by every key.
    private var shapes: [RateLimitPolicy: ShapeBox] = [:]
    private var lastShape: ShapeBox?

    // MARK: Deciding

    /// Checks and counts one policy for `key`.
    mutating func acquire(
        key: String, hash: UInt64, policy: RateLimitPolicy, cost: Int64, now: Int64
    ) -> RateLimitDecision {
        let index = slot(for: key, hash: hash, firstPolicy: policy, now: now)
        guard let first = windows[index] else { return Self.unreachable(policy, now: now) }
        var window = first
        if !window.enforces(policy) {
            window = self.window(for: policy, after: first, now: now)
        }
        window.advance(to: now)
        let total = window.total
        let allowed = cost <= window.limit - total
        if allowed && cost > 0 {
            window = widenedIfNeeded(window, adding: cost, at: index)
            window.add(cost)
        }
        return Self.decision(for: policy, window: window, allowed: allowed, cost: cost, now: now)
    }

    /// Checks every policy for `key` and counts in all of them, or in none.
    mutating func acquire(
        key: String, hash: UInt64, policies: [RateLimitPolicy], cost: Int64, now: Int64
    ) -> [RateLimitDecision] {
        guard let firstPolicy = policies.first else { return [] }
        let index = slot(for: key, hash: hash, firstPolicy: firstPolicy, now: now)
        guard let first = windows[index] else { return policies.map { Self.unreachable($0, now: now) } }
        var chosen: [KeyWindow] = []
        chosen.reserveCapacity(policies.count)
        var allowed = true
        for policy in policies {
            let window = first.enforces(policy) ? first : self.window(for: policy, after: first, now: now)
            window.advance(to: now)
            allowed = allowed && cost <= window.limit - window.total
            chosen.append(window)
        }
        if allowed && cost > 0 {
            for position in chosen.indices {
                let window = chosen[position]
                let wider = widenedIfNeeded(window, adding: cost, at: index)
                if !wider.isSame(as: window) {
                    // The same policy given twice shares one window: update every mention.
                    for other in chosen.indices where window.isSame(as: chosen[other]) { chosen[other] = wider }
                }
                wider.add(cost)
            }
        }
        var decisions: [RateLimitDecision] = []
        decisions.reserveCapacity(policies.count)
        for (policy, window) in zip(policies, chosen) {
            decisions.append(Self.decision(for: policy, window: window, allowed: allowed, cost: cost, now: now))
        }
        return decisions
    }

    private static func decision(
        for policy: RateLimitPolicy, window: KeyWindow, allowed: Bool, cost: Int64, now: Int64
    ) -> RateLimitDecision {
        let limit = Int64(policy.limit)
        let total = window.total
        let resetAt = max(now, window.lastRelease() ?? now)
        let nextUnit = max(now, window.releaseTime(freeing: 1) ?? now)
        var retryAt: Date? = nil
        if !allowed {
            let needed = total + cost - limit
            let retry = needed == 1 ? nextUnit : max(now, window.releaseTime(freeing: needed) ?? now)
            retryAt = Milliseconds.date(retry)
        }
        return RateLimitDecision(
            policy: policy,
            isAllowed: allowed,
            remaining: Int(max(0, limit - total)),
            resetAt: Milliseconds.date(resetAt),
            nextUnitFreesAt: Milliseconds.date(nextUnit),
            retryAt: retryAt
        )
    }

    /// A denial for a state that cannot arise (a slot just filled found empty), so that no
    /// input can crash the store.
    private static func unreachable(_ policy: RateLimitPolicy, now: Int64) -> RateLimitDecision {
        let date = Milliseconds.date(now)
        return RateLimitDecision(
            policy: policy, isAllowed: false, remaining: 0, resetAt: date, nextUnitFreesAt: date, retryAt: date)
    }

    // MARK: Windows

    /// The key's window for `policy`, found along the chain from `first` or started now and
    /// appended to it.
    private mutating func window(for policy: RateLimitPolicy, after first: KeyWindow, now: Int64) -> KeyWindow {
        var window = first
        while true {
            if window.enforces(policy) { return window }
            guard let next = window.header.pointee.next else { break }
            window = next
        }
        let added = KeyWindow(key: "", shape: shape(for: policy), startingAt: now)
        window.header.pointee.next = added
        return added
    }

    /// `window`, or a copy with wider counts put in its place if adding `units` needs one.
    private mutating func widenedIfNeeded(_ window: KeyWindow, adding units: Int64, at index: Int) -> KeyWindow {
        guard let width = window.widthNeeded(adding: units) else { return window }
        let wider = window.widened(to: width)
        if window.isSame(as: windows[index]) {
            windows[index] = wider
        } else {
            var previous = windows[index]
            while let current = previous, !window.isSame(as: current.header.pointee.next) {
                previous = current.header.pointee.next
            }
            previous?.header.pointee.next = wider
        }
        return wider
    }

    private mutating func shape(for policy: RateLimitPolicy) -> UnsafePointer<WindowShape> {
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

    // MARK: The table

    private static func tag(_ hash: UInt64) -> UInt8 {
        UInt8(truncatingIfNeeded: hash >> 57) | 0x80
    }

    /// The slot holding `key`, inserted with a window for `firstPolicy` if absent.
    private mutating func slot(for key: String, hash: UInt64, firstPolicy: RateLimitPolicy, now: Int64) -> Int {
        let tag = Self.tag(hash)
        var mask = tags.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        var free = -1
        while true {
            let found = tags[index]
            if found == tag, let window = windows[index], window.header.pointee.key == key { return index }
            if found == 0 { break }
            if found == 1 && free < 0 { free = index }
            index = (index + 1) & mask
        }
        if free < 0 {
            if (count + removed + 1) * 5 > tags.count * 4 {
                resize(to: Self.capacity(for: count + 1))
                mask = tags.count - 1
                index = Int(truncatingIfNeeded: hash) & mask
                while tags[index] != 0 { index = (index + 1) & mask }
            }
        } else {
            index = free
            removed -= 1
        }
        tags[index] = tag
        windows[index] = KeyWindow(key: key, shape: shape(for: firstPolicy), startingAt: now)
        count += 1
        return index
    }

    /// The smallest power-of-two capacity (at least 16) that holds `keys` at most 4/5 full, with
    /// room to grow by a quarter.
    private static func capacity(for keys: Int) -> Int {
        var capacity = 16
        while keys * 5 > capacity * 4 { capacity *= 2 }
        return capacity
    }

    private mutating func resize(to capacity: Int) {
        let oldTags = tags
        let oldWindows = windows
        tags = [UInt8](repeating: 0, count: capacity)
        windows = [KeyWindow?](repeating: nil, count: capacity)
        removed = 0
        let mask = capacity - 1
        for (tag, window) in zip(oldTags, oldWindows) where tag >= 0x80 {
            guard let window else { continue }
            let hash = InMemoryRateLimitStore.hash(window.header.pointee.key)
            var index = Int(truncatingIfNeeded: hash) & mask
            while tags[index] != 0 { index = (index + 1) & mask }
            tags[index] = tag
            windows[index] = window
        }
    }

    // MARK: Eviction

    /// Sweeps for idle keys once the shard has performed `interval` operations, and at least
    /// as many as it holds keys, so a sweep costs O(1) amortised per operation.
    mutating func sweepIfDue(now: Int64, interval: Int) {
        operationsSinceSweep += 1
        if operationsSinceSweep >= max(interval, count) {
            sweep(now: now)
        }
    }

    /// Drops every key whose windows are all idle at `now` (see ``KeyWindow/isIdle(at:)``).
    mutating func sweep(now: Int64) {
        operationsSinceSweep = 0
        for index in tags.indices where tags[index] >= 0x80 {
            var window = windows[index]
            var idle = true
            while let current = window, idle {
                idle = current.isIdle(at: now)
                window = current.header.pointee.next
            }
            if idle {
                Self.free(windows[index])
                tags[index] = 1
                windows[index] = nil
                count -= 1
                removed += 1
            }
        }
        if removed > 0 && (removed * 4 > tags.count || (tags.count > 16 && count * 8 < tags.count)) {
            resize(to: Self.capacity(for: count))
        }
        if shapes.count > 64 {
            // Keep only the shapes some window points at.
            var live: Set<UnsafePointer<WindowShape>> = []
            for first in windows {
                var window = first
                while let current = window {
                    live.insert(current.header.pointee.shape)
                    window = current.header.pointee.next
                }
            }
            shapes = shapes.filter { live.contains($0.value.shape) }
            if let lastShape, !live.contains(lastShape.shape) { self.lastShape = nil }
        }
    }

    /// Frees every window and forgets every key.
    mutating func removeAll() {
        for window in windows { Self.free(window) }
        tags = [UInt8](repeating: 0, count: 16)
        windows = [KeyWindow?](repeating: nil, count: 16)
        count = 0
        removed = 0
    }

    /// Frees a key's windows, the first and every one chained after it.
    private static func free(_ first: KeyWindow?) {
        var window = first
        while let current = window {
            window = current.header.pointee.next
            current.free()
        }
    }
}
