import StorekeeperCatalog
import Testing

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

@Suite("PriceHistory")
struct PriceHistoryTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    let day: TimeInterval = 86_400

    private func point(_ price: String, day offset: Double) throws -> PricePoint {
        PricePoint(price: try Money(parsing: price, currency: .usd), recordedAt: t0.addingTimeInterval(offset * day))
    }

    @Test("entries are kept in time order whatever order they are recorded in")
    func ordering() throws {
        var history = PriceHistory([try point("3", day: 3), try point("1", day: 1)])
        history.record(try point("2", day: 2))
        history.record(try point("4", day: 4))
        #expect(history.points.map(\.price.amountText) == ["1.00", "2.00", "3.00", "4.00"])
    }

    @Test("the latest entries come newest first (ShopiSync shows the last 10)")
    func latest() throws {
        let history = PriceHistory(try (1...12).map { try point("\($0)", day: Double($0)) })
        #expect(history.latest(10).count == 10)
        #expect(history.latest(10).first?.price.amountText == "12.00")
        #expect(history.latest(10).last?.price.amountText == "3.00")
        #expect(history.latest(0).isEmpty)
        #expect(history.latest(-1).isEmpty)
        #expect(history.latest(50).count == 12)
    }

    @Test("entries of the last days, inclusive, newest first")
    func window() throws {
        let history = PriceHistory(try (0...40).map { try point("\($0)", day: Double($0)) })
        let now = t0.addingTimeInterval(40 * day)
        let month = history.points(inLast: .seconds(30 * 86_400), now: now)
        #expect(month.count == 31)
        #expect(month.first?.price.amountText == "40.00")
        #expect(month.last?.price.amountText == "10.00")
        let earlier = history.points(inLast: .seconds(86_400), now: t0.addingTimeInterval(5 * day))
        #expect(earlier.map(\.price.amountText) == ["5.00", "4.00"])
    }

    @Test("entries at the same instant keep their recording order")
    func ties() throws {
        var history = PriceHistory()
        history.record(try point("1", day: 1))
        history.record(try point("2", day: 1))
        #expect(history.latest(1).first?.price.amountText == "2.00")
    }
}
