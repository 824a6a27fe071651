public import Hummingbird
public import Logging
public import Storekeeper

/// The example server assembled: every API of ``APIDefinition/all`` built and seeded over
/// in-memory stores, and the line of admin keys to show once.
public struct DemoServer: Sendable {
    /// The APIs, in key-line order.
    public let apis: [ServedAPI]
    /// The responder dispatching to them.
    public let responder: StorekeeperResponder
    /// `{"shopisync": "...", "spring": "...", ...}`: the plaintext of a fresh admin key per API.
    /// Print it once, on stdout; it is kept nowhere else.
    public let keyLine: String

    /// Builds and seeds every API in `definitions`.
    ///
    /// - Parameters:
    ///   - configuration: The body limit and trusted proxies.
    ///   - definitions: The APIs to serve: ``APIDefinition/all`` unless a test narrows it.
    ///   - clock: The time: the system's unless a test fixes it.
    ///   - logger: Where request lines go.
    public static func make(
        configuration: ServerConfiguration,
        definitions: [APIDefinition] = APIDefinition.all,
        clock: any WallClock = SystemClock(),
        logger: Logger
    ) async throws -> DemoServer {
        let log = RequestLog(logger: logger)
        let context = APIBuildContext(
            clock: clock, observer: log,
            options: APIPipeline.Options(maximumBodyBytes: configuration.maximumBodyBytes))
        var apis: [ServedAPI] = []
        var line = JSONObject()
        for definition in definitions {
            let (api, adminKey) = try await definition.build(context)
            apis.append(api)
            line.append(definition.name, .string(adminKey))
        }
        let adapter = HTTPAdapter(
            maximumBodyBytes: configuration.maximumBodyBytes, trustedProxies: configuration.trustedProxies)
        return DemoServer(
            apis: apis,
            responder: StorekeeperResponder(apis: apis, adapter: adapter, log: log),
            keyLine: String(decoding: JSONWriter().serialize(.object(line)), as: UTF8.self))
    }

    /// The Hummingbird application serving the APIs on the configured host and port.
    ///
    /// - Parameters:
    ///   - configuration: Where to listen.
    ///   - logger: The server's own logger.
    ///   - onServerRunning: Called once the socket is bound, with the port it is bound to: the
    ///     moment to print ``keyLine``.
    public func application(
        configuration: ServerConfiguration,
        logger: Logger,
        onServerRunning: @escaping @Sendable (_ port: Int?) async -> Void = { _ in }
    ) -> Application<StorekeeperResponder> {
        Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "StorekeeperServer"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port) },
            logger: logger)
    }
}
