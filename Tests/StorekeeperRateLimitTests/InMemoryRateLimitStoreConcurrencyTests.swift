import StorekeeperRateLimit
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The in-memory store under concurrent use: keys found without a shared lock, inserted,
/// moved by table growth and swept while other tasks use them, never admit more than a limit.
@Suite("In-memory rate-limit store concurrency")
struct InMemoryRateLimitStoreConcurrencyTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    let policy = RateLimitPolicy(name: "p", limit: 10, window: .seconds(60))
    let burst = RateLimitPolicy(name: "burst", limit: 7, window: .seconds(10))

    /// How many of the calls `attempt(task, key)` made by `tasks` concurrent tasks, each going
    /// `rounds` times over `keys`, were admitted, per key.
    private static func admittedPerKey(
        tasks: Int, rounds: Int, keys: Int, _ attempt: @escaping @Sendable (Int, Int) throws -> Bool
    ) async throws -> [Int] {
        try await withThrowingTaskGroup(of: [Int].self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var admitted = [Int](repeating: 0, count: keys)
                    for _ in 0..<rounds {
                        for key in 0..<keys where try attempt(task, key) { admitted[key] += 1 }
                    }
                    return admitted
                }
            }
            var total = [Int](repeating: 0, count: keys)
            for try await admitted in group {
                for key in 0..<keys { total[key] += admitted[key] }
            }
            return total
        }
    }

    @Test("tasks acquiring many keys at one instant admit exactly each key's limit")
    func manyKeysExactly() async throws {
        let store = InMemoryRateLimitStore(shardCount: 4)
        let policy = policy
        let admitted = try await Self.admittedPerKey(tasks: 6, rounds: 4, keys: 600) { _, key in
            try store.acquire(key: "key-\(key)", policy: policy, cost: 1, now: Self.start).isAllowed
        }
        #expect(admitted.allSatisfy { $0 == 10 })
        #expect(store.trackedKeyCount == 600)
    }

    @Test("tasks acquiring several policies per key at once count in all of them or in none")
    func severalPoliciesExactly() async throws {
        let store = InMemoryRateLimitStore(shardCount: 2)
        let policies = [policy, burst]
        let admitted = try await Self.admittedPerKey(tasks: 4, rounds: 3, keys: 300) { task, key in
            // Half the tasks start with one policy, so the second one is added while others decide.
            if task % 2 == 0 && key % 3 == 0 {
                _ = try store.acquire(key: "key-\(key)", policy: policies[1], cost: 0, now: Self.start)
            }
            let decisions = try store.acquire(key: "key-\(key)", policies: policies, cost: 1, now: Self.start)
            return decisions.allSatisfy(\.isAllowed)
        }
        #expect(admitted.allSatisfy { $0 == 7 })
        for key in 0..<300 {
            let peek = try store.acquire(key: "key-\(key)", policies: policies, cost: 0, now: Self.start)
            #expect(peek.map(\.remaining) == [3, 0], "key-\(key)")
        }
    }

    @Test("the table grows while other tasks use the keys it moves")
    func growthWhileInUse() async throws {
        let store = InMemoryRateLimitStore(shardCount: 1, sweepInterval: 1 << 30)
        let policy = policy
        for key in 0..<50 {
            _ = try await store.acquire(key: "steady-\(key)", policy: policy, cost: 0, now: Self.start)
        }
        let admitted = try await Self.admittedPerKey(tasks: 4, rounds: 8, keys: 50) { task, key in
            if task < 2 {
                // Two tasks insert 1,000 new keys between them (each counted once a round), growing
                // the table several times.
                for fresh in 0..<10 {
                    let name = "fresh-\(task)-\(key)-\(fresh)"
                    _ = try store.acquire(key: name, policy: policy, cost: 1, now: Self.start)
                }
            }
            return try store.acquire(key: "steady-\(key)", policy: policy, cost: 1, now: Self.start).isAllowed
        }
        #expect(admitted.allSatisfy { $0 == 10 })
        #expect(store.trackedKeyCount == 50 + 2 * 50 * 10)
        for task in 0..<2 {
            for key in 0..<50 {
                for fresh in 0..<10 {
                    let name = "fresh-\(task)-\(key)-\(fresh)"
                    let peek = try await store.acquire(key: name, policy: policy, cost: 0, now: Self.start)
                    #expect(peek.remaining == 10 - 8, "\(name)")
                }
            }
        }
    }

    @Test("sweeps drop idle keys while other tasks use and re-create keys")
    func evictionWhileInUse() async throws {
        let store = InMemoryRateLimitStore(shardCount: 2, sweepInterval: 1)
        let policy = policy
        for key in 0..<1000 { _ = try await store.acquire(key: "old-\(key)", policy: policy, cost: 4, now: Self.start) }
        let later = Self.start.addingTimeInterval(61)
        let admitted = try await Self.admittedPerKey(tasks: 4, rounds: 5, keys: 100) { task, key in
            switch task {
            case 0:
                store.evictIdle(now: later)
                return false
            case 1:
                // Each old key comes back once, idle for longer than its window: counted afresh.
                for old in stride(from: key, to: 1000, by: 100) {
                    let name = "old-\(old)"
                    _ = try store.acquire(key: name, policy: policy, cost: 0, now: later)
                }
                return false
            default:
                return try store.acquire(key: "live-\(key)", policy: policy, cost: 3, now: later).isAllowed
            }
        }
        // Two tasks, five rounds each: ten attempts of 3 units per live key, three admitted.
        #expect(admitted.allSatisfy { $0 == 3 })
        for key in 0..<1000 {
            let peek = try await store.acquire(key: "old-\(key)", policy: policy, cost: 0, now: later)
            #expect(peek.remaining == 10, "old-\(key)")
        }
        // A window's length plus one bucket after the last use of every key.
        let muchLater = later.addingTimeInterval(62)
        store.evictIdle(now: muchLater)
        #expect(store.trackedKeyCount == 0)
        // Entries freed by the sweep are recycled for new keys, which start empty.
        for key in 0..<1100 {
            let decision = try await store.acquire(key: "new-\(key)", policy: policy, cost: 2, now: muchLater)
            #expect(decision.remaining == 8, "new-\(key)")
        }
        #expect(store.trackedKeyCount == 1100)
    }
}
