public import Storekeeper
import StorekeeperTesting

/// One API the server serves: its pipeline, its own key manager and what the admin endpoint and
/// the OpenAPI route need to know about it.
public struct ServedAPI: Sendable {
    /// The name used in the key line, `/openapi/<name>.json` and `/admin/keys/<name>`.
    public let name: String
    /// The pipeline serving the profile.
    public let pipeline: APIPipeline
    /// The API's keys; each API has its own store, so a key of one API is unknown to the others.
    public let keys: APIKeyManager
    /// The prefix of keys created through the admin endpoint, such as `sk_live`.
    public let keyPrefix: String
    /// The most active keys one owner may hold, if the API limits it (11 per partner chain).
    public let ownerLimit: Int?
    /// The pretty-printed OpenAPI 3.1 document.
    public let openAPIDocument: [UInt8]

    /// The profile served.
    public var profile: APIProfile { pipeline.profile }

    /// The path every route lives under, such as `/api/external/v1`.
    public var basePath: String { pipeline.profile.basePath }

    /// Whether `path` is under ``basePath`` on a segment boundary: `/api/1` serves `/api/1` and
    /// `/api/1/product_ids`, not `/api/10`.
    public func serves(_ path: String) -> Bool {
        guard path.hasPrefix(basePath) else { return false }
        let rest = path.dropFirst(basePath.count)
        return rest.isEmpty || rest.hasPrefix("/")
    }

    /// An API from its parts; the OpenAPI document is generated here from the profile.
    public init(
        name: String, title: String, pipeline: APIPipeline, keys: APIKeyManager, keyPrefix: String,
        ownerLimit: Int? = nil
    ) {
        self.name = name
        self.pipeline = pipeline
        self.keys = keys
        self.keyPrefix = keyPrefix
        self.ownerLimit = ownerLimit
        let document = OpenAPIDocument(profile: pipeline.profile, title: title, version: "1.0.0")
        var bytes = JSONWriter(options: .init(prettyPrinted: true)).serialize(document.json)
        bytes.append(UInt8(ascii: "\n"))
        self.openAPIDocument = bytes
    }
}

/// What every API definition builds with: the clock, the request log and the pipeline options.
public struct APIBuildContext: Sendable {
    /// The time every component uses.
    public let clock: any WallClock
    /// The pipelines' observer.
    public let observer: RequestLog
    /// Body limit and other pipeline options, the same for every API.
    public let options: APIPipeline.Options

    /// A context from its parts.
    public init(clock: any WallClock, observer: RequestLog, options: APIPipeline.Options) {
        self.clock = clock
        self.observer = observer
        self.options = options
    }

    /// A key manager over a fresh in-memory store with a random pepper made for this run.
    public func keyManager(
        prefixes: Set<String>, legacyKeys: APIKeyManager.LegacyKeys = .refused
    ) throws -> APIKeyManager {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return APIKeyManager(
            store: InMemoryAPIKeyStore(),
            peppers: [try APIKeyPepper(version: 1, secret: secret)],
            format: try APIKeyFormat(prefixes: prefixes),
            clock: clock,
            legacyKeys: legacyKeys)
    }
}

/// How to build and seed one API. ``APIDefinition/all`` lists them; adding an API to the server
/// is adding one entry there.
public struct APIDefinition: Sendable {
    /// The name in the key line, `/openapi/<name>.json` and `/admin/keys/<name>`.
    public let name: String
    /// Builds the API over fresh in-memory stores, seeds its demo data and returns it with the
    /// plaintext of a fresh admin key, shown once in the key line.
    public let build: @Sendable (APIBuildContext) async throws -> (api: ServedAPI, adminKey: String)

    /// A definition from its name and builder.
    public init(
        name: String,
        build: @escaping @Sendable (APIBuildContext) async throws -> (api: ServedAPI, adminKey: String)
    ) {
        self.name = name
        self.build = build
    }

    /// Every API the example serves, in key-line order.
    public static let all: [APIDefinition] = [.shopiSync, .spring, .everShop, .everspring, .partnerOrders]
}
