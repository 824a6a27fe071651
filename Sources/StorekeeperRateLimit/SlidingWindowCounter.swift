/// The sliding window of one policy for one key: a ring of per-bucket counts.
///
/// Time is cut into buckets of `granularity` milliseconds (the window divided by the policy's
/// precision, rounded up). A unit counted in bucket `b` stays counted until bucket
/// `b + precision + 1` begins: never before it has truly left the window (so the limit is never
/// exceeded in any window), and at most one bucket after (the under-admission bound). The ring
/// therefore holds `precision + 1` buckets. Counts start one byte wide and widen to 2 or 4 bytes
/// only when a bucket needs it, so a window usually costs `precision + 1` bytes of counts.
///
/// - Complexity: O(1) amortised per operation; advancing over a long idle gap clears at most
///   the whole ring once.
struct SlidingWindowCounter {
    /// The policy this window enforces.
    let policy: RateLimitPolicy
    /// Milliseconds per bucket.
    let granularity: Int64
    /// Buckets in the ring: the policy's precision plus one.
    let bucketCount: Int
    private var width: UInt8
    private var counts: [UInt8]
    /// The bucket number of the newest bucket in the ring.
    private(set) var head: Int64
    /// Units counted across the ring.
    private(set) var total: Int64
    /// No bucket of the ring older than this one holds units, so scans for the oldest units
    /// start here: each bucket is skipped at most once over its life, keeping reads O(1) amortised.
    private var oldestOccupied: Int64
    /// The bucket units were last added to (units are only ever added to the newest bucket).
    private var newestOccupied: Int64

    init(policy: RateLimitPolicy, startingAt milliseconds: Int64) {
        self.policy = policy
        let precision = Int64(policy.precision)
        granularity = (policy.windowMilliseconds + precision - 1) / precision
        bucketCount = policy.precision + 1
        width = 1
        counts = [UInt8](repeating: 0, count: bucketCount)
        head = Self.floorDivide(milliseconds, granularity)
        total = 0
        oldestOccupied = head
        newestOccupied = head
    }

    /// The bucket number of an instant.
    func bucket(of milliseconds: Int64) -> Int64 {
        Self.floorDivide(milliseconds, granularity)
    }

    /// Moves the ring forward to `bucket`, releasing the buckets that leave it. An earlier
    /// bucket (the clock went backwards) changes nothing: no unit is ever released early.
    mutating func advance(to bucket: Int64) {
        guard bucket > head else { return }
        if bucket - head >= Int64(bucketCount) {
            for index in counts.indices { counts[index] = 0 }
            total = 0
        } else {
            var released = head + 1
            while released <= bucket {
                let slot = self.slot(released)
                total -= count(at: slot)
                setCount(0, at: slot)
                released += 1
            }
        }
        head = bucket
        oldestOccupied = total == 0 ? head : max(oldestOccupied, head - Int64(bucketCount) + 1)
    }

    /// Counts `units` in the newest bucket. The caller has checked they fit the limit.
    mutating func add(_ units: Int64) {
        if total == 0 { oldestOccupied = head }
        newestOccupied = head
        let slot = self.slot(head)
        let updated = count(at: slot) + units
        if updated > Int64(UInt8.max) && width == 1 { widen(to: updated > Int64(UInt16.max) ? 4 : 2) }
        if updated > Int64(UInt16.max) && width == 2 { widen(to: 4) }
        setCount(updated, at: slot)
        total += units
    }

    /// When the newest counted unit leaves the ring (its bucket's release), or `nil` if empty.
    func lastRelease() -> Int64? {
        total > 0 ? release(of: newestOccupied) : nil
    }

    /// The instant (in milliseconds) at which the oldest buckets holding at least `units` units
    /// have all been released, or `nil` if the ring holds fewer. The scan starts at the oldest
    /// occupied bucket, so for one unit this is one step.
    mutating func releaseTime(freeing units: Int64) -> Int64? {
        guard units > 0, total >= units else { return nil }
        var freed: Int64 = 0
        var bucket = oldestOccupied
        while bucket <= head {
            let count = count(at: slot(bucket))
            if count > 0 && freed == 0 { oldestOccupied = bucket }
            freed += count
            if freed >= units { return release(of: bucket) }
            bucket += 1
        }
        return nil
    }

    /// The instant a bucket's units leave the ring: when the bucket `bucketCount` later begins.
    private func release(of bucket: Int64) -> Int64 {
        (bucket + Int64(bucketCount)) * granularity
    }

    /// Re-lays the counts out `newWidth` bytes wide.
    private mutating func widen(to newWidth: UInt8) {
        let old = (0..<bucketCount).map { count(at: $0) }
        width = newWidth
        counts = [UInt8](repeating: 0, count: bucketCount * Int(newWidth))
        for (slot, value) in old.enumerated() { setCount(value, at: slot) }
    }

    private func slot(_ bucket: Int64) -> Int {
        let modulus = Int64(bucketCount)
        return Int(((bucket % modulus) + modulus) % modulus)
    }

    private func count(at slot: Int) -> Int64 {
        counts.withUnsafeBytes { raw in
            switch width {
            case 1: Int64(raw[slot])
            case 2: Int64(raw.loadUnaligned(fromByteOffset: slot * 2, as: UInt16.self))
            default: Int64(raw.loadUnaligned(fromByteOffset: slot * 4, as: UInt32.self))
            }
        }
    }

    private mutating func setCount(_ value: Int64, at slot: Int) {
        let width = self.width
        counts.withUnsafeMutableBytes { raw in
            switch width {
            case 1: raw[slot] = UInt8(truncatingIfNeeded: value)
            case 2: raw.storeBytes(of: UInt16(truncatingIfNeeded: value), toByteOffset: slot * 2, as: UInt16.self)
            default: raw.storeBytes(of: UInt32(truncatingIfNeeded: value), toByteOffset: slot * 4, as: UInt32.self)
            }
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }
}
