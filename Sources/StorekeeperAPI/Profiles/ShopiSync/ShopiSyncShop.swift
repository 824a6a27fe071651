/// What ShopiSync's `GET /v1/stats` reports about the shop that owns the calling key.
public struct ShopiSyncShop: Sendable, Hashable {
    /// The shop's domain, such as `example.myshopify.com`.
    public var domain: String
    /// The shop's current plan, such as `enterprise`.
    public var plan: String

    /// A shop from its domain and plan.
    public init(domain: String, plan: String) {
        self.domain = domain
        self.plan = plan
    }
}
