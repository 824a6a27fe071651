import StorekeeperCore

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// When a product that its partner stopped updating is due for deletion.
///
/// Spring deletes products "that have not been updated for a continuous 3 days" so that stale
/// data is not served; ``spring`` is that policy. The policy is pure: give it products and the
/// current time, and it says which are due. A sweep the host schedules then deletes each with
/// its version, so a product updated meanwhile is not deleted:
///
/// ```swift
/// let due = StalenessPolicy.spring.productsDue(in: candidates, now: clock.now)
/// for product in due {
///     _ = try? await store.delete(id: product.id, expectedVersion: product.version, now: clock.now)
/// }
/// ```
///
/// A later write of the product undeletes it (``CatalogStore/upsert(_:condition:now:)``).
public struct StalenessPolicy: Sendable, Hashable {
    /// How long a product may go without an update before it is due.
    public var maximumAge: Duration

    /// Creates a policy.
    ///
    /// - Parameter maximumAge: How long a product may go without an update.
    public init(maximumAge: Duration) {
        self.maximumAge = maximumAge
    }

    /// Spring's rule: products not updated for 3 days are deleted.
    public static let spring = StalenessPolicy(maximumAge: .seconds(3 * 24 * 60 * 60))

    /// The latest update time that is still due at `now`: products updated at or before it are due.
    ///
    /// Use it to select candidates in the store (`WHERE updated_at <= $cutoff AND deleted_at IS NULL`).
    ///
    /// - Parameter now: The current time.
    /// - Returns: `now` minus ``maximumAge``.
    public func cutoff(now: Date) -> Date {
        now.adding(.zero - maximumAge)
    }

    /// Whether `product` is due for deletion at `now`: live, stored, and not updated for at
    /// least ``maximumAge``.
    ///
    /// - Parameters:
    ///   - product: The product.
    ///   - now: The current time.
    /// - Returns: `true` when the product should be deleted.
    public func isDue(_ product: Product, now: Date) -> Bool {
        guard !product.isDeleted, let updatedAt = product.updatedAt else { return false }
        return updatedAt <= cutoff(now: now)
    }

    /// The products in `products` that are due for deletion at `now`, in their original order.
    ///
    /// - Parameters:
    ///   - products: Candidate products.
    ///   - now: The current time.
    /// - Returns: The products ``isDue(_:now:)`` accepts.
    /// - Complexity: O(*n*) in the number of products.
    public func productsDue(in products: some Sequence<Product>, now: Date) -> [Product] {
        products.filter { isDue($0, now: now) }
    }
}
