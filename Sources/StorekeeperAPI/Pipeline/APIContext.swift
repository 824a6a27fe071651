import StorekeeperCore
public import StorekeeperJSON
public import StorekeeperKeys

#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// What a handler knows about the request it serves, after every stage before it passed.
public struct APIContext: Sendable {
    /// The request.
    public let request: APIRequest
    /// The route's operation id.
    public let operationID: String
    /// The path parameters, percent-decoded.
    public let parameters: [String: String]
    /// The verified key, for routes that require one and were called with a key.
    public let key: APIKeyRecord?
    /// The session, for routes that require a key and were called with a session instead.
    public let session: APISession?
    /// The validated body, with the schema's coercions and defaults applied, for routes that
    /// declare a body schema.
    public let body: JSONValue?
    /// The instant the request is handled at, from the pipeline's clock.
    public let now: Date

    /// A context from its parts; the pipeline builds it, tests of a handler may too.
    public init(
        request: APIRequest,
        operationID: String,
        parameters: [String: String] = [:],
        key: APIKeyRecord? = nil,
        session: APISession? = nil,
        body: JSONValue? = nil,
        now: Date
    ) {
        self.request = request
        self.operationID = operationID
        self.parameters = parameters
        self.key = key
        self.session = session
        self.body = body
        self.now = now
    }

    /// The owner of the key or session the request was authenticated with.
    public var owner: String? {
        key?.owner ?? session?.owner
    }

    /// The path parameter called `name`.
    ///
    /// - Throws: A 404 ``APIError`` when the route has no such parameter.
    public func parameter(_ name: String) throws(APIError) -> String {
        guard let value = parameters[name] else { throw .notFound("The path has no '\(name)'.") }
        return value
    }

    /// The `If-Match` precondition of the request, or `nil` when it has none.
    ///
    /// - Throws: A 400 ``APIError`` when the header is malformed.
    public func ifMatch() throws(APIError) -> IfMatch? {
        guard let value = request.headers["If-Match"] else { return nil }
        guard let condition = IfMatch(headerValue: value) else {
            throw APIError(
                status: 400, code: .validationFailed,
                message: "If-Match must be * or a list of quoted entity tags such as \"7\".")
        }
        return condition
    }

    /// Checks the request's `If-Match` against the resource's current version.
    ///
    /// - Throws: A 412 ``APIError`` when the precondition does not hold, a 400 when it is malformed.
    public func checkIfMatch(currentVersion: Int64) throws(APIError) {
        guard let condition = try ifMatch() else { return }
        guard condition.matches(version: currentVersion) else {
            throw APIError(
                status: 412, code: .preconditionFailed,
                message:
                    "The resource changed: its ETag is \(EntityTag(version: currentVersion)), not what If-Match names."
            )
        }
    }
}
