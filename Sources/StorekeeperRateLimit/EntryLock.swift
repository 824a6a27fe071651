import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A spin lock in one 32-bit word of manually allocated memory: the lock of one tracked key.
///
/// Taking it uncontended is one compare-and-exchange and releasing it one store, on the key's
/// own cache line, so threads working on different keys never write a shared line. A waiter
/// spins briefly and then yields its processor (contention needs two requests for the same key
/// at the same instant, and a holder never blocks: it only counts in the key's windows).
/// Built on `Atomic` with acquiring and releasing orderings, which ThreadSanitizer understands.
struct EntryLock {
    /// The lock word: 0 when free, 1 when held.
    private let word: UnsafeMutablePointer<Atomic<UInt32>>

    /// The lock whose word is at `address`, initialised by ``initialize(at:)``.
    init(at address: UnsafeMutableRawPointer) {
        word = address.assumingMemoryBound(to: Atomic<UInt32>.self)
    }

    /// Places a free lock at `address` (4-byte aligned, uninitialised memory).
    static func initialize(at address: UnsafeMutableRawPointer) -> EntryLock {
        address.bindMemory(to: Atomic<UInt32>.self, capacity: 1).initialize(to: Atomic(0))
        return EntryLock(at: address)
    }

    /// How many times a waiter checks the word before yielding its processor.
    private static let spinsBeforeYield = 100

    /// Waits until the lock is free and takes it.
    func lock() {
        while !word.pointee.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged {
            var spins = 0
            while word.pointee.load(ordering: .relaxed) != 0 {
                spins += 1
                if spins == Self.spinsBeforeYield {
                    spins = 0
                    sched_yield()
                }
            }
        }
    }

    /// Releases the lock, which the caller holds.
    func unlock() {
        word.pointee.store(0, ordering: .releasing)
    }
}
