public import StorekeeperCore
public import StorekeeperJSON

/// What a handler returns: a status, the data, envelope members beside the data, headers, and
/// the entity tag of the one resource it describes.
///
/// The profile's ``APIDialect`` wraps the data in its envelope (ShopiSync's
/// `{"success": true, "data": ..., "pagination": ...}`, Spring's bare objects).
public struct APIOutput: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The response data, or `nil` for no body.
    public var data: JSONValue?
    /// Members the envelope places beside the data, such as `pagination`.
    public var meta: JSONObject
    /// Extra response headers, such as `Link` or `Location`.
    public var headers: HTTPHeaders
    /// The entity tag of the resource, sent as `ETag`.
    public var entityTag: EntityTag?

    /// An output from its parts.
    public init(
        status: Int = 200,
        data: JSONValue?,
        meta: JSONObject = JSONObject(),
        headers: HTTPHeaders = HTTPHeaders(),
        entityTag: EntityTag? = nil
    ) {
        self.status = status
        self.data = data
        self.meta = meta
        self.headers = headers
        self.entityTag = entityTag
    }

    /// A 200 with `data`.
    public static func ok(_ data: JSONValue, meta: JSONObject = JSONObject(), entityTag: EntityTag? = nil) -> APIOutput
    {
        APIOutput(status: 200, data: data, meta: meta, entityTag: entityTag)
    }

    /// A 204 without a body.
    public static var noContent: APIOutput {
        APIOutput(status: 204, data: nil)
    }
}
