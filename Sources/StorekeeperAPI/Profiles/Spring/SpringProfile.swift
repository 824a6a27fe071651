public import StorekeeperCatalog
import StorekeeperJSON
import StorekeeperKeys
import StorekeeperPagination
import StorekeeperSchema

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The Spring brand API (seed 001), served as documented under `/api/1`.
///
/// The key travels as the HTTP Basic user name with an empty password (`curl -u "f45h10nw33k:"`).
/// A key belongs to one brand: its record's `owner` is the brand's `vendor_id` (as text), and a
/// `PUT /product` for another vendor is refused. Products are kept under the id of the key that
/// created them, so `GET /product_ids` lists exactly "the products created using your API key".
/// Products not updated for 3 days stop being served at once and are deleted by
/// ``sweepStaleProducts(now:)``, which the host schedules; a `PUT` brings them back.
///
/// Spring's own keys such as `f45h10nw33k` have no prefix or checksum: import them with
/// ``StorekeeperKeys/APIKeyManager/importKey(_:owner:name:permissions:allowlist:)`` and verify with
/// ``StorekeeperKeys/APIKeyManager/LegacyKeys/accepted``.
public struct SpringProfile: Sendable {
    /// `/api/1`.
    public static let basePath = "/api/1"

    private let catalog: any CatalogStore
    private let staleness: StalenessPolicy
    private let currency: Currency

    /// A profile over the host's catalogue.
    ///
    /// - Parameters:
    ///   - catalog: The products.
    ///   - staleness: When an unchanged product stops being served: 3 days, as the seed says.
    ///   - currency: The currency of the decimal prices Spring sends: US dollars.
    public init(catalog: any CatalogStore, staleness: StalenessPolicy = .spring, currency: Currency = .usd) {
        self.catalog = catalog
        self.staleness = staleness
        self.currency = currency
    }

    /// The routes, dialect and credentials of the API.
    public var profile: APIProfile {
        APIProfile(
            name: "spring",
            basePath: Self.basePath,
            routes: [
                Route(
                    .get, "/product_ids", operationID: "getAllProductIds",
                    summary: "The ids of the products created with the calling key.",
                    access: .apiKey(nil),
                    response: .object([.required("product_ids", .array(of: .string()))]), handler: productIDs),
                Route(
                    .put, "/product", operationID: "createOrUpdateProduct",
                    summary: "Create a product, update it, or undelete it; the primary key is product.id.",
                    access: .apiKey(nil), body: SpringProductRequest.schema,
                    response: Self.outcomeSchema(["created", "updated", "undeleted"]), handler: upsertProduct),
                Route(
                    .delete, "/product/:id", operationID: "deleteProduct",
                    summary: "Delete a product created with the calling key.",
                    access: .apiKey(nil), response: Self.outcomeSchema(["deleted"]), handler: deleteProduct),
            ],
            dialect: SpringDialect(),
            credentials: [.basicUserName]
        )
    }

    /// Deletes every product not updated within the staleness period, as Spring does
    /// automatically; returns the ids deleted. A product updated concurrently is left alone.
    public func sweepStaleProducts(now: Date) async throws -> [ProductID] {
        var deleted: [ProductID] = []
        let all = try await catalog.allProducts(ProductQuery(page: PageRequest(position: .start, limit: 100)))
        for product in staleness.productsDue(in: all, now: now) {
            do {
                _ = try await catalog.delete(id: product.id, expectedVersion: product.version, now: now)
                deleted.append(product.id)
            } catch let error as CatalogStoreError where error.code == .versionConflict {
                continue
            }
        }
        return deleted
    }

    private static func outcomeSchema(_ statuses: [JSONValue]) -> Schema {
        .object([.required("id", .string()), .required("status", .enumeration(statuses))])
    }

    // MARK: Handlers

    private func productIDs(_ context: APIContext) async throws -> APIOutput {
        let keyID = try keyID(context)
        let products = try await catalog.allProducts(
            ProductQuery(page: PageRequest(position: .start, limit: 100), owner: keyID))
        let ids = products.filter { !staleness.isDue($0, now: context.now) }.map { JSONValue.string($0.id.rawValue) }
        return .ok(["product_ids": .array(ids)])
    }

    private func upsertProduct(_ context: APIContext) async throws -> APIOutput {
        let keyID = try keyID(context)
        let request = SpringProductRequest(validated: ValidatedFields(context.body ?? [:]))
        if let owner = context.key?.owner, owner != String(request.vendorID) {
            throw APIError(
                status: 403, code: .insufficientPermissions,
                message: "This API key belongs to vendor \(owner), not to vendor \(request.vendorID).")
        }
        let product = try request.product.canonicalProduct(owner: keyID, currency: currency)
        let existing = try await catalog.product(id: product.id)
        if let existing, existing.owner != keyID {
            throw APIError(
                status: 403, code: .insufficientPermissions,
                message: "Product \(product.id) was created with another API key.")
        }
        let condition: WritePrecondition = existing.map { .version($0.version) } ?? .insertOnly
        let stored = try await catalog.upsert(product, condition: condition, now: context.now)
        let outcome =
            switch existing {
            case nil: "created"
            case .some(let previous) where previous.isDeleted || staleness.isDue(previous, now: context.now):
                "undeleted"
            default: "updated"
            }
        return .ok(["id": .string(stored.id.rawValue), "status": .string(outcome)])
    }

    private func deleteProduct(_ context: APIContext) async throws -> APIOutput {
        let keyID = try keyID(context)
        let raw = try context.parameter("id")
        guard let id = try? ProductID(raw), let product = try await catalog.product(id: id), product.owner == keyID,
            !product.isDeleted
        else {
            throw APIError.notFound("No product with the id '\(raw)' was created with this API key.")
        }
        _ = try await catalog.delete(id: id, expectedVersion: product.version, now: context.now)
        return .ok(["id": .string(id.rawValue), "status": "deleted"])
    }

    private func keyID(_ context: APIContext) throws(APIError) -> String {
        guard let key = context.key else { throw APIError(status: 401, code: .missingCredentials, message: "No key.") }
        return key.id
    }
}
