public import Logging
public import Storekeeper

/// Logs one line per request through the pipeline's observer: method, path, status, duration
/// and the public id of the key used — never a key, a query string or a body.
public struct RequestLog: APIObserver {
    /// Where the lines go: the server's logger, which writes to stderr.
    public let logger: Logger

    /// A log writing to `logger`.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Logs the event as `GET /api/1/product_ids 200 1.2ms key=<id>`.
    public func requestCompleted(_ event: APIRequestEvent) {
        var line = "\(event.method) \(event.path) \(event.status) \(Self.milliseconds(event.duration))"
        line += " key=\(event.keyID ?? "-")"
        if case .denied = event.rateLimit { line += " rate_limited" }
        if let code = event.errorCode { line += " error=\(code)" }
        if let correlationID = event.correlationID { line += " correlation=\(correlationID)" }
        logger.info("\(line)")
    }

    /// Logs a request the host answered itself (an OpenAPI document, the admin endpoint, an
    /// oversized body), in the same shape.
    public func hostAnswered(method: String, path: String, status: Int, duration: Duration, keyID: String? = nil) {
        logger.info("\(method) \(path) \(status) \(Self.milliseconds(duration)) key=\(keyID ?? "-")")
    }

    /// A duration as milliseconds with one decimal: `1.2ms`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)ms"
    }
}
