import StorekeeperCatalog
import Testing

@Suite("UndercutStrategy")
struct UndercutStrategyTests {
    private func usd(_ text: String) throws -> Money { try Money(parsing: text, currency: .usd) }

    private func competitors(_ prices: String?...) throws -> [Competitor] {
        try prices.enumerated().map { index, price in
            Competitor(id: "c\(index)", name: "Shop \(index)", currentPrice: try price.map(usd))
        }
    }

    private func strategy(_ step: String = "0.01") throws -> UndercutStrategy {
        try UndercutStrategy(step: usd(step))
    }

    @Test("undercuts the lowest competitor by the step")
    func undercut() throws {
        let settings = try PricingSettings(minPrice: usd("10"), maxPrice: usd("30"), autoReprice: true)
        let decision = try strategy().decide(
            currentPrice: usd("25"),
            settings: settings,
            competitors: competitors("22.00", nil, "20.00", "21.50")
        )
        #expect(decision.newPrice == (try usd("19.99")))
        #expect(decision.reason == .undercutLowestCompetitor)
        #expect(decision.lowestCompetitor?.name == "Shop 2")
        #expect(decision.changesPrice)
        #expect(decision.message.contains("Shop 2") && decision.message.contains("20.00 USD"))
        #expect(decision.message.contains("19.99 USD"))
    }

    @Test("clamps to the minimum and the maximum")
    func clamps() throws {
        let settings = try PricingSettings(minPrice: usd("18"), maxPrice: usd("19"), autoReprice: true)
        let low = try strategy().decide(currentPrice: usd("18.50"), settings: settings, competitors: competitors("15"))
        #expect(low.newPrice == (try usd("18")))
        #expect(low.reason == .clampedToMinimum)
        #expect(low.message.contains("minimum 18.00 USD"))
        let high = try strategy().decide(currentPrice: usd("18.50"), settings: settings, competitors: competitors("40"))
        #expect(high.newPrice == (try usd("19")))
        #expect(high.reason == .clampedToMaximum)
    }

    @Test("never goes below cost, even when the minimum or maximum would allow it")
    func cost() throws {
        let belowMinimum = try PricingSettings(minPrice: usd("5"), costPrice: usd("12"), autoReprice: true)
        let decision = try strategy().decide(
            currentPrice: usd("15"), settings: belowMinimum, competitors: competitors("10"))
        #expect(decision.newPrice == (try usd("12")))
        #expect(decision.reason == .heldAtCost)
        #expect(decision.message.contains("cost 12.00 USD"))
        let maximumBelowCost = try PricingSettings(maxPrice: usd("8"), costPrice: usd("9"), autoReprice: true)
        let capped = try strategy().decide(
            currentPrice: usd("9"), settings: maximumBelowCost, competitors: competitors("20"))
        #expect(capped.newPrice == (try usd("9")))
        #expect(capped.reason == .heldAtCost)
        #expect(!capped.changesPrice)
    }

    @Test("never goes below zero when no cost is known")
    func zeroFloor() throws {
        let settings = try PricingSettings(autoReprice: true)
        let decision = try strategy("1").decide(
            currentPrice: usd("3"), settings: settings, competitors: competitors("0.50"))
        #expect(decision.newPrice == .zero(in: .usd))
        #expect(decision.reason == .heldAtZero)
    }

    @Test("keeps the price when monitoring or automatic repricing is off, or no competitor has a price")
    func keeps() throws {
        let current = try usd("25")
        let cases: [(PricingSettings, [Competitor], RepricingDecision.Reason)] = [
            (try PricingSettings(autoReprice: true, isActive: false), try competitors("20"), .monitoringInactive),
            (try PricingSettings(autoReprice: false), try competitors("20"), .autoRepriceDisabled),
            (try PricingSettings(autoReprice: true), try competitors(nil, nil), .noCompetitorPrice),
            (try PricingSettings(autoReprice: true), [], .noCompetitorPrice),
        ]
        for (settings, offers, reason) in cases {
            let decision = try strategy().decide(currentPrice: current, settings: settings, competitors: offers)
            #expect(decision.reason == reason)
            #expect(decision.newPrice == current)
            #expect(!decision.changesPrice)
            #expect(decision.message.contains("25.00 USD"))
        }
    }

    @Test("the target is rounded to the currency's minor unit")
    func rounding() throws {
        let settings = try PricingSettings(autoReprice: true)
        let offers = try competitors("20.00")
        // 20.00 - 0.015 = 19.985: half-up gives 19.99, banker's the even 19.98.
        let halfUp = try UndercutStrategy(step: usd("0.015"))
        let up = try halfUp.decide(currentPrice: usd("30"), settings: settings, competitors: offers)
        #expect(up.newPrice.amountText == "19.99")
        let bankers = try UndercutStrategy(step: usd("0.015"), rounding: .bankers)
        let even = try bankers.decide(currentPrice: usd("30"), settings: settings, competitors: offers)
        #expect(even.newPrice.amountText == "19.98")
    }

    @Test("a step must be above zero")
    func invalidStep() throws {
        for step in ["0", "-0.01"] {
            let error = #expect(throws: PricingError.self) { try UndercutStrategy(step: usd(step)) }
            #expect(error?.code == .invalidStep)
        }
    }

    @Test("prices in another currency are refused, naming the field")
    func currencies() throws {
        let euros = try Competitor(id: "e", name: "Euro shop", currentPrice: Money(parsing: "10", currency: .eur))
        let settings = try PricingSettings(autoReprice: true)
        let competitorError = #expect(throws: PricingError.self) {
            try strategy().decide(currentPrice: usd("20"), settings: settings, competitors: [euros])
        }
        #expect(competitorError?.field == "competitors")
        #expect(competitorError?.code == .currencyMismatch)
        let eurSettings = try PricingSettings(minPrice: Money(parsing: "1", currency: .eur), autoReprice: true)
        #expect(throws: PricingError.self) {
            try strategy().decide(currentPrice: usd("20"), settings: eurSettings, competitors: [])
        }
        let eurStep = try UndercutStrategy(step: Money(parsing: "0.01", currency: .eur))
        #expect(throws: PricingError.self) {
            try eurStep.decide(currentPrice: usd("20"), settings: settings, competitors: [])
        }
    }

    @Test("reasons have stable snake-case codes")
    func reasonCodes() {
        #expect(RepricingDecision.Reason.undercutLowestCompetitor.rawValue == "undercut_lowest_competitor")
        #expect(Set(RepricingDecision.Reason.allCases.map(\.rawValue)).count == RepricingDecision.Reason.allCases.count)
    }
}
