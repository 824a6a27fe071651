public import Hummingbird
public import NIOCore

/// The request context of the example server: Hummingbird's core context plus the connection's
/// peer address, which the adapter uses as the client address.
public struct StorekeeperRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The address of the connection's peer, or `nil` when there is no socket (router tests).
    public let remoteAddress: SocketAddress?

    /// A context for a request that arrived on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
