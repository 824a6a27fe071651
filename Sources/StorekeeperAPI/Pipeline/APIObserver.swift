/// Receives one event per handled request, for the host to log or count.
///
/// It is called after the response is complete and must not block: hand the event to a logger
/// or a metrics system and return.
public protocol APIObserver: Sendable {
    /// Called once per request with what happened.
    func requestCompleted(_ event: APIRequestEvent)
}
