import StorekeeperCore
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("System clock")
struct SystemClockTests {
    @Test("reads the current time through the WallClock protocol")
    func readsSystemTime() {
        let clock: any WallClock = SystemClock()
        let before = Date()
        let now = clock.now
        let after = Date()
        #expect(before <= now && now <= after)
    }
}
