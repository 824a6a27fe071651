import StorekeeperCore
import StorekeeperTesting
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("Manual clock")
struct ManualClockTests {
    @Test("stands still until moved, and moves by exact durations in both directions")
    func movesOnlyByHand() {
        let clock = ManualClock()
        let start = clock.now
        #expect(start == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(clock.now == start)
        clock.advance(by: .seconds(3600))
        #expect(clock.now.timeIntervalSince(start) == 3600)
        clock.advance(by: .milliseconds(-1500))
        #expect(clock.now.timeIntervalSince(start) == 3598.5)
        clock.set(to: Date(timeIntervalSince1970: 0))
        #expect(clock.now == Date(timeIntervalSince1970: 0))
    }

    @Test("every holder sees the same time, across tasks")
    func sharedAcrossTasks() async {
        let clock = ManualClock(Date(timeIntervalSince1970: 0))
        let holder: any WallClock = clock
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 {
                group.addTask { clock.advance(by: .seconds(1)) }
            }
        }
        #expect(holder.now == Date(timeIntervalSince1970: 100))
    }
}
