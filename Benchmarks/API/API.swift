import Benchmark
import Foundation
import StorekeeperAPI
import StorekeeperCatalog
import StorekeeperCore
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperRateLimit
import StorekeeperTesting

/// The ShopiSync product shape, for the JSONEncoder peer.
struct CodableShopiSyncCompetitor: Codable {
    var id: String
    var name: String
    var url: String?
    var currentPrice: Decimal?
    var lastChecked: String?
}

struct CodableShopiSyncProduct: Codable {
    var id: String
    var title: String
    var sku: String?
    var currency: String
    var currentPrice: Decimal?
    var minPrice: Decimal?
    var maxPrice: Decimal?
    var costPrice: Decimal?
    var autoReprice: Bool
    var active: Bool
    var competitors: [CodableShopiSyncCompetitor]
    var createdAt: String?
    var updatedAt: String?
}

struct CodablePagination: Codable {
    var page: Int
    var limit: Int
    var total: Int
    var totalPages: Int
}

struct CodableProductList: Codable {
    var success: Bool
    var data: [CodableShopiSyncProduct]
    var pagination: CodablePagination
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )
    // A thousand calls per sample, each sample reporting the time per call: one call is
    // microseconds, so starting and stopping the clock around each one (for asynchronous
    // benchmarks, a task hand-off of tens of microseconds) would otherwise dominate it.
    let perIteration = Benchmark.Configuration(scalingFactor: .kilo)
    // The same for whole pages (hundreds of microseconds to milliseconds per call): longer, to
    // take several samples of a thousand calls.
    let perPage = Benchmark.Configuration(scalingFactor: .kilo, maxDuration: .seconds(25))
    guard let pepper = try? APIKeyPepper(version: 1, secret: Array(repeating: 42, count: 32)),
        let format = try? APIKeyFormat(prefixes: ShopiSyncProfile.keyPrefixes)
    else { return }
    /// A fresh ShopiSync API over in-memory stores: 50 products with two competitors each, 10 price
    /// changes for product 1, and a read key whose limit no benchmark run reaches.
    struct Fixture {
        let clock = ManualClock()
        let catalog = InMemoryCatalogStore()
        let history = InMemoryPriceHistoryStore()
        let profile: APIProfile
        let pipeline: APIPipeline
        let key: IssuedAPIKey

        init(pepper: APIKeyPepper, format: APIKeyFormat) async throws {
            let keys = APIKeyManager(store: InMemoryAPIKeyStore(), peppers: [pepper], format: format, clock: clock)
            profile =
                ShopiSyncProfile(catalog: catalog, priceHistory: history) { _ in
                    ShopiSyncShop(domain: "bench.myshopify.com", plan: "enterprise")
                }.profile
            pipeline = APIPipeline(
                profile: profile, keys: keys, rateLimiter: RateLimiter(store: InMemoryRateLimitStore()), clock: clock)
            for number in 1...50 {
                let product = Product(
                    id: ProductID(Int64(number)), owner: "shop", title: "Product \(number)",
                    variants: [
                        Variant(sku: try SKU("SKU-\(number)"), price: try Money(parsing: "24.99", currency: .usd))
                    ],
                    pricing: try PricingSettings(minPrice: try Money(parsing: "10.00", currency: .usd)),
                    competitors: [
                        Competitor(
                            id: "c1", name: "Hat Barn", url: "https://hatbarn.example/\(number)",
                            currentPrice: try Money(parsing: "23.50", currency: .usd), checkedAt: clock.now),
                        Competitor(
                            id: "c2", name: "Hats R Us", currentPrice: try Money(parsing: "25.00", currency: .usd)),
                    ])
                _ = try await catalog.upsert(product, condition: .insertOnly, now: clock.now)
            }
            for day in 0..<10 {
                try await history.record(
                    PricePoint(
                        price: try Money(parsing: "2\(day).99", currency: .usd),
                        recordedAt: clock.now - Double(day) * 86_400),
                    productID: ProductID(1), owner: "shop")
            }
            key = try await keys.create(
                owner: "shop", name: "bench", prefix: "sk_live", permissions: [.read],
                rateLimit: KeyRateLimit(limit: Int(UInt32.max), windowSeconds: 3600))
        }
    }

    Benchmark("API.getProduct.shopiSync", configuration: perIteration) { benchmark in
        let fixture = try await Fixture(pepper: pepper, format: format)
        let request = APIRequest(
            method: .get, target: "/api/external/v1/products/1",
            headers: ["Authorization": "Bearer \(fixture.key.secret.plaintext)"])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(await fixture.pipeline.handle(request))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    // The same work without the pipeline: the route's handler called directly and its data
    // written as JSON, which any endpoint must do to answer.
    Benchmark("Peer.bareHandler.getProduct.shopiSync", configuration: perIteration) { benchmark in
        let fixture = try await Fixture(pepper: pepper, format: format)
        guard let route = fixture.profile.routes.first(where: { $0.operationID == "getProduct" }) else { return }
        let context = APIContext(
            request: APIRequest(method: .get, target: "/api/external/v1/products/1"), operationID: "getProduct",
            parameters: ["productId": "1"], key: fixture.key.record, now: fixture.clock.now)
        benchmark.startMeasurement()
        let writer = JSONWriter()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let output = try await route.handler(context)
            blackHole(writer.serialize(output.data ?? nil))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    Benchmark("API.listProducts50.shopiSync", configuration: perPage) { benchmark in
        let fixture = try await Fixture(pepper: pepper, format: format)
        let request = APIRequest(
            method: .get, target: "/api/external/v1/products?limit=50",
            headers: ["Authorization": "Bearer \(fixture.key.secret.plaintext)"])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(await fixture.pipeline.handle(request))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }

    // The same response built with Codable and JSONEncoder from the same store page.
    Benchmark("Peer.JSONEncoder.listProducts50.shopiSync", configuration: perPage) { benchmark in
        let catalog = try await Fixture(pepper: pepper, format: format).catalog
        let encoder = JSONEncoder()
        let formatter = ISO8601DateFormatter()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let page = try await catalog.list(
                ProductQuery(page: PageRequest(position: .page(1), limit: 50), owner: "shop"))
            let list = CodableProductList(
                success: true,
                data: page.items.map { product in
                    CodableShopiSyncProduct(
                        id: product.id.rawValue, title: product.title, sku: product.variants.first?.sku.rawValue,
                        currency: "USD", currentPrice: product.variants.first?.price.amount,
                        minPrice: product.pricing?.minPrice?.amount, maxPrice: product.pricing?.maxPrice?.amount,
                        costPrice: product.pricing?.costPrice?.amount,
                        autoReprice: product.pricing?.autoReprice ?? false,
                        active: product.isActive,
                        competitors: product.competitors.map {
                            CodableShopiSyncCompetitor(
                                id: $0.id, name: $0.name, url: $0.url, currentPrice: $0.currentPrice?.amount,
                                lastChecked: $0.checkedAt.map(formatter.string))
                        },
                        createdAt: product.createdAt.map(formatter.string),
                        updatedAt: product.updatedAt.map(formatter.string))
                },
                pagination: CodablePagination(
                    page: 1, limit: 50, total: page.total ?? 0, totalPages: page.totalPages ?? 0))
            blackHole(try encoder.encode(list))
        }
        // Stopped here, before the hand-off back to the harness, which is not ours to measure.
        benchmark.stopMeasurement()
    }
}
